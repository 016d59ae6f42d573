package io.newsflow.extraction.figures;

/**
 * A number phrase found by {@link NumberRecognizer}: its value, the tokens it spans, and the shape that the
 * recognizers reading it further (fractions, ranges, years, labels) look at.
 *
 * @param plainDigits          one bare digit group with no separators, scale or sign: the only shape a year or a
 *                             label can have
 * @param lastScale            the multiplier of the last scale word ("one million and a half" halves the million)
 * @param lastPart             the last component: a plural fraction after it may bind to it alone
 * @param lastAfterConnector   whether that component followed a connector (and, و)
 * @param partsSinceConnector  components since the last connector
 * @param scaleBeforeConnector the scale the connector followed: "five billion and three quarters" are quarters of
 *                             a billion
 * @param lastClass            the class of the last component
 */
record NumberPhrase(int first, int last, double value, boolean words, boolean ordinal, boolean plainDigits,
                    boolean hasScale, double lastScale, double lastPart, boolean lastAfterConnector,
                    int partsSinceConnector, double scaleBeforeConnector, NumberClass lastClass) {

    /** The phrase grown to {@code last} with a new value (a fraction bound to it). */
    NumberPhrase extended(double newValue, int newLast) {
        return new NumberPhrase(first, newLast, newValue, words, ordinal, plainDigits, hasScale, lastScale, lastPart,
                lastAfterConnector, partsSinceConnector, scaleBeforeConnector, lastClass);
    }

    /** The phrase grown to {@code last} with a new value that a scale word multiplied: two and a half million. */
    NumberPhrase scaled(double newValue, int newLast, double scale) {
        return new NumberPhrase(first, newLast, newValue, words, ordinal, false, true, scale, lastPart,
                lastAfterConnector, partsSinceConnector, scaleBeforeConnector, NumberClass.SCALE);
    }

    /** The phrase grown to {@code last} by a part no year or label has: a ratio, a mixed fraction. */
    NumberPhrase compound(double newValue, int newLast, boolean withWords) {
        return new NumberPhrase(first, newLast, newValue, words || withWords, ordinal, false, hasScale, lastScale,
                lastPart, lastAfterConnector, partsSinceConnector, scaleBeforeConnector, lastClass);
    }

    /** The phrase with a minus sign or word in front, at {@code sign}. */
    NumberPhrase negated(int sign) {
        return new NumberPhrase(sign, last, -value, words, ordinal, false, hasScale, lastScale, lastPart,
                lastAfterConnector, partsSinceConnector, scaleBeforeConnector, lastClass);
    }

    /** A phrase of words with no composition to bind to: a spoken decimal, a fraction alone, "a couple". */
    static NumberPhrase ofWords(int first, int last, double value, boolean hasScale) {
        return new NumberPhrase(first, last, value, true, false, false, hasScale, 0, 0, false, 0, 1, null);
    }
}
