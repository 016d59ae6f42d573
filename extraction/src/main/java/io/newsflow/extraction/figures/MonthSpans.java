package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;

/**
 * Two month names joined by a hyphen (the January-March quarter, the October-December period): one DATE, the
 * months of one year, which the later month's year places.
 */
final class MonthSpans {

    private MonthSpans() {
    }

    /** The span of months that the bare month {@code a} at {@code first} opens with a hyphen, or null. */
    static Candidate hyphened(Doc d, DateValue a, int first) {
        int dash = a.last() + 1;
        if (a.month() == 0 || a.day() != 0 || a.year() != 0 || a.iso() != null || !d.isDash(dash)
                || !d.attached(a.last()) || !d.attached(dash)) {
            return null;
        }
        DateValue b = DateGrammar.at(d, dash + 1);
        if (b == null || b.month() <= a.month() || b.day() != 0 || b.iso() != null) {
            return null;  // November-January runs across two years, which nothing here places
        }
        String end = b.iso(d.published, DateValue.Relation.NONE);
        if (end.length() < 7 || !Character.isDigit(end.charAt(0))) {
            return null;  // no publication day, no year
        }
        String start = a.inYear(Integer.parseInt(end.substring(0, 4))).iso(d.published, DateValue.Relation.NONE);
        return Candidate.of(FigureKind.DATE, first, b.last(), null, null, start + "/" + end);
    }
}
