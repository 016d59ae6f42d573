package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;

/**
 * Arabic digits after a definite noun of rank (RANK_NOUN), also in brackets or quotes: the rank itself (المرتبة 19,
 * للمركز ( 73 ), الدورة 306 لمجلس المديرين), as the ordinal word or the detached article would say it
 * ({@link OrdinalRecognizer}). Years stay dates (النسخة 2015).
 */
final class ArabicRanks {

    private ArabicRanks() {
    }

    /** The rank that the digits n give the noun before them, or null. */
    static Candidate at(Doc d, NumberPhrase n) {
        int i = n.first();
        if (!d.arabic || !n.plainDigits() || i != n.last() || d.at(i).decimal || n.value() < 1 || d.isYear(i)) {
            return null;
        }
        boolean marked = isOpening(d, i - 1);
        int noun = marked ? i - 2 : i - 1;
        int last = marked && isClosing(d, i + 1) ? i + 1 : i;
        String ranked = Nouns.arabicDefinite(d, noun) && !Nouns.arabicDefinitePlural(d, noun)
                ? Nouns.arabicBefore(d, noun) : null;
        if (marked && last == i || ranked == null || !d.lexicon.in(WordList.RANK_NOUN, ranked)
                || counts(d, last + 1)) {
            return null;
        }
        return Candidate.of(FigureKind.ORDINAL, marked ? i - 1 : i, last, n.value(), ranked, null);
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

    private static boolean isOpening(Doc d, int k) {
        return d.isSymbol(k, '(') || d.isSymbol(k, '\u00AB') || d.isSymbol(k, '\u201C') || d.isSymbol(k, '"');
    }

    private static boolean isClosing(Doc d, int k) {
        return d.isSymbol(k, ')') || d.isSymbol(k, '\u00BB') || d.isSymbol(k, '\u201D') || d.isSymbol(k, '"');
    }
}
