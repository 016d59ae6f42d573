package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * All word knowledge of the figures extractor in one table keyed by normalised form, so that one lookup per word
 * form answers every question the recognizers ask about it. The words themselves live in the lexicon files beside
 * this class (number words, function words, calendar words, units, currencies, Arabic counted nouns); a form listed
 * in several files gets every role they give it.
 */
final class Lexicon {

    private final CharTable<Word> table = new CharTable<>();
    /** Currency ISO code by family and country ("dollar:CA" → CAD). */
    private final Map<String, String> currencyByCountry = new HashMap<>();
    private final Map<String, String> currencyByPrefix = new HashMap<>();
    private final Word[] symbols = new Word[Character.MAX_VALUE + 1];
    /** Closed word lists by normalised form. */
    private final Map<String, Set<WordList>> lists = new HashMap<>();
    private final Map<String, String> englishSingulars = new HashMap<>();
    /** Currency families that count parts of another (cent, piastre: hundredths; satoshi), by parts per unit. */
    private final Map<String, Double> subunits = new HashMap<>();
    /** Countries that a hand-kept English adjective names (canadian, h.k.): the countries the wire writes of. */
    private final Set<String> wireCountries = new HashSet<>();
    /** Hijri months by the normalised form of their name, one word or two joined by a space (ربيع الاول). */
    private final Map<String, Integer> hijriMonths = new HashMap<>();
    /** The normalised first words of the Hijri months' names. */
    private final Set<String> hijriFirstWords = new HashSet<>();
    /** Arabic one-word names of cities (GeoNames, as the entity gazetteer lists them), by normalised form. */
    private final Set<String> places = new HashSet<>();

    static Lexicon load() {
        Lexicon lex = new Lexicon();
        forEachRow("numbers.tsv", lex::numberWord);
        forEachRow("words.tsv", lex::functionWord);
        forEachRow("dates.tsv", lex::calendarWord);
        forEachRow("units.tsv", lex::unit);
        forEachRow("currencies.tsv", lex::currency);
        CldrCurrencies.addTo(lex);
        forEachRow("ar-nouns.tsv", lex::arabicNoun);
        forEachRow("lists.tsv", lex::list);
        forEachRow("en-plurals.tsv", cols -> lex.englishSingulars.put(cols[0], cols[1]));
        forEachRow("/io/newsflow/extraction/entities/places.tsv", lex::place);
        return lex;
    }

    Word get(char[] buf, int off, int len) {
        return table.get(buf, off, len);
    }

    /** The entry of a one-character symbol ($, €, ٪ ...) without building a key. */
    Word symbol(char c) {
        return symbols[c];
    }

    Word get(String form) {
        return table.get(Normalizer.key(form));
    }

    /** The currency a family's name has when the country is written with it (Norwegian crowns, Mex$). */
    String currency(String family, String country) {
        String key = family + ":" + country;
        String iso = currencyByCountry.get(key);
        return iso != null ? iso : currencyByPrefix.get(key);
    }

    /** The currency a story about the country means by the family's bare name, or null. */
    String storyCurrency(String family, String country) {
        return currencyByCountry.get(family + ":" + country);
    }

    /** The currency family of a word form, or null. */
    String currencyFamily(String form) {
        Word w = table.get(Normalizer.key(form));
        return w != null ? w.currencyFamily : null;
    }

    /** A currency word read only beside its country, unless the form already names a currency. */
    void addCurrencyWordWithCountry(String form, String family, String defaultIso) {
        Word w = word(form);
        if (w.currencyFamily == null) {
            w.currencyFamily = family;
            w.currencyDefault = defaultIso;
            w.currencyNeedsCountry = true;
        }
    }

    /** A country adjective, unless the form already names a country. */
    void addCountryAdjective(String form, String country) {
        if (word(form).country == null) {
            adjective(form, country);
        }
    }

