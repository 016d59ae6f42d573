package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;

/** Percentages: a number with %, ٪, pct, percent, per cent, بالمئة or في المئة after it, or نسبة before it. */
final class PercentRecognizer {

    private PercentRecognizer() {
    }

    /** The number phrase n as a percentage when a percent marker follows it at k, or null. */
    static Candidate after(Doc d, NumberPhrase n, int k) {
        int marker = markerAt(d, k);
        if (marker < 0 && d.english && d.isDash(k) && d.attached(k - 1) && d.attached(k)
                && d.at(k + 1).type == TokenType.LATIN) {
            marker = markerAt(d, k + 1);  // a 15-percent rise
        }
        if (d.arabic && marker < 0 && d.at(k).has(Role.IN) && d.at(k).stemOffset == 0 && d.isSymbol(k + 1, '%')) {
            marker = k + 1;  // 0.6 في %: a typo for في المئة
        }
        return marker < 0 ? null : Candidate.of(FigureKind.PERCENT, n).spanning(n.first(), marker);
    }

    /**
     * نسبة 22: "a rate of 22" is a percentage without the sign; the span starts at نسبة. %50: Arabic typed with the
     * sign first in the order of writing, touching the number and not after another one.
     */
    static Candidate before(Doc d, NumberPhrase n) {
        if (d.english) {
            return ofAfter(d, n);
        }
        if (!d.arabic) {
            return null;
        }
        int p = n.first() - 1;
        if ((d.isSymbol(p, '%') || d.isSymbol(p, '\u066A')) && d.attached(p)
                && !(d.at(p - 1).type == TokenType.DIGITS && d.attached(p - 1))) {
            return Candidate.of(FigureKind.PERCENT, n).spanning(p, n.last());
        }
        Token t = d.at(p);
        String before = Normalizer.clean(d.text, t.start, t.end);
        boolean rate = before.equals("نسبة") || before.length() == 5 && before.endsWith("نسبة")
                && "بلو".indexOf(before.charAt(0)) >= 0;
        return rate ? Candidate.of(FigureKind.PERCENT, n).spanning(n.first() - 1, n.last()) : null;
    }

    /** "per cent of twenty-two": a percent word with no number before it, then "of" and the number. */
    private static Candidate ofAfter(Doc d, NumberPhrase n) {
        int of = n.first() - 1;
        if (!"of".equalsIgnoreCase(d.surface(of))) {
            return null;
        }
        int p = d.at(of - 1).has(Role.PERCENT) ? of - 1
                : "cent".equalsIgnoreCase(d.surface(of - 1)) && "per".equalsIgnoreCase(d.surface(of - 2)) ? of - 2 : -1;
        Token before = d.at(p - 1);
        if (p < 0 || before.type == TokenType.DIGITS || before.isNumberWord() || before.type == TokenType.SYMBOL
                && before.sym == '%' || EnglishNouns.after(d, n.last() + 1) != null) {
            return null;
        }
        return Candidate.of(FigureKind.PERCENT, n).spanning(p, n.last());
    }

    /** %, ٪, pct, percent, per cent, بالمئة, في المئة at k: the last token of the marker, or -1. */
    private static int markerAt(Doc d, int k) {
        Token t = d.at(k);
        if (t.type == TokenType.SYMBOL && (t.sym == '%' || t.sym == '\u066A')) {
            return k;
        }
        if (!d.wordsKnown) {
            return -1;
        }
        if (t.has(Role.PERCENT) && t.stemOffset == 0) {
            return k;
        }
        if (d.english && "per".equalsIgnoreCase(d.surface(k)) && "cent".equalsIgnoreCase(d.surface(k + 1))) {
            return k + 1;
        }
        if (d.arabic && t.has(Role.IN) && t.stemOffset == 0) {
            Token m = d.at(k + 1);
            if (m.definite && m.isNumberWord() && m.entry.number == 100 && m.entry.numClass == NumberClass.HUNDRED) {
                return k + 1;
            }
        }
        return -1;
    }
}
