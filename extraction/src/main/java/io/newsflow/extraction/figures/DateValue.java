package io.newsflow.extraction.figures;

import java.time.LocalDate;

/**
 * A date as written, before it is resolved: year 0 when left out, month 0 for a bare year, day 0 when absent, or
 * an ISO value computed directly (relative dates, seasons); first and last are its tokens.
 */
record DateValue(int year, int month, int day, int first, int last, Relation relation, String iso) {

    /** How the words around a date without a year place it against the publication day. */
    enum Relation {
        NONE,
        /** الماضي, last: the latest such month before the publication month. */
        PAST,
        /** المقبل, next: the first such month after it. */
        NEXT,
        /** الجاري: this year's. */
        CURRENT,
        /** مايو من العام الماضي: the month of last year. */
        OF_LAST_YEAR,
        /** يونيو العام المقبل: the month of next year. */
        OF_NEXT_YEAR,
        /** since, منذ: the latest such month not after the publication day. */
        SINCE
    }

    static DateValue of(int year, int month, int day, int last) {
        return new DateValue(year, month, day, -1, last, Relation.NONE, null);
    }

    /** A date whose ISO value is already known, over first..last. */
    static DateValue resolved(int first, int last, String iso) {
        return new DateValue(0, 0, 0, first, last, Relation.NONE, iso);
    }

    DateValue ending(int newLast, Relation newRelation) {
        return new DateValue(year, month, day, first, newLast, newRelation, iso);
    }

    DateValue inYear(int newYear) {
        return new DateValue(newYear, month, day, first, last, relation, iso);
    }

    DateValue from(int newFirst) {
        return new DateValue(year, month, day, newFirst, last, relation, iso);
    }

    /**
     * The ISO value, a missing year taken from the publication day: backwards with الماضي/last, forwards with
     * next, and for a month more than six months ahead of the publication month ("in December" in a March wire),
     * last year's; with no publication day the value stays partial (--09).
     *
     * @param override a relation that the words around the date state instead of its own, or null
     */
    String iso(LocalDate published, Relation override) {
        if (iso != null) {
            return iso;
        }
        int y = year;
        Relation r = override != null && override != Relation.NONE ? override : relation;
        if (y == 0 && month > 0 && published != null) {
            y = published.getYear();
            int pm = published.getMonthValue();
            // the publication month itself: a day says on which side of the publication day it is
            boolean sameMonthBefore = month == pm && day > 0 && day <= published.getDayOfMonth();
            boolean sameMonthAfter = month == pm && day > 0 && day >= published.getDayOfMonth();
            boolean afterPublication = month > pm || month == pm && day > published.getDayOfMonth();
            if (r == Relation.PAST && month >= pm && !sameMonthBefore || r == Relation.OF_LAST_YEAR
                    || r == Relation.SINCE && afterPublication) {
                y--;
            } else if (r == Relation.NEXT && month <= pm && !sameMonthAfter || r == Relation.OF_NEXT_YEAR) {
                y++;
            } else if (r == Relation.NONE && month > pm + 6) {
                // nearer months are often ahead (shipment periods, futures delivery, "the year ending June 30"),
                // so only the far ones roll back
                y--;
            }
        }
        StringBuilder sb = new StringBuilder(10);
        if (y > 0) {
            sb.append(String.format("%04d", y));
        } else {
            sb.append('-');
        }
        if (month > 0) {
            sb.append('-').append(String.format("%02d", month));
            if (day > 0) {
                sb.append('-').append(String.format("%02d", day));
            }
        }
        return sb.toString();
    }
}
