package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;
import io.newsflow.extraction.FigureMention;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The currency a story means by a bare name, decided once the whole story is read.
 *
 * <ul>
 *   <li>A bare name with a default (dlrs → USD, درهم → AED) keeps it, unless the story names exactly one other
 *   country of that family (H.K. Dlrs, CANADIAN MONEY SUPPLY, الحكومة المغربية) before it and never the default's
 *   country: then it is that country's (HKD, CAD, MAD). One-letter prefixes (A$, S$) are no mention of a country.
 *   <li>A bare name with no safe default (دينار, crowns) takes the currency the story names in full elsewhere
 *   ("Norwegian crowns"), else that of the one country of its family the story names (pesos in a story about
 *   Manila's Philippine companies), else stays null.
 * </ul>
 */
final class StoryCurrency {

    /** A figure of the output, by index, whose currency depends on the story. */
    private record Pending(int index, String family) {
    }

    /** Currencies the story names with their country, by family. */
    private final Map<String, String> named = new HashMap<>();
    /** The default currency of each family the story uses bare. */
    private final Map<String, String> defaults = new HashMap<>();
    private final List<Pending> withoutDefault = new ArrayList<>();
    private final List<Pending> bareDefaults = new ArrayList<>();

    /** What the money figure c, about to be the output's figure number {@code index}, tells of the story. */
    void figure(Candidate c, int index) {
        if (c.family() != null && c.currency() == null) {
            withoutDefault.add(new Pending(index, c.family()));
        }
        if (c.bareDefault() && (c.kind() == FigureKind.MONEY || c.kind() == FigureKind.RANGE)) {
            bareDefaults.add(new Pending(index, c.family()));
        }
    }

    /** What a money reading says of its family, whether or not it is kept as a figure of its own. */
    void reading(Candidate c) {
        if (c.countryCurrency()) {
            named.put(c.family(), c.currency());
        }
        if (c.bareDefault()) {
            defaults.putIfAbsent(c.family(), c.currency());
        }
    }

    /** The story's figures with the currencies of their bare names decided. */
    void decide(Doc d, List<FigureMention> out) {
        if (!bareDefaults.isEmpty()) {
            ownCountry(d, out);
        }
        Map<String, String> byCountry = null;
        for (Pending p : withoutDefault) {
            String iso = named.get(p.family());
            if (iso == null) {
                byCountry = byCountry != null ? byCountry : onlyCountry(d);
                iso = byCountry.get(p.family());
            }
            if (iso != null && !iso.isEmpty() && out.get(p.index()).currency() == null) {
                out.set(p.index(), withCurrency(out.get(p.index()), iso));
            }
        }
    }

    /**
     * For each family the story's bare names lack a currency for, the currency of the one country of that family
     * the story names anywhere (pesos in a story about the Philippines), or "" when it names several.
     */
    private Map<String, String> onlyCountry(Doc d) {
        Set<String> families = new HashSet<>();
        for (Pending p : withoutDefault) {
            families.add(p.family());
        }
        Map<String, String> only = new HashMap<>();
        for (int k = 0; k < d.size(); k++) {
            Token t = d.at(k);
            if (t.entry == null || t.entry.country == null || t.end - t.start < 2) {
                continue;
            }
            for (String family : families) {
                String c = d.lexicon.storyCurrency(family, t.entry.country);
                if (c != null) {
                    only.merge(family, c, (a, b) -> a.equals(b) ? a : "");
                }
            }
        }
        return only;
    }

    private void ownCountry(Doc d, List<FigureMention> out) {
        Set<String> families = new HashSet<>();
        for (Pending p : bareDefaults) {
            families.add(p.family());
        }
        Map<String, String> own = new HashMap<>();
        Set<String> defaultNamed = new HashSet<>();
        Map<String, Integer> firstNamed = new HashMap<>();
        List<Pending> inFull = new ArrayList<>();  // الريال اليمني: a name with its country, by start and currency
        List<String> inFullCurrency = new ArrayList<>();
        for (int k = 0; k < d.size(); k++) {
            Token t = d.at(k);
            if (t.entry == null || t.entry.country == null || t.end - t.start < 2) {
                continue;  // A$, S$: a one-letter prefix is no mention of the country
            }
            for (String family : families) {
                String c = d.lexicon.storyCurrency(family, t.entry.country);
                if (c == null) {
                    continue;
                }
                Word name = d.at(k - 1).entry;
                if (d.arabic && name != null && family.equals(name.currencyFamily)) {
                    inFull.add(new Pending(t.start, family));
                    inFullCurrency.add(c);
                }
                if (c.equals(defaults.get(family))) {
                    defaultNamed.add(family);
                } else if (own.containsKey(family) && !own.get(family).equals(c)) {
                    own.put(family, "");  // two other countries: the story's dollar is not one of them
                } else if (!own.containsKey(family)) {
                    own.put(family, c);
                    firstNamed.put(family, t.start);
                }
            }
        }
        for (Pending p : bareDefaults) {
            String c = own.get(p.family());
            FigureMention f = out.get(p.index());
            String last = null;
            for (int n = 0; n < inFull.size() && inFull.get(n).index() < f.start(); n++) {
                last = inFull.get(n).family().equals(p.family()) ? inFullCurrency.get(n) : last;
            }
            if (last != null) {
                out.set(p.index(), withCurrency(f, last));  // الريال اليمني ... 214 ريالا: the riyal last named
                continue;
            }
            if (c == null || c.isEmpty() || defaultNamed.contains(p.family()) || firstNamed.get(p.family()) > f.start()) {
                continue;  // a bare "dlrs" before any other dollar is named keeps the default
            }
            out.set(p.index(), withCurrency(f, c));
        }
    }

    private static FigureMention withCurrency(FigureMention f, String currency) {
        return new FigureMention(f.kind(), f.value(), f.min(), f.max(), f.isoValue(), f.unit(), currency, f.text(),
                f.start(), f.end());
    }
}
