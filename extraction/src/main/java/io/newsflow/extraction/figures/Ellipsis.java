package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;

/**
 * Numbers that leave their measure understood and take it from the money or quantity the story just named: a
 * scaled number (from 4.12 billion), a bare one set against money (to 80 marks from 78.8), and a decimal whose scale
 * the wire leaves out (declined 75.4 mln dlrs to 104.0).
 */
final class Ellipsis {

    /** How many tokens back a scaled number looks for the measure it repeats. */
    private static final int REACH = 120;

    private Ellipsis() {
    }

    /**
     * A scaled number with nothing after it repeats the measure of the money or quantity just before it:
     * "rose to 6.25 billion dlrs from 4.12 billion", "12.40 mln bpd from 12.35 mln", "بـ1.85 مليار ريال ... بـ2.44
     * مليار". Share counts in earnings tables ("Avg shrs 12.5 mln") are left alone.
     */
    static Candidate measure(Doc d, NumberPhrase n, Candidate m) {
        if (m != null && m.value() != null && !n.hasScale() && m.kind() == FigureKind.MONEY
                && (comparedWith(d, n.first() - 1) || fromTo(d, n, m)) && n.first() - m.last() <= 8 && d.sameSentence(m.last(), n.first())
                && n.value() >= m.value() / 5 && n.value() <= m.value() * 5) {
            return new Candidate(m.kind(), n.first(), n.last(), n.value(), null, null, null, null, m.currency(), n,
                    m.bareDefault() ? m.family() : null, m.bareDefault(), false);  // to 80 marks from 78.8
        }
        if (m != null && m.kind() == FigureKind.MONEY && m.value() != null && !n.hasScale()
                && (perShare(d, n.last() + 1) && n.first() - m.last() <= 12 || changeAfterPrice(d, n, m))
                && d.sameSentence(m.last(), n.first())) {
            // 933,000 dlrs, or 1.08 a share: a price per share in the currency just named
            return new Candidate(m.kind(), n.first(), n.last(), n.value(), null, null, null, null, m.currency(), n,
                    m.bareDefault() ? m.family() : null, m.bareDefault(), false);
        }
        Candidate scaled = scaleLeftOut(d, n, m);
        if (scaled != null) {
            return scaled;
        }
        if (!n.hasScale() || m == null || !d.wordsKnown || n.first() - m.last() > REACH) {
            return null;
        }
        if (n.value() < 1e5 && !(n.first() - m.last() <= 12 && d.sameSentence(m.last(), n.first()))) {
            return null;  // small thousands repeat only the measure just named: 50 ألف ريال، و30 ألفا للفائز
        }
        for (int p = n.first() - 1; p >= Math.max(0, n.first() - 6); p--) {
            if (d.lexicon.in(WordList.SHARES, d.surface(p))) {
                return null;
            }
            if (d.at(p).lineBefore) {
                break;
            }
        }
        int shares = sharesAhead(d, n.last() + 1);
        if (shares >= 0) {
            // four mln non-voting Acme common shares, 1.6 mln class E preferred shares: a count of shares
            return Candidate.of(FigureKind.COUNT, n).as(FigureKind.COUNT, "share", null, n.first(), shares);
        }
        for (int k = n.last() + 1; k <= n.last() + 3 && d.at(k).isWord() && !d.at(k).lineBefore; k++) {
            if (d.lexicon.in(WordList.SHARES, d.surface(k))) {
                return null;  // to 120 mln in authorized shares: shares, though not counted by name
            }
        }
        String family = m.bareDefault() ? m.family() : null;
        return new Candidate(m.kind(), n.first(), n.last(), n.value(), null, null, null, m.unit(), m.currency(), n,
                family, family != null, false);
    }

    /**
     * The plural "shares" that closes the noun phrase starting at k (names, classes, tickers in angle brackets,
     * hyphenated modifiers and "and" between), or -1 at the first other function word, number or punctuation.
     */
    private static int sharesAhead(Doc d, int k0) {
        for (int k = k0; k <= k0 + 10 && !d.at(k).paragraphBefore; k++) {
            Token t = d.at(k);
            String s = d.surface(k);
            if (t.isWord() && (s.equalsIgnoreCase("shares") || s.equalsIgnoreCase("shrs"))) {
                return k;
            }
            boolean joins = t.type == TokenType.SYMBOL && (d.isDash(k) || t.sym == '<' || t.sym == '>'
                    || t.sym == '"' || t.sym == '\'') || t.has(Role.AND)
                    || s.length() == 1 && Character.isUpperCase(s.charAt(0));  // class A shares
            if (!joins && (t.type != TokenType.LATIN || t.has(Role.STOP) || t.isNumberWord()
                    || t.entry != null && (t.entry.unit != null || t.entry.namesCurrency()))) {
                return -1;
            }
        }
        return -1;
    }

