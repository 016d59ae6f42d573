package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;
import java.util.Currency;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Money: a currency written before the number ($5, US$4.7 billion, EUR 20, Rs20, C$ 1.34, malaysian ringgit 42) or
 * after it (20 يورو, 150 مليار دولار, 5 mln dlrs, 42 Lebanese Pounds, درهم إماراتي, 48.5 MGBP), with a country
 * before or after the currency name picking its ISO code, and subunits adding hundredths (20 dollars 43 cents).
 *
 * <p>ISO 4217 codes come from {@code java.util.Currency}; names, symbols, wire abbreviations and country
 * adjectives from {@code currencies.tsv}. Which dollar a bare "dlrs" is, the story decides ({@link StoryCurrency}).
 */
final class MoneyRecognizer {

    private static final Set<String> ISO_CODES = isoCodes();
    private static final boolean[] ISO_INDEX = isoIndex();

    private MoneyRecognizer() {
    }

    static boolean isIsoCode(String upper) {
        return ISO_CODES.contains(upper);
    }

    /** A three-letter Latin word that is an ISO 4217 code in any case (USD, eur), checked without allocating. */
    static boolean isIsoCode(Doc d, Token t) {
        if (t.type != TokenType.LATIN || t.end - t.start != 3) {
            return false;
        }
        int index = 0;
        for (int k = t.start; k < t.end; k++) {
            int c = (d.text.charAt(k) | 0x20) - 'a';
            if (c < 0 || c >= 26) {
                return false;
            }
            index = index * 26 + c;
        }
        return ISO_INDEX[index];
    }

    /** A currency name, symbol, country adjective or ISO code at i. */
    static boolean isCurrencyWord(Doc d, int i) {
        Token t = d.at(i);
        return t.entry != null && (t.entry.currencyFamily != null || t.entry.country != null)
                || isIsoCode(d.surface(i).toUpperCase(Locale.ROOT)) && d.surface(i).length() == 3;
    }

