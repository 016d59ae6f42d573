package io.newsflow.extraction.figures;

import java.util.HashSet;
import java.util.Set;

/**
 * Numbers that belong to a name: a company the wire marks with angle brackets (&lt;5300 Richmond Road Corp&gt;) and
 * the later mentions in which that number stands for the company (5300 said), the Group of Seven, and a model's
 * number after a Latin letter spelled in Arabic (مدفع بي 10, طائرات إف 16), and the rounds of a cup named by a part
 * of the final (نصف النهائي).
 */
final class NamedNumbers {

    /** How many tokens an angle-bracketed name may run before its closing bracket. */
    private static final int NAME_REACH = 10;

    private NamedNumbers() {
    }

    /** The name the number phrase n is part of, or null. */
    static Proposal at(Doc d, NumberPhrase n) {
        int i = n.first();
        if (d.english && d.at(i - 2).capitalized && d.at(i - 1).end - d.at(i - 1).start == 2
                && "of".equalsIgnoreCase(d.surface(i - 1)) && "group".equalsIgnoreCase(d.surface(i - 2))) {
            return new Proposal.NotAFigure(n.last());  // the Group of Seven, the Group of 77
        }
        if (d.english && n.ordinal() && n.first() == n.last() && d.at(i).capitalized && d.text.indexOf('<') >= 0
                && d.at(i + 1).capitalized && (tickerAfter(d, i) || namedAgain(d, i))) {
            return new Proposal.NotAFigure(i);  // First City Industries <FCY>, and later First City said
        }
        if (d.arabic && n.words() && n.first() == n.last() && n.value() < 1 && d.at(i + 1).type == TokenType.ARABIC
                && d.lexicon.in(WordList.ROUND_NAME, withoutArticle(Normalizer.key(d.surface(i + 1))))) {
            return new Proposal.NotAFigure(i);  // نصف النهائي, ربع نهائي: the semi-final and quarter-final, rounds
        }
        if (d.at(i).type != TokenType.DIGITS || !n.plainDigits() || n.first() != n.last()) {
            return null;
        }
        if (d.arabic && d.at(i - 1).end - d.at(i - 1).start <= 3 && isArticle(d, i - 1) && groupName(d, i - 2)
                && !(d.at(i + 1).type == TokenType.ARABIC && d.surface(i + 1).startsWith("ل"))) {
            return new Proposal.NotAFigure(i);  // مجموعة الـ20; but مجموعة الـ52 لمعتقلي counts detainees
        }
        Token before = d.at(i - 1);
        if (d.arabic && before.type == TokenType.ARABIC && before.end - before.start <= 5 && before.stemOffset == 0
                && !before.conjunction && d.lexicon.in(WordList.LETTER_NAME, d.surface(i - 1))) {
            return new Proposal.NotAFigure(i);  // مدفع بي 10: the B-10 gun
        }
        if (d.english && !openers(d).isEmpty()) {
            if (d.isSymbol(i - 1, '<') && d.attached(i - 1) && closes(d, i)) {
                return new Proposal.NotAFigure(i);  // <5300 Richmond Road Corp>
            }
            Word next = d.at(i + 1).entry;
            if (!d.isYear(i) && d.at(i + 1).type == TokenType.LATIN && !EnglishNouns.isPlural(d, i + 1)
                    && (next == null || next.unit == null && next.currencyFamily == null && !next.isNumber()
                    && !next.has(Role.PERCENT)) && openers(d).contains(d.at(i).digits)) {
                return new Proposal.NotAFigure(i);  // 5300 said: the company named above
            }
        }
        return null;
    }

    private static String withoutArticle(String key) {
        return key.startsWith("ال") && key.length() > 4 ? key.substring(2) : key;
    }

    /** Capitalised words after token i run to a ticker in angle brackets on the same line (FIRST CITY <FCY>). */
    private static boolean tickerAfter(Doc d, int i) {
        for (int k = i + 1; k <= i + NAME_REACH && !d.at(k).lineBefore; k++) {
            if (d.isSymbol(k, '<')) {
                Token ticker = d.at(k + 1);
                return ticker.type == TokenType.LATIN && d.surface(k + 1).equals(d.surface(k + 1).toUpperCase())
                        && d.isSymbol(k + 2, '>');
            }
            if (!(d.at(k).type == TokenType.LATIN && d.at(k).capitalized || d.isSymbol(k, '.') || d.isSymbol(k, '&'))) {
                return false;
            }
        }
        return false;
    }

    /** The ordinal at i and the word after it open a name that a ticker closes elsewhere in the story. */
    private static boolean namedAgain(Doc d, int i) {
        for (int k = 0; k < d.size() - 1; k++) {
            if (k != i && d.at(k).capitalized && d.surface(k).equalsIgnoreCase(d.surface(i))
                    && d.surface(k + 1).equalsIgnoreCase(d.surface(i + 1)) && tickerAfter(d, k)) {
                return true;
            }
        }
        return false;
    }

    /** مجموعة العشرين, مجموعة الثماني: a definite number after an indefinite "group" names the G20 or the G8. */
    static Proposal arabicGroup(Doc d, int i) {
        Token t = d.at(i);
        return t.definite && t.isNumberWord() && groupName(d, i - 1) ? new Proposal.NotAFigure(i) : null;
    }

    private static boolean groupName(Doc d, int k) {
        String key = d.stemKey(k);
        return d.at(k).type == TokenType.ARABIC && !d.at(k).definite && key.endsWith("مجموعه")
                && (key.length() == 6 || key.length() == 7 && "وفبل".indexOf(key.charAt(0)) >= 0);
    }

    private static boolean isArticle(Doc d, int k) {
        return d.at(k).type == TokenType.ARABIC && "ال".equals(Normalizer.key(d.surface(k)));
    }

    /** The digits at i open a bracketed name: a capitalised word follows and '>' closes it on the same line. */
    private static boolean closes(Doc d, int i) {
        if (!d.at(i + 1).capitalized) {
            return false;
        }
        for (int k = i + 1; k <= i + NAME_REACH && !d.at(k).lineBefore; k++) {
            if (d.isSymbol(k, '>')) {
                return true;
            }
        }
        return false;
    }

    /** The digits that open a bracketed name anywhere in the story. */
    private static Set<String> openers(Doc d) {
        if (d.bracketNames != null) {
            return d.bracketNames;
        }
        Set<String> digits = new HashSet<>();
        d.bracketNames = digits;
        if (d.text.indexOf('<') < 0) {
            return digits;
        }
        for (int k = 1; k < d.size(); k++) {
            if (d.at(k).type == TokenType.DIGITS && d.isSymbol(k - 1, '<') && d.attached(k - 1) && closes(d, k)) {
                digits.add(d.at(k).digits);
            }
        }
        return digits;
    }
}
