package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;
import java.util.Locale;

/**
 * Numbers that name a model, a product or an index rather than state an amount: a capitalised name before them
 * (Boeing 737, Galaxy Note 5 in an Arabic story), an index's name (the FTSE 100 index, Standard and Poor's 500
 * futures), or the close of a short quoted name («يورو 6», «إف 16»). LabelRecognizer asks them of each number.
 */
final class ProductNames {

    private ProductNames() {
    }

    /**
     * A number of digits that closes a short quoted phrase after its words («يورو 6», «إف 16», “معسكر 48″) is part
     * of a name; not a year, nor after an article or a word that expects a value («وصل إلى 50»).
     */
    static boolean quoted(Doc d, NumberPhrase n) {
        int i = n.first();
        if (!n.plainDigits() || i != n.last() || d.isYear(i) || !d.isSymbolIn(i + 1, Doc.CLOSING_QUOTES)
                || d.attached(i - 1)) {
            return false;
        }
        for (int k = i - 1; k >= i - 5 && k >= 0; k--) {
            if (d.isSymbolIn(k, Doc.OPENING_QUOTES)) {
                return k < i - 1 && !d.at(k + 1).lineBefore;
            }
            Token t = d.at(k);
            if (!t.isWord() || t.isNumberWord() || t.has(Role.TO) || t.has(Role.FROM) || t.has(Role.IN)
                    || "ال".equals(d.stemKey(k)) || d.lexicon.in(WordList.VALUE_BEFORE, d.surface(k))
                    || d.lexicon.in(WordList.ESTIMATE_BEFORE, d.surface(k))) {
                return false;
            }
        }
        return false;
    }

    /**
     * A capitalised English word in mid-sentence names a model or a product (Boeing 737), unless it is a month,
     * a currency, a country or a function word, or the number is a table cell: last year's figure in brackets after
     * it (France 419 (421)), its change after it (Chicago 362 unch, Citibank 61,107,328 off 340,082), or thousands
     * separators, which no model number is written with.
     */
    static boolean model(Doc d, NumberPhrase n, Token prev, int p) {
        Word glued = d.attached(n.last()) ? d.at(n.last() + 1).entry : null;
        if (glued != null && glued.currencyFamily != null) {
            return false;  // Beecham 8p: a price after a company's name
        }
        Word measure = d.at(n.last() + 1).entry;
        if (d.english && measure != null && (measure.namesCurrency() || measure.has(Role.PERCENT)
                || measure.unit != null && measure.unitKind == FigureKind.QUANTITY)) {
            return false;  // in Boston 25 cts higher, Brent 18 dlrs: a price or a measure after a name
        }
        if (d.english && (prev.type == TokenType.LATIN && prev.capitalized || possessiveOfName(d, p))
                && !d.at(n.first()).grouped && indexAfter(d, n.last() + 1)) {
            return true;  // the FTSE 100 index, Standard and Poor's 500 stock index: the index's name
        }
        boolean tableCell = d.isSymbol(n.last() + 1, '(') && d.at(n.last() + 2).type == TokenType.DIGITS
                && d.isSymbol(n.last() + 3, ')') || d.at(n.first()).grouped || LabelRecognizer.tableChange(d, n.last() + 1);
        if (d.arabic && prev.type == TokenType.LATIN && prev.capitalized && (prev.entry == null
                || prev.entry.month == 0 && prev.entry.currencyFamily == null && prev.entry.country == null)) {
            return true;  // Galaxy Note 5 in an Arabic story: a Latin name before a number is a product's
        }
        if (!d.english || tableCell || prev.type != TokenType.LATIN || !prev.capitalized || d.sentenceStart(p)
                || allCaps(d, p)) {
            return false;
        }
        Word w = prev.entry;
        // S and P 500, A 340: a letter names, a currency needs $; not the s of a possessive (MALAYSIA'S 1988)
        boolean letter = d.surface(p).length() == 1 && !(d.at(p - 1).type == TokenType.SYMBOL && d.attached(p - 1));
        return w == null || w.month == 0 && w.weekday == 0 && (letter || w.currencyFamily == null && w.country == null)
                && !prev.isNumberWord() && !w.has(Role.STOP) && !w.has(Role.PER) && !w.has(Role.PAST)
                && !w.has(Role.NEXT);
    }

    /**
     * "index" after the number, or "futures" or "options" traded on it (Standard and Poor's 500 futures); a wire's
     * wrapped line may break inside the name (500 Stock / Index), a paragraph may not.
     */
    private static boolean indexAfter(Doc d, int k) {
        String next = d.surface(k);
        int j = next.equalsIgnoreCase("share") || next.equalsIgnoreCase("stock") ? k + 1 : k;
        String word = d.surface(j);
        return (word.equalsIgnoreCase("index") || word.equalsIgnoreCase("futures") || word.equalsIgnoreCase("options"))
                && !d.at(j).paragraphBefore;
    }

    /** The s of Poor's: a possessive glued to a capitalised name. */
    private static boolean possessiveOfName(Doc d, int p) {
        return d.surface(p).equals("s") && d.isSymbol(p - 1, '\'') && d.attached(p - 2) && d.attached(p - 1)
                && d.at(p - 2).type == TokenType.LATIN && d.at(p - 2).capitalized;
    }

    private static boolean allCaps(Doc d, int i) {
        String s = d.surface(i);
        return s.length() > 1 && s.equals(s.toUpperCase(Locale.ROOT));
    }
}