    /** A word written without vowels (rmb, rs, dlrs, stg): an abbreviation, not a word of the sentence. */
    private static boolean abbreviation(String s) {
        for (int k = 0; k < s.length(); k++) {
            if ("aeiouAEIOU".indexOf(s.charAt(k)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Money written with the currency first, starting at i, or null. */
    static Candidate prefixed(Doc d, int i) {
        int k = i;
        String country = null;
        Token t = d.at(k);
        if (t.entry != null && t.entry.country != null && t.type == TokenType.LATIN) {
            boolean single = t.end - t.start == 1;
            boolean canadian = single && d.surface(k).equalsIgnoreCase("c") && d.isSymbol(k + 1, '$');
            if (!single || canadian || d.isSymbol(k + 1, '$') && d.attached(k)) {
                country = t.entry.country;
                k++;
            }
        }
        Token cur = d.at(k);
        String family;
        String currency;
        if (cur.type == TokenType.SYMBOL) {
            Word w = d.lexicon.symbol(cur.sym);
            if (w == null || w.currencyFamily == null) {
                return null;
            }
            family = w.currencyFamily;
            currency = w.currencyDefault;
        } else if (cur.type == TokenType.LATIN) {
            String s = d.surface(k);
            String upper = s.toUpperCase(Locale.ROOT);
            if (s.length() == 3 && isIsoCode(upper) && (s.equals(upper) || d.at(k + 1).type == TokenType.DIGITS
                    || d.isSymbol(k + 1, '$'))) {
                currency = upper;
                family = "iso";
            } else if (cur.entry != null && cur.entry.currencyFamily != null && (country != null || s.length() > 1)
                    && (country != null || !cur.entry.currencyNeedsCountry)
                    && !d.lexicon.isSubunit(cur.entry.currencyFamily)
                    && (country != null || cur.capitalized || !d.english || abbreviation(s))) {
                // an English currency name before the number is an abbreviation (Rs 20, rmb 10) or follows its
                // country (malaysian ringgit 42): "won two-thirds", "pound 5 nails" are verbs
                family = cur.entry.currencyFamily;
                currency = cur.entry.currencyDefault;
            } else {
                return null;
            }
            if (d.isSymbol(k + 1, '.') && d.attached(k) && abbreviation(s) && !"iso".equals(family)) {
                k++;  // Rs. 500: the abbreviation's full stop
            }
            if (d.isSymbol(k + 1, '$') && d.attached(k)) {
                k++;  // usd$ 15, cad$ 15
                if (!"iso".equals(family)) {
                    family = "dollar";
                }
            }
        } else {
            return null;
        }
        if (country != null && !"iso".equals(family)) {
            String byCountry = d.lexicon.currency(family, country);
            currency = byCountry != null ? byCountry : currency;
        }
        if (country == null && "$".equals(d.surface(k)) && d.at(k - 1).type == TokenType.LATIN && d.attached(k - 1)
                && d.at(k - 1).entry != null && d.at(k - 1).entry.country != null) {
            return null;
        }
        NumberPhrase n = NumberRecognizer.at(d, k + 1, true);
        if (n == null || n.ordinal() || n.first() != k + 1) {
            return null;
        }
        int last = n.last();
        // A currency name repeated or completed after the number: US$ 5 dollars, $5 mln dlrs.
        Token after = d.at(n.last() + 1);
        if (after.entry != null && family.equals(after.entry.currencyFamily)) {
            last = n.last() + 1;
        }
        Candidate money = new Candidate(FigureKind.MONEY, i, last, n.value(), null, null, null, null, currency, n,
                null, false, false);
        return subunit(d, money);
    }

    /** The number phrase n as money when a currency follows it at k, or null. */
    private static boolean europeanCurrencyUnit(Doc d, int c) {
        String unit = d.surface(c + 2);
        return "european".equalsIgnoreCase(d.surface(c)) && "currency".equalsIgnoreCase(d.surface(c + 1))
                && ("units".equalsIgnoreCase(unit) || "unit".equalsIgnoreCase(unit));
    }

    static Candidate after(Doc d, NumberPhrase n, int k) {
        String country = null;
        int c = k;
        Token t = d.at(c);
        if (d.english && t.entry != null && t.entry.country != null && !t.has(Role.PER)) {
            if (t.end - t.start > 1 || d.isSymbol(c + 1, '$')) {
                country = t.entry.country;
                c++;
            }
        } else if (d.english && t.capitalized && d.at(c + 1).type == TokenType.LATIN) {
            Word two = d.lexicon.get(d.surface(c) + " " + d.surface(c + 1));
            if (two != null && two.country != null) {
                country = two.country;
                c += 2;
            }
        }
        Token cur = d.at(c);
        String family;
        String currency;
        double value = n.value();
        Word w = cur.type == TokenType.SYMBOL ? d.lexicon.symbol(cur.sym) : cur.entry;
        String s = d.surface(c);
        if (w == null && cur.type == TokenType.ARABIC && d.wordsKnown) {
            w = looseArabic(d, c);
        }
        if (w != null && w.currencyFamily != null && cur.stemOffset == 0) {
            if (cur.type == TokenType.LATIN && s.length() == 1 && !d.attached(c - 1) && !s.equals("c")) {
                return null;  // a lone "p" or "c" after a space is not a currency
            }
            if (s.equals("c") && (!d.attached(c - 1) || d.isSymbol(c + 1, '$'))) {
                return null;  // 5 c, or C$ beginning the next figure
            }
            if (nameLike(d, c)) {
                return null;
            }
            family = w.currencyFamily;
            currency = w.currencyDefault;
        } else if (cur.type == TokenType.LATIN && s.length() == 3 && isIsoCode(s.toUpperCase(Locale.ROOT))
                && (s.equals(s.toUpperCase(Locale.ROOT)) || country == null && !d.english)) {
            family = "iso";
            currency = s.toUpperCase(Locale.ROOT);
        } else if (cur.type == TokenType.LATIN && s.length() == 4 && s.charAt(0) == 'M'
                && isIsoCode(s.substring(1)) && !d.attached(c - 1)) {
            family = "iso";
            currency = s.substring(1);
            value *= 1e6;  // 48.5 MGBP: millions of the currency
        } else if (d.english && country == null && europeanCurrencyUnit(d, c)) {
            family = "iso";
            currency = "XEU";  // 65 mln European currency units: the ECU, the EC's unit of account
            c += 2;
        } else {
            return null;
        }
        int last = c;
        // Country after the currency (Arabic): درهم إماراتي, الدولار الأمريكي, جنيهات استرلينية.
        Token adj = d.at(c + 1);
        Word aw = adj.entry != null ? adj.entry
                : adj.type == TokenType.ARABIC && d.wordsKnown ? looseArabic(d, c + 1) : null;
        if (d.arabic && aw != null && !adj.conjunction) {
            if (aw.country != null) {
                country = aw.country;
                last = c + 1;
            } else if (family.equals(aw.currencyFamily) && aw.currencyDefault != null) {
                currency = aw.currencyDefault;
                last = c + 1;
            }
        }
        if (country == null && w != null && w.currencyNeedsCountry) {
            return null;
        }
        boolean byCountry = false;
        if (country != null && !"iso".equals(family)) {
            String iso = d.lexicon.currency(family, country);
            if (iso != null) {
                currency = iso;
                byCountry = true;
            }
        }
        boolean bare = country == null && currency != null && !"iso".equals(family)
                && cur.type != TokenType.SYMBOL && last == c;
        Word part = d.at(last + 1).entry;
        if (d.english && part != null && !d.lexicon.isSubunit(family) && d.lexicon.isSubunit(part.currencyFamily)
                && !"iso".equals(family)) {
            value /= d.lexicon.subunitParts(part.currencyFamily);  // 5 euro cents
            last++;
        }
        FractionRecognizer.Part half = d.arabic && n.value() % 1 == 0 && !n.hasScale()
                ? FractionRecognizer.partAfter(d, last + 1) : null;
        if (half != null && !Normalizer.key(d.surface(half.last() + 1)).startsWith("ال")) {
            // عشرة دولارات ونصف, as ثلاث سنوات ونصف; ونصف المبلغ is half of something else
            value += half.value();
            last = half.last();
        }
        value /= d.lexicon.subunitParts(family);
        return subunit(d, Candidate.of(FigureKind.MONEY, n).money(value, currency, family, bare, byCountry, last));
    }

    /**
     * A capitalized English currency word that reads as a name: a subunit (1949 Mao, 50 Cent) or a word followed by
     * a capitalized word that is no currency or country (1990 Mark Twain, 2 Rand Paul). Text written all in
     * capitals says nothing.
     */
    private static boolean nameLike(Doc d, int c) {
        Token t = d.at(c);
        if (!d.english || t.type != TokenType.LATIN || !t.capitalized || t.end - t.start < 2
                || Character.isUpperCase(d.text.charAt(t.start + 1))) {
            return false;
        }
        Token next = d.at(c + 1);
        return d.lexicon.isSubunit(t.entry.currencyFamily)
                || next.type == TokenType.LATIN && next.capitalized && !isCurrencyWord(d, c + 1);
    }

    /**
     * An Arabic word read without its accusative alef (هكتارا, دولارا) or with tanween written out as a letter
     * (ريالن), when its written form is not listed.
     */
    static Word looseArabic(Doc d, int i) {
        Token t = d.at(i);
        String form = Normalizer.clean(d.text, t.start, t.end);
        boolean marked = form.length() == 3 && form.endsWith("ا") && d.text.charAt(t.end - 1) == '\u064B';
        if ((form.length() > 3 || marked) && (form.endsWith("ا") || form.endsWith("ن"))) {
            return d.lexicon.get(form.substring(0, form.length() - 1));  // هكتارا, طناً, ريالن
        }
        return null;
    }

    /**
     * 20 dollars 43 cents, $20 and 43c, 3 GBP 1 pence, twenty dollar and 43, 1 yuan 5 jiao 3 fen: each subunit adds
     * its parts.
     */
    private static Candidate subunit(Doc d, Candidate money) {
        Candidate more = oneSubunit(d, money);
        while (more != money && d.at(more.last()).entry != null
                && d.lexicon.isSubunit(d.at(more.last()).entry.currencyFamily)) {
            money = more;
            more = oneSubunit(d, money);
        }
        return more;
    }

    private static Candidate oneSubunit(Doc d, Candidate money) {
        int k = money.last() + 1;
        boolean and = d.isAndWord(k);
        if (and) {
            k++;
        }
        NumberPhrase cents = d.at(k).type == TokenType.DIGITS || d.at(k).isNumberWord()
                ? NumberRecognizer.at(d, k, false) : null;
        if (cents == null || cents.value() >= 100 || cents.value() <= 0 || cents.hasScale()) {
            return money;
        }
        Token unit = d.at(cents.last() + 1);
        Word w = unit.isWord() ? unit.entry : null;
        if (w == null && unit.type == TokenType.ARABIC && d.wordsKnown) {
            w = looseArabic(d, cents.last() + 1);  // 50 سنتا
        }
        if (w != null && d.lexicon.isSubunit(w.currencyFamily)) {
            double parts = d.lexicon.subunitParts(w.currencyFamily);
            return cents.value() < parts ? money.valued(money.value() + cents.value() / parts, cents.last() + 1)
                    : money;
        }
        Word before = d.at(money.last()).entry;
        if (!and && before != null && d.lexicon.subunitParts(before.currencyFamily) == 10 && cents.value() < 10
                && (unit == Doc.NONE || unit.type == TokenType.SYMBOL)) {
            return money.valued(money.value() + cents.value() / 100, cents.last());  // five mao five: the next tenth
        }
        double value = money.value() + cents.value() / 100;
        if (and && (unit == Doc.NONE || unit.type == TokenType.SYMBOL) && money.number().value() % 1 == 0) {
            return money.valued(value, cents.last());  // "twenty dollar and 43": nothing else could the 43 be
        }
        if (!and && money.currency() != null && d.at(money.last()).type == TokenType.LATIN
                && (unit == Doc.NONE || unit.type == TokenType.SYMBOL && unit.sym == '.') && cents.plainDigits()
                && d.at(k).integerDigits == 2) {
            return money.valued(value, cents.last());  // 17 USD 25
        }
        return money;
    }

    private static boolean[] isoIndex() {
        boolean[] index = new boolean[26 * 26 * 26];
        for (String code : ISO_CODES) {
            if (code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
                index[((code.charAt(0) - 'A') * 26 + code.charAt(1) - 'A') * 26 + code.charAt(2) - 'A'] = true;
            }
        }
        return index;
    }

    private static Set<String> isoCodes() {
        Set<String> codes = new HashSet<>();
        for (Currency c : Currency.getAvailableCurrencies()) {
            codes.add(c.getCurrencyCode());
        }
        codes.remove("ALL");  // the Albanian lek's code is an English word
        codes.remove("TOP");
        codes.remove("CUP");
        return Set.copyOf(codes);
    }
}
