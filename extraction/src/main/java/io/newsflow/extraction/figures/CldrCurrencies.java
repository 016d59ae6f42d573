package io.newsflow.extraction.figures;

import com.ibm.icu.util.Currency;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Currency names of every ISO 4217 currency in English and Arabic, from the CLDR display names ICU4J carries
 * ("Egyptian pounds", "Malaysian ringgits", "UAE dirhams", "جنيه مصري", "رينغيت ماليزي"), added to the lexicon
 * under what {@code currencies.tsv} already says: a name splits into its currency word (the family) and a country
 * adjective, and the currency code's first two letters name the country. The hand-kept rows win wherever both
 * speak of a word (wire abbreviations, which currency a bare "dinar" is, the Levant's ليرة). A currency word only
 * CLDR knows is read as money only beside its country. An English adjective is kept only when it names the
 * code's country (its first three letters or its initials: "Mexican", "UAE"), so that qualifiers like
 * "Investment" are not taken for countries.
 */
final class CldrCurrencies {

    private static final ULocale ARABIC = new ULocale("ar");

    /** One currency's name split into a country adjective and a currency word. */
    private record Name(String code, String adjective, String word) {
    }

    private CldrCurrencies() {
    }

    static void addTo(Lexicon lex) {
        List<Currency> currencies = new ArrayList<>();
        Date now = new Date();
        for (Currency c : Currency.getAvailableCurrencies()) {
            if (!c.getCurrencyCode().startsWith("X")) {
                currencies.add(c);
            }
        }
        // Legal tender first, so that a country's current currency takes its family before a withdrawn one.
        currencies.sort((a, b) -> Boolean.compare(!Currency.isAvailable(a.getCurrencyCode(), now, null),
                !Currency.isAvailable(b.getCurrencyCode(), now, null)));
        List<Name> names = new ArrayList<>();
        for (Currency c : currencies) {
            String code = c.getCurrencyCode();
            String singular = c.getName(ULocale.ENGLISH, Currency.LONG_NAME, null);
            String country = new ULocale("", code.substring(0, 2)).getDisplayCountry(ULocale.ENGLISH);
            english(code, singular, singular, country).ifPresent(names::add);
            english(code, c.getName(ULocale.ENGLISH, Currency.PLURAL_LONG_NAME, "other", null), singular, country)
                    .ifPresent(names::add);
            arabic(code, c.getName(ARABIC, Currency.LONG_NAME, null)).ifPresent(names::add);
        }
        Map<String, String> onlyCurrency = new HashMap<>();
        for (Name n : names) {
            onlyCurrency.merge(Normalizer.key(n.word()), n.code(), (a, b) -> a.equals(b) ? a : "-");
        }
        for (Name n : names) {
            String family = lex.currencyFamily(n.word());
            if (family == null) {
                family = familyOf(n.code(), currencies);
                String only = onlyCurrency.get(Normalizer.key(n.word()));
                lex.addCurrencyWordWithCountry(n.word(), family, "-".equals(only) ? null : only);
            }
            String country = n.code().substring(0, 2);
            if (n.adjective() != null) {
                lex.addCountryAdjective(n.adjective(), country);
            }
            lex.addCurrencyIso(family, country, n.code());
        }
        // an English story names its country in full as often as by adjective (Canada's bank rate): the one-word
        // names of the countries the wire writes of tell the story's currency as their adjectives do; not those of
        // every country, since a place named in passing (a factory in Jamaica) says nothing of the money
        for (Currency c : currencies) {
            String region = c.getCurrencyCode().substring(0, 2);
            String country = new ULocale("", region).getDisplayCountry(ULocale.ENGLISH);
            if (Currency.isAvailable(c.getCurrencyCode(), now, null) && country.length() > 3
                    && country.chars().allMatch(Character::isLetter)) {
                lex.addCountryName(country, region);
            }
        }
    }

    /** The family of a currency: its English singular name's last word, as {@code currencies.tsv} names them. */
    private static String familyOf(String code, List<Currency> currencies) {
        for (Currency c : currencies) {
            if (c.getCurrencyCode().equals(code)) {
                String name = c.getName(ULocale.ENGLISH, Currency.LONG_NAME, null);
                return name.substring(name.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
            }
        }
        throw new IllegalArgumentException(code);
    }

    /**
     * "Egyptian pounds": the last word is the currency, the words before it, when they are one or two capitalised
     * words ("Hong Kong", "UAE"), its country. Names with dates or lower-case qualifiers ("convertible marks") are
     * left out: their words are not how a story names the currency.
     */
    private static Optional<Name> english(String code, String name, String singular, String country) {
        if (name == null || singular == null || name.contains("(") || singular.contains("(")) {
            return Optional.empty();
        }
        String[] words = name.split(" ");
        if (words.length > 3 || !name.chars().allMatch(c -> Character.isLetter(c) || c == ' ' || c == '.')) {
            return Optional.empty();
        }
        for (int k = 0; k < words.length - 1; k++) {
            if (!Character.isUpperCase(words[k].charAt(0))) {
                return Optional.empty();
            }
        }
        String adjective = words.length == 1 ? null : String.join(" ", List.of(words).subList(0, words.length - 1));
        if (adjective != null && !namesCountry(adjective, country)) {
            return Optional.empty();
        }
        return Optional.of(new Name(code, adjective, words[words.length - 1]));
    }

    private static boolean namesCountry(String adjective, String country) {
        if (country.length() < 3) {
            return false;
        }
        StringBuilder initials = new StringBuilder();
        for (String w : country.split(" ")) {
            initials.append(w.charAt(0));
        }
        return adjective.regionMatches(true, 0, country, 0, 3) || adjective.contentEquals(initials);
    }

    /**
     * "جنيه مصري": the first word is the currency, a single adjective after it the country (its feminine ending
     * dropped: روبية هندية). Currency words under three letters are left out: with a clitic taken off, ordinary
     * words end up as them (بين → ين).
     */
    private static Optional<Name> arabic(String code, String name) {
        if (name == null || name.contains("(")) {
            return Optional.empty();
        }
        String[] words = name.split(" ");
        if (words.length > 2 || words[0].length() < 3
                || !name.chars().allMatch(c -> Normalizer.isArabicLetter((char) c) || c == ' ')) {
            return Optional.empty();
        }
        String adjective = null;
        if (words.length == 2) {
            adjective = words[1].endsWith("ة") ? words[1].substring(0, words[1].length() - 1) : words[1];
        }
        return Optional.of(new Name(code, adjective, words[0]));
    }
}
