package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;

/**
 * A figure a recognizer proposes, over tokens first..last, before the resolver decides what is kept.
 *
 * @param value           the number; null for DATE and RANGE
 * @param min             lower bound of a RANGE
 * @param max             upper bound of a RANGE
 * @param number          the number phrase the figure reads, when it reads one: ranges, fractions and the story's
 *                        memory of measures look at its shape
 * @param family          the currency family of MONEY ("dollar", "dinar"), for the story-level currency
 * @param bareDefault     the currency is the family's default, read from a bare name (dlrs, درهم)
 * @param countryCurrency the currency was picked by a country named with it ("Norwegian crowns"): the story's own
 */
record Candidate(FigureKind kind, int first, int last, Double value, Double min, Double max, String iso,
                 String unit, String currency, NumberPhrase number, String family, boolean bareDefault,
                 boolean countryCurrency) implements Proposal {

    /** A figure of a number phrase, spanning it, with nothing known yet beyond its kind. */
    static Candidate of(FigureKind kind, NumberPhrase n) {
        return new Candidate(kind, n.first(), n.last(), n.value(), null, null, null, null, null, n, null, false,
                false);
    }

    /** A figure read without a number phrase: a date, an ordinal word, a dual. */
    static Candidate of(FigureKind kind, int first, int last, Double value, String unit, String iso) {
        return new Candidate(kind, first, last, value, null, null, iso, unit, null, null, null, false, false);
    }

    /** A figure of kind {@code kind} measured in {@code unit}, over first..last. */
    Candidate as(FigureKind newKind, String newUnit, String newIso, int newFirst, int newLast) {
        return new Candidate(newKind, newFirst, newLast, value, min, max, newIso, newUnit, currency, number, family,
                bareDefault, countryCurrency);
    }

    Candidate spanning(int newFirst, int newLast) {
        return new Candidate(kind, newFirst, newLast, value, min, max, iso, unit, currency, number, family,
                bareDefault, countryCurrency);
    }

    Candidate valued(double newValue, int newLast) {
        return new Candidate(kind, first, newLast, newValue, min, max, iso, unit, currency, number, family,
                bareDefault, countryCurrency);
    }

    /** MONEY in {@code currency} of {@code family} over first..last. */
    Candidate money(double amount, String iso4217, String currencyFamily, boolean bare, boolean byCountry,
                    int newLast) {
        return new Candidate(FigureKind.MONEY, first, newLast, amount, null, null, null, null, iso4217, number,
                currencyFamily, bare, byCountry);
    }

    /** A RANGE from this figure's value to {@code upper}'s, measured like {@code upper}. */
    /** The range from this figure to {@code upper}; bounds written high to low ("between 9.7% and 1.2%") are ordered. */
    Candidate rangeTo(Candidate upper, double lower, String rangeUnit, int newFirst) {
        return new Candidate(FigureKind.RANGE, newFirst, upper.last(), null, Math.min(lower, upper.value()),
                Math.max(lower, upper.value()), null, rangeUnit,
                upper.currency(), upper.number(), upper.family(), upper.bareDefault(), false);
    }
}
