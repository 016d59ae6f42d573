package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;

/**
 * A minute of a match in digits after the definite "minute" (في الدقيقة 65, بالدقيقة 89) ranks it, as الدقيقة العاشرة
 * does in words: the 65th minute, no amount of minutes.
 */
final class PlayMinutes {

    /** The longest match, with extra time and what the referee adds. */
    private static final int LAST_MINUTE = 130;

    private PlayMinutes() {
    }

    /** The minute the digits n rank, or null. */
    static Candidate at(Doc d, NumberPhrase n) {
        Token minute = d.at(n.first() - 1);
        Token t = d.at(n.first());
        if (!d.arabic || !n.plainDigits() || n.first() != n.last() || t.decimal || t.grouped || n.value() < 1
                || n.value() > LAST_MINUTE || minute.type != TokenType.ARABIC || !minute.definite
                || !"دقيقه".equals(d.stemKey(n.first() - 1))) {
            return null;
        }
        Token after = d.at(n.last() + 1);
        if (after.entry != null && !after.definite && (after.entry.unit != null || after.entry.singular != null
                || after.entry.currencyFamily != null)) {
            return null;  // سعر الدقيقة 50 هللة: what a minute costs, no rank
        }
        return Candidate.of(FigureKind.ORDINAL, n.first(), n.last(), n.value(), Nouns.arabicBefore(d, n.first() - 1),
                null);
    }
}
