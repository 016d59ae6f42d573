package io.newsflow.extraction.figures;

import io.newsflow.extraction.Folding;

import java.time.LocalDate;
import java.util.List;

/**
 * One story being read: its text, tokens, language and publication day, with the small token queries every
 * recognizer needs.
 */
final class Doc {

    static final Token NONE = new Token();
    /** Marks that open a quotation, and those that close one (also the double prime ″ some writers close with). */
    static final String OPENING_QUOTES = "\u00AB\u201C\"";
    static final String CLOSING_QUOTES = "\u00BB\u201D\u2033\"";

    final String text;
    final List<Token> tokens;
    final boolean arabic;
    final boolean english;
    /** The lexicons cover the language: words are read, not only digits and symbols. */
    final boolean wordsKnown;
    final Lexicon lexicon;
    /** Resolves relative dates and years left out; null when unknown. */
    final LocalDate published;
    /** The digits that open a name in angle brackets (&lt;5300 Richmond Road Corp&gt;), found when first asked. */
    java.util.Set<String> bracketNames;

    Doc(String text, List<Token> tokens, String language, Lexicon lexicon, LocalDate published) {
        this.lexicon = lexicon;
        this.text = text;
        this.tokens = tokens;
        this.arabic = "ar".equals(language);
        this.english = "en".equals(language);
        this.wordsKnown = arabic || english;
        this.published = published;
    }

    int size() {
        return tokens.size();
    }

    /** The token at i, or an empty token past either end so rules need no bounds checks. */
    Token at(int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i) : NONE;
    }

    String surface(int i) {
        Token t = at(i);
        return t == NONE ? "" : text.substring(t.start, t.end);
    }

    /**
     * The last letter of token i as {@link Normalizer#clean} leaves it (marks and format characters skipped), or 0:
     * a test that costs no string, for the many rules that only read a word ending in one letter.
     */
    char lastLetter(int i) {
        Token t = at(i);
        for (int k = t.end - 1; k >= t.start; k--) {
            char c = text.charAt(k);
            if (!Folding.isArabicMark(c) && !Folding.isFormatChar(c)) {
                return c;
            }
        }
        return 0;
    }

    /** Token i ends in {@code suffix} as {@link Normalizer#clean} leaves it, tested without making that string. */
    boolean endsWith(int i, String suffix) {
        Token t = at(i);
        int n = suffix.length();
        for (int k = t.end - 1; k >= t.start && n > 0; k--) {
            char c = text.charAt(k);
            if (!Folding.isArabicMark(c) && !Folding.isFormatChar(c) && c != suffix.charAt(--n)) {
                return false;
            }
        }
        return n == 0;
    }

    boolean isSymbol(int i, char c) {
        return at(i).type == TokenType.SYMBOL && at(i).sym == c;
    }

    /** Token i is a symbol, one of the characters of marks (quotation marks, brackets). */
    boolean isSymbolIn(int i, String marks) {
        return at(i).type == TokenType.SYMBOL && marks.indexOf(at(i).sym) >= 0;
    }

    boolean isDash(int i) {
        return isSymbolIn(i, "-\u2013\u2014\u2012");
    }

    /** An Arabic or a Latin comma. */
    boolean isComma(int i) {
        return isSymbolIn(i, "\u060C,");
    }

    /** The digits at i carry an English ordinal suffix: 3rd, 21st, 1,000th. */
    boolean ordinalSuffixAfter(int i) {
        Token t = at(i + 1);
        if (at(i).type != TokenType.DIGITS || t.type != TokenType.LATIN || t.end - t.start != 2 || !attached(i)) {
            return false;
        }
        char a = Character.toLowerCase(text.charAt(t.start));
        char b = Character.toLowerCase(text.charAt(t.start + 1));
        return a == 's' && b == 't' || a == 'n' && b == 'd' || a == 'r' && b == 'd' || a == 't' && b == 'h';
    }

    /** Tokens i and i+1 touch, with no space between them. */
    boolean attached(int i) {
        return at(i + 1) != NONE && at(i) != NONE && !at(i + 1).spaceBefore;
    }

    /** The lexicon key of word i without the clitics glued to it (لشركة → شركة). */
    String stemKey(int i) {
        String key = Normalizer.key(surface(i));
        return key.substring(Math.min(at(i).stemOffset, key.length()));
    }

    /** Token i opens the story or a line, or lies past the story's end. */
    boolean lineStart(int i) {
        return i <= 0 || i >= size() || at(i).lineBefore || at(i).paragraphBefore;
    }

    /** Sentence punctuation or a paragraph break lies before token i. */
    boolean sentenceStart(int i) {
        if (i == 0 || at(i).paragraphBefore) {
            return true;
        }
        return isSymbolIn(i - 1, ".!?:(-" + OPENING_QUOTES);
    }

    /** A word that is only a separate "and" (و or "and"), not a word with و glued to it. */
    boolean isAndWord(int i) {
        Token t = at(i);
        return t.isWord() && t.has(Role.AND) && t.stemOffset == 0;
    }

    /** The digit group at i is written as 1-2 digits without separators, e.g. a day of the month. */
    boolean isSmallInt(int i, int max) {
        Token t = at(i);
        return t.type == TokenType.DIGITS && !t.grouped && !t.decimal && t.integerDigits <= 2 && t.value >= 1
                && t.value <= max;
    }

    /** A four-digit year (1800-2199) written plainly. */
    boolean isYear(int i) {
        Token t = at(i);
        return t.type == TokenType.DIGITS && !t.grouped && !t.decimal && t.integerDigits == 4 && t.value >= 1800
                && t.value <= 2199;
    }

    /** Tokens from and to lie within one sentence of at most 40 tokens, with no paragraph break between. */
    boolean sameSentence(int from, int to) {
        if (to - from > 40) {
            return false;
        }
        for (int k = from + 1; k < to; k++) {
            Token t = at(k);
            if (t.paragraphBefore || t.type == TokenType.SYMBOL && (t.sym == '.' || t.sym == '!' || t.sym == '?'
                    || t.sym == '\u061F')) {
                return false;
            }
        }
        return true;
    }
}