    /** A country's name, read like its adjective when a hand-kept English adjective names the country. */
    void addCountryName(String name, String country) {
        if (wireCountries.contains(country) && word(name).country == null) {
            adjective(name, country);
            word(name).countryName = true;
        }
    }

    /** The currency a family has in a country, unless one is already known. */
    void addCurrencyIso(String family, String country, String iso) {
        currencyByCountry.putIfAbsent(family + ":" + country, iso);
    }

    /** A currency family that counts parts of its currency (cent, penny, piastre, halala, jiao, satoshi). */
    boolean isSubunit(String family) {
        return family != null && subunits.containsKey(family);
    }

    /** How many of the subunit family make one unit of its currency (100 cents, 10 jiao), 1 for no subunit. */
    double subunitParts(String family) {
        return family == null ? 1 : subunits.getOrDefault(family, 1.0);
    }

    /** Whether the word form is the one-word Arabic name of a city (مكة, جدة). */
    boolean isPlace(String form) {
        return places.contains(Normalizer.key(form));
    }

    private void place(String[] cols) {
        if (cols.length > 4) {
            for (String name : cols[4].split("\\|")) {
                if (!name.isEmpty() && name.indexOf(' ') < 0) {
                    places.add(Normalizer.key(name));
                }
            }
        }
    }

    /** Whether the word form is in the closed list {@code list} (lists.tsv). */
    boolean in(WordList list, String form) {
        Set<WordList> of = lists.get(Normalizer.key(form));
        return of != null && of.contains(list);
    }

    /** Whether the word form is the first word of a Hijri month's name (ربيع, ذو, رمضان). */
    boolean opensHijriMonth(String form) {
        return hijriFirstWords.contains(Normalizer.key(form));
    }

    /** The Hijri month named by one word (شوال), or by two when next is not null (ربيع الآخر), or 0. */
    int hijriMonth(String form, String next) {
        String name = next == null ? Normalizer.key(form) : Normalizer.key(form) + " " + Normalizer.key(next);
        return hijriMonths.getOrDefault(name, 0);
    }

    /** The singular of an English plural that spelling rules do not give (children → child), or null. */
    String englishSingular(String plural) {
        return englishSingulars.get(plural);
    }

    private void list(String[] cols) {
        WordList list = WordList.valueOf(cols[0]);
        for (int k = 1; k < cols.length; k++) {
            lists.computeIfAbsent(Normalizer.key(cols[k]), key -> EnumSet.noneOf(WordList.class)).add(list);
        }
    }

    private Word word(String form) {
        return table.computeIfAbsent(Normalizer.key(form), Word::new);
    }

    private void numberWord(String[] cols) {
        Word w = word(cols[1]);
        switch (cols[0]) {
            case "cardinal" -> {
                w.numClass = NumberClass.valueOf(cols[2]);
                w.number = Double.parseDouble(cols[3]);
            }
            case "ordinal" -> {
                w.ordinalClass = NumberClass.valueOf(cols[2]);
                w.ordinal = Double.parseDouble(cols[3]);
            }
            case "fraction" -> {
                w.fractionForm = GrammaticalNumber.valueOf(cols[2]);
                w.denominator = Double.parseDouble(cols[3]);
            }
            default -> throw new IllegalStateException("bad numbers.tsv row " + String.join("\t", cols));
        }
        if (cols.length > 4) {
            roles(w, cols[4]);
        }
    }

    private void functionWord(String[] cols) {
        roles(word(cols[0]), cols[1]);
    }

