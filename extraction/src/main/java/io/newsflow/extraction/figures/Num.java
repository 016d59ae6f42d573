package io.newsflow.extraction.figures;

/** A number phrase found by {@link NumberGrammar}: its value and the tokens it spans. */
final class Num {
    int first;
    int last;
    double value;
    boolean words;
    boolean ordinal;
    /** One bare digit group with no separators, scale or sign: the only shape a year or a label can have. */
    boolean plainDigits;
    boolean hasScale;
    /** Multiplier of the last scale word ("one million and a half" halves the million). */
    double lastScale;
    /** The last component and whether it followed a connector: fractions may bind to it alone. */
    double lastPart;
    boolean lastAfterConnector;
    int componentsSinceConnector;
    /** The scale the connector followed: "five billion and three quarters" are quarters of a billion. */
    double scaleBeforeConnector = 1;
    int lastClass;

    Num(int first) {
        this.first = first;
    }
}