    /** 1,640 yen, down 50: a bare change right after a price, smaller than it, is in the price's currency. */
    private static boolean changeAfterPrice(Doc d, NumberPhrase n, Candidate m) {
        return d.english && n.first() - m.last() <= 3 && n.value() < m.value() && !d.at(n.last() + 1).has(Role.TO)
                && d.lexicon.in(WordList.TABLE_CHANGE, d.surface(n.first() - 1));  // not down 20 to 24 pct
    }

    /** "a share", "per share", "a diluted share" at k. */
    private static boolean perShare(Doc d, int k) {
        if (!d.english || !d.at(k).has(Role.PER)) {
            return false;
        }
        int s = EnglishNouns.isAdjective(d, k + 1) ? k + 2 : k + 1;
        return d.surface(s).equalsIgnoreCase("share") || d.surface(s).equalsIgnoreCase("shr");
    }

    /** من 214 ريالا إلى 236: the bound after إلى of money after من shares its measure. */
    private static boolean fromTo(Doc d, NumberPhrase n, Candidate m) {
        Token from = d.at(m.first() - 1);
        Token to = d.at(n.first() - 1);
        return d.arabic && from.has(Role.FROM) && from.stemOffset == 0 && to.has(Role.TO) && to.stemOffset == 0;
    }

    /** The words before token p set a value against another: from, against, vs, instead of, compared with. */
    private static boolean comparedWith(Doc d, int p) {
        String word = d.surface(p).toLowerCase();
        return d.wordsKnown && (d.lexicon.in(WordList.COMPARED, word) || (word.equals("of") || word.equals("with"))
                && d.lexicon.in(WordList.COMPARED, d.surface(p - 1).toLowerCase()));
    }

    /**
     * "cut to two years from one", "rose to 83.6 pct from 80.0": a bare number right after a duration or a percentage
     * and a word that sets a value against it (from, against) is one in the same measure, within a factor of ten; a
     * quantity reaches as far as money does ("31,200 tonnes in May from 33,450"), within a factor of five.
     */
    static Candidate setAgainst(Doc d, NumberPhrase n, Candidate m) {
        if (m != null && m.kind() == FigureKind.QUANTITY && m.value() != null && m.unit() != null
                && n.first() - m.last() <= 8 && comparedWith(d, n.first() - 1) && d.sameSentence(m.last(), n.first())
                && n.value() >= m.value() / 5 && n.value() <= m.value() * 5) {
            return Candidate.of(FigureKind.QUANTITY, n).as(FigureKind.QUANTITY, m.unit(), null, n.first(), n.last());
        }
        if (m == null || m.value() == null || n.hasScale() || n.first() - m.last() != 2
                || !comparedWith(d, n.first() - 1) || n.value() <= 0 || n.value() < m.value() / 10
                || n.value() > m.value() * 10) {
            return null;
        }
        if (m.kind() == FigureKind.PERCENT) {
            return Candidate.of(FigureKind.PERCENT, n);
        }
        Word unit = m.unit() == null ? null : d.lexicon.get(m.unit());
        return unit == null || unit.isoDesignator == null ? null : Candidate.of(FigureKind.DURATION, n)
                .as(FigureKind.DURATION, m.unit(), DurationRecognizer.iso(n.value(), unit.isoDesignator), n.first(),
                        n.last());
    }

    /**
     * "declined 75.4 mln dlrs to 104.0": a decimal with no scale right after "to" or "from" that follows scaled money
     * is the end of the same change, in the same currency and scale, when the two lie within a factor of twenty.
     */
    private static Candidate scaleLeftOut(Doc d, NumberPhrase n, Candidate m) {
        Token t = d.at(n.first());
        Token between = d.at(n.first() - 1);
        if (!d.english || m == null || m.value() == null || m.kind() != FigureKind.MONEY || m.number() == null
                || !m.number().hasScale() || n.hasScale() || n.first() != n.last() || t.type != TokenType.DIGITS
                || t.grouped || !t.decimal
                || n.first() - m.last() != 2 || !(between.has(Role.TO) || between.has(Role.FROM))
                || between.type != TokenType.LATIN) {
            return null;
        }
        double scale = m.number().lastScale();
        double value = n.value() * scale;
        if (value < m.value() / 20 || value > m.value() * 20) {
            return null;
        }
        String family = m.bareDefault() ? m.family() : null;
        return new Candidate(m.kind(), n.first(), n.last(), value, null, null, null, m.unit(), m.currency(),
                n.scaled(value, n.last(), scale), family, family != null, false);
    }
}
