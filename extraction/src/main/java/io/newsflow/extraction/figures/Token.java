package io.newsflow.extraction.figures;

/** One token of a story: a digit group, a word, or a single symbol, with the lexicon's reading of it. */
final class Token {

    /** Null only for the empty token past either end of a story. */
    TokenType type;
    int start;
    int end;
    /** Whitespace separates this token from the previous one. */
    boolean spaceBefore;
    /** A line break separates it from the previous one. */
    boolean lineBefore;
    /** A blank line or a paragraph indent precedes it: a new sentence even without punctuation. */
    boolean paragraphBefore;

    // DIGITS
    double value;
    /** ASCII digits with '.' as decimal point, as written (leading zeros kept): the reversed-decimal reading needs it. */
    String digits;
    int integerDigits;
    boolean grouped;
    boolean decimal;
    /** Groups joined by several dots that are no thousands (192.168.0.1, 2.3.4): a code, not a number. */
    boolean dotted;

    // words
    Word entry;
    /** و or ف glued in front: the word is coordinated with what precedes it. */
    boolean conjunction;
    /** ب, ل or ك glued in front. */
    boolean preposition;
    /** The article ال (possibly after a preposition). */
    boolean definite;
    /** Index in the key buffer where the lexicon entry starts, i.e. the clitics' length. */
    int stemOffset;
    boolean capitalized;

    /** SYMBOL: the character, with a standalone tatweel read as '-'. */
    char sym;

    boolean isWord() {
        return type == TokenType.ARABIC || type == TokenType.LATIN;
    }

    boolean has(Role role) {
        return entry != null && entry.has(role);
    }

    boolean isNumberWord() {
        return entry != null && entry.isNumber();
    }
}
