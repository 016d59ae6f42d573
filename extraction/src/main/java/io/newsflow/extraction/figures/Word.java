package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;
import java.util.EnumSet;

/**
 * Everything the lexicons know about one word form. A form can play several roles (خمس is "five" and "a fifth",
 * "second" is an ordinal and a unit); the recognizers pick the role from context.
 */
final class Word {

    /** The first word of a Levantine month name (كانون, تشرين): الأول after it names one month, الثاني another. */
    record MonthHead(int first, int second) {
    }

    double number = Double.NaN;
    NumberClass numClass;
    /** A fraction word is 1/denominator (ربع: 4); 0 when the word is no fraction. */
    double denominator;
    GrammaticalNumber fractionForm;
    double ordinal;
    /** The cardinal class of an ordinal word, for compounds. */
    NumberClass ordinalClass;
    int month;
    MonthHead monthHead;
    /** ISO day of the week, Monday 1; 0 for other words. */
    int weekday;
    /** Relative day words: yesterday is -1. */
    int dayOffset;
    /** A decade in words (nineties, التسعينات): its tens, 90; 0 for other words. */
    int decade;
    String unit;
    FigureKind unitKind;
    /** DURATION units: the ISO-8601 designator (D, W, M, Y, TH ...), prefixed by a factor for decades (10Y). */
    String isoDesignator;
    String currencyFamily;
    String currencyDefault;
    /**
     * A currency name known only from CLDR: it is money only beside its country ("Nigerian naira", "رينغيت
     * ماليزي"), since alone it may be an ordinary word ("real", "unit").
     */
    boolean currencyNeedsCountry;
    String country;
    /** The country is named in full (Canada), which tells the story's currency but starts no figure. */
    boolean countryName;
    /** Counted-noun lexicon: the singular this form normalises to. */
    String singular;
    /** A second noun this plural form also belongs to (فرق: فريق and فرقة), or null. */
    String otherSingular;
    /** The form is the dual of {@link #singular}. */
    boolean dual;
    /** A dual in the construct state (مرحلتي التعليم), which only a noun after it makes one. */
    boolean construct;
    final EnumSet<Role> roles = EnumSet.noneOf(Role.class);

    boolean has(Role role) {
        return roles.contains(role);
    }

    /** A currency name that is money without its country (dollar, دينار). */
    boolean namesCurrency() {
        return currencyFamily != null && !currencyNeedsCountry;
    }

    /**
     * No figure starts at this word: it is known only as never a counted noun (بشكل, تكون, the), or, in Arabic,
     * also as a country adjective (روسي), which picks a currency only after the currency's name.
     */
    boolean startsNoFigure(boolean arabicWord) {
        return (roles.isEmpty() || roles.size() == 1 && roles.contains(Role.STOP)) && (!roles.isEmpty()
                || arabicWord && country != null || countryName) && (country == null || arabicWord || countryName)
                && numClass == null && denominator == 0 && ordinal == 0 && month == 0 && monthHead == null
                && weekday == 0 && dayOffset == 0 && decade == 0 && unit == null && currencyFamily == null && singular == null;
    }

    boolean isNumber() {
        return numClass != null;
    }

    /** A month name or the first word of one (كانون). */
    boolean namesMonth() {
        return month != 0 || monthHead != null;
    }
}