    private void calendarWord(String[] cols) {
        if (cols[0].equals("hijri")) {
            String[] words = cols[1].split(" ");
            hijriMonths.put(Normalizer.key(words[0]) + (words.length > 1 ? " " + Normalizer.key(words[1]) : ""),
                    Integer.parseInt(cols[2]));
            hijriFirstWords.add(Normalizer.key(words[0]));
            return;
        }
        Word w = word(cols[1]);
        switch (cols[0]) {
            case "month" -> {
                w.month = Integer.parseInt(cols[2]);
                if (cols.length > 3) {
                    roles(w, cols[3]);
                }
            }
            case "head" -> w.monthHead = new Word.MonthHead(Integer.parseInt(cols[2]), Integer.parseInt(cols[3]));
            case "weekday" -> w.weekday = Integer.parseInt(cols[2]);
            case "day" -> w.dayOffset = Integer.parseInt(cols[2]);
            case "decade" -> w.decade = Integer.parseInt(cols[2]);
            default -> throw new IllegalStateException("bad dates.tsv row " + String.join("\t", cols));
        }
    }

    private static void roles(Word w, String roles) {
        for (String role : roles.split(",")) {
            w.roles.add(Role.valueOf(role));
        }
    }

    private void unit(String[] cols) {
        Word w = word(cols[0]);
        w.unit = cols[1];
        w.unitKind = FigureKind.valueOf(cols[2]);
        w.isoDesignator = cols.length > 3 ? cols[3] : null;
    }

    private void currency(String[] cols) {
        switch (cols[0]) {
            case "word" -> {
                Word w = word(cols[1]);
                if (cols[1].length() == 1) {
                    symbols[cols[1].charAt(0)] = w;
                }
                w.currencyFamily = cols[2];
                w.currencyDefault = "-".equals(cols[3]) ? null : cols[3];
            }
            case "adj" -> {
                adjective(cols[1], cols[2]);
                if (cols[1].length() > 1 && cols[1].charAt(0) < 'z' + 1) {
                    wireCountries.add(cols[2]);
                }
            }
            case "iso" -> currencyByCountry.put(cols[1] + ":" + cols[2], cols[3]);
            case "prefix" -> currencyByPrefix.put(cols[1] + ":" + cols[2], cols[3]);
            case "subunit" -> subunits.put(cols[1], cols.length > 2 ? Double.parseDouble(cols[2]) : 100);
            default -> throw new IllegalStateException("bad currencies.tsv row " + String.join("\t", cols));
        }
    }

    private void adjective(String form, String country) {
        word(form).country = country;
        // The article and feminine/plural endings of Arabic adjectives: إماراتي, الإماراتية, أردنية.
        if (Normalizer.isArabicLetter(form.charAt(0))) {
            word(form + "ة").country = country;
            word(form + "ه").country = country;
        }
    }

    private void arabicNoun(String[] cols) {
        String singular = cols[0];
        Word s = word(singular);
        if (s.singular == null) {
            s.singular = singular;
        }
        if (cols.length > 1) {
            for (String plural : cols[1].split(",")) {
                Word p = word(plural);
                if (p.singular == null) {
                    p.singular = singular;
                } else if (!p.singular.equals(singular) && !p.dual) {
                    p.otherSingular = singular;
                }
            }
        }
        // Nouns with a broken or feminine plural have a dual that no plural can be mistaken for.
        boolean soundMasculine = cols.length > 1 && (cols[1].contains(singular + "ين")
                || cols[1].contains(singular + "ون"));
        if (!soundMasculine) {
            String stem = singular.endsWith("ة") ? singular.substring(0, singular.length() - 1) + "ت" : singular;
            // a feminine noun's dual keeps its ت before a genitive (مرحلتي التعليم); a masculine one's would read
            // as "my" (موضوعي)
            boolean feminine = singular.endsWith("ة");
            for (String ending : feminine ? new String[] {"ين", "ان", "ي"} : new String[] {"ين", "ان"}) {
                Word d = word(stem + ending);
                if (d.singular == null && !d.isNumber()) {
                    d.singular = singular;
                    d.dual = true;
                    d.construct = ending.length() == 1;
                }
            }
        }
    }

    private static void forEachRow(String resource, Consumer<String[]> handler) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing lexicon resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    handler.accept(line.split("\t"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
