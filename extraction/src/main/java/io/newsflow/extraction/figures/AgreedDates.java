package io.newsflow.extraction.figures;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;

/**
 * A weekday before الموافق ("corresponding to") and a day of a month (يوم الأحد الموافق 12 شوال, الجمعة الموافق
 * 18 / 8, الخميس الموافق 20 أغسطس) is that day, not the last such weekday before publication: the day is read in the
 * Gregorian or the Hijri (Umm al-Qura) calendar, whichever puts it on the weekday named near the publication day.
 */
final class AgreedDates {

    /** How far from the publication day the day may lie. */
    private static final int REACH = 200;

    private AgreedDates() {
    }

    /** The day named after الموافق at token k for the weekday isoDay, or null when none fits it. */
    static LocalDate day(Doc d, int k, int isoDay, LocalDate published) {
        int i = d.isSymbol(k + 1, '،') || d.isSymbol(k + 1, ',') ? k + 2 : k + 1;
        if (!d.arabic || !"الموافق".equals(Normalizer.key(d.surface(k))) || !d.isSmallInt(i, 31)) {
            return null;
        }
        int day = (int) d.at(i).value;
        int m = d.at(i + 1).has(Role.FROM) && d.at(i + 1).stemOffset == 0 ? i + 2 : i + 1;
        m = "شهر".equals(Normalizer.key(d.surface(m))) ? m + 1 : m;
        int month;
        int calendars;  // 1 Gregorian, 2 Hijri, 3 either
        if (d.isSymbol(i + 1, '/') && d.isSmallInt(i + 2, 12)) {
            month = (int) d.at(i + 2).value;
            calendars = 3;
        } else {
            DateGrammar.Month g = DateGrammar.month(d, m);
            month = g != null ? g.month() : d.lexicon.hijriMonth(d.surface(m), d.surface(m + 1));
            calendars = g != null ? 1 : 2;
        }
        if (month == 0) {
            return null;
        }
        LocalDate best = null;
        for (int shift = -1; shift <= 1; shift++) {
            if ((calendars & 1) != 0) {
                best = nearer(best, published, fit(gregorian(published.getYear() + shift, month, day), isoDay, 0));
            }
            if ((calendars & 2) != 0) {
                best = nearer(best, published, fit(hijri(hijriYear(published) + shift, month, day), isoDay, 1));
            }
        }
        return best;
    }

    private static LocalDate gregorian(int year, int month, int day) {
        return day <= java.time.YearMonth.of(year, month).lengthOfMonth() ? LocalDate.of(year, month, day) : null;
    }

    /** The Hijri year of a day, or 0 (no Hijri day fits) outside the Umm al-Qura table (about 1882-2174). */
    private static int hijriYear(LocalDate day) {
        try {
            return HijrahDate.from(day).get(ChronoField.YEAR);
        } catch (java.time.DateTimeException e) {
            return 0;
        }
    }

    private static LocalDate hijri(int year, int month, int day) {
        try {
            return LocalDate.from(HijrahDate.of(year, month, day));
        } catch (java.time.DateTimeException e) {
            return null;  // the 30th of a month of 29 days, or a year past the calendar's table
        }
    }

    /** The date itself on the weekday named, or (a Hijri month's start is sighted, so may differ) a day beside it. */
    private static LocalDate fit(LocalDate date, int isoDay, int slack) {
        if (date == null) {
            return null;
        }
        for (int s = 0; s <= slack; s++) {
            if (date.plusDays(s).getDayOfWeek() == DayOfWeek.of(isoDay)) {
                return date.plusDays(s);
            }
            if (date.minusDays(s).getDayOfWeek() == DayOfWeek.of(isoDay)) {
                return date.minusDays(s);
            }
        }
        return null;
    }

    private static LocalDate nearer(LocalDate best, LocalDate published, LocalDate date) {
        if (date == null || Math.abs(date.toEpochDay() - published.toEpochDay()) > REACH) {
            return best;
        }
        return best == null || Math.abs(date.toEpochDay() - published.toEpochDay())
                < Math.abs(best.toEpochDay() - published.toEpochDay()) ? date : best;
    }
}
