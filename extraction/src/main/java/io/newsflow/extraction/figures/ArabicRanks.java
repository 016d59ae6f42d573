package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;

/**
 * Arabic digits after a definite singular noun of rank, also in brackets or quotes: the rank itself, as the ordinal
 * word or the detached article would say it ({@link OrdinalRecognizer}); not a year (النسخة 2015). Two lists name the
 * nouns, each with the words after the digits that make them an amount instead:
 * <ul>
 * <li>RANK_NOUN (المرتبة 19, للمركز ( 73 ), الدورة 306 لمجلس المديرين): not before a word they count (الدورة 50
 * طالبة);</li>
 * <li>MATCH_MINUTE, a minute of a match (في الدقيقة 65, بالدقيقة (89): the 65th minute, as الدقيقة العاشرة in words),
 * up to the longest match: not before the unit, the currency or the noun they measure (سعر الدقيقة 50 هللة), where
 * any other word may follow (في الدقيقة 30 سدد).</li>
 * </ul>
 */
final class ArabicRanks {

    /** The longest match, with extra time and what the referee adds. */
    private static final int LAST_MINUTE = 130;

    private ArabicRanks() {
    }

    /** The rank that the digits n give the noun before them, or null. */
    static Candidate at(Doc d, NumberPhrase n) {
        int i = n.first();
        if (!d.arabic || !n.plainDigits() || i != n.last() || n.value() < 1 || d.isYear(i)) {
            return null;
        }
        boolean marked = d.isSymbolIn(i - 1, "(" + Doc.OPENING_QUOTES);
        int noun = marked ? i - 2 : i - 1;
        int last = marked && d.isSymbolIn(i + 1, ")" + Doc.CLOSING_QUOTES) ? i + 1 : i;
        String ranked = Nouns.arabicDefinite(d, noun) && !Nouns.arabicDefinitePlural(d, noun)
                ? Nouns.arabicBefore(d, noun) : null;
        if (marked && last == i || ranked == null) {
            return null;
        }
        boolean rank = d.lexicon.in(WordList.RANK_NOUN, ranked) && !counts(d, last + 1);
        boolean minute = d.lexicon.in(WordList.MATCH_MINUTE, ranked) && n.value() <= LAST_MINUTE
                && !measured(d, last + 1);
        return rank || minute ? Candidate.of(FigureKind.ORDINAL, marked ? i - 1 : i, last, n.value(), ranked, null)
                : null;
    }

    /**
     * A word at k that the digits may count: من (الدورة 73 من طلبة الكلية) or a noun (ويشارك في الدورة 50 طالبة);
     * not a word with a preposition glued on, a function word or an adverb of place (المركز 93 عالميا).
     */
    private static boolean counts(Doc d, int k) {
        Token t = d.at(k);
        if (t.type != TokenType.ARABIC || t.lineBefore) {
            return false;
        }
        String key = Normalizer.key(d.surface(k));
        return key.equals("من") || !t.preposition && !t.conjunction && !t.has(Role.STOP) && !key.endsWith("يا");
    }

    /** An indefinite unit, currency or counted noun at k: what a minute costs (سعر الدقيقة 50 هللة), no rank. */
    private static boolean measured(Doc d, int k) {
        Word w = d.at(k).entry;
        return w != null && !d.at(k).definite && (w.unit != null || w.singular != null || w.currencyFamily != null);
    }
}
