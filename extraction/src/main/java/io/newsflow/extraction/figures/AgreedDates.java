package io.newsflow.extraction.figures;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import java.util.Map;

/**
 * A weekday before a day of a month, directly or after الموافق ("corresponding to"), is that day, not the last such
 * weekday before publication (يوم الأحد الموافق 12 شوال, الجمعة الموافق 18 / 8, الخميس الموافق 20 أغسطس, الخميس 28
 * شوال الموافق 13 أغسطس, الأحد 22 / 11 / 1436هـ): the day is read in the Gregorian or the Hijri (Umm al-Qura)
 * calendar, whichever puts it on the weekday named, in the year written after it or else near the publication day.
 */
final class AgreedDates {

    /** The Hijri months by the folded key of their first word, or of both words for the two-word names. */
    private static final Map<String, Integer> HIJRI = Map.ofEntries(Map.entry("محرم", 1), Map.entry("المحرم", 1),
            Map.entry("صفر", 2), Map.entry("ربيع الاول", 3), Map.entry("ربيع الاخر", 4), Map.entry("ربيع الثاني", 4),
            Map.entry("جمادي الاولي", 5), Map.entry("جمادي الاخره", 6), Map.entry("جمادي الثانيه", 6),
            Map.entry("رجب", 7), Map.entry("شعبان", 8), Map.entry("رمضان", 9), Map.entry("شوال", 10),
            Map.entry("ذو القعده", 11), Map.entry("ذي القعده", 11), Map.entry("ذو الحجه", 12),
            Map.entry("ذي الحجه", 12));

    /** The Hijri years of the Umm al-Qura table: a four-digit year among them is Hijri, others Gregorian. */
    private static final int HIJRI_YEARS_FROM = 1300;
    private static final int HIJRI_YEARS_UNTIL = 1600;

    /** How far from the publication day the day may lie. */
    private static final int REACH = 200;

    private AgreedDates() {
    }

    /** The day named at token k (الموافق or the day's number) for the weekday isoDay, or null when none fits it. */
    static LocalDate day(Doc d, int k, int isoDay, LocalDate published) {
        if (!d.arabic) {
            return null;
        }
        if (!"الموافق".equals(Normalizer.key(d.surface(k)))) {
            return d.isSmallInt(k, 31) ? dated(d, k, isoDay, published) : null;
        }
        int i = d.isSymbol(k + 1, '،') || d.isSymbol(k + 1, ',') ? k + 2 : k + 1;
        return d.isSmallInt(i, 31) ? dated(d, i, isoDay, published) : null;
    }

    private static LocalDate dated(Doc d, int i, int isoDay, LocalDate published) {
        int day = (int) d.at(i).value;
        int m = d.at(i + 1).has(Role.FROM) && d.at(i + 1).stemOffset == 0 ? i + 2 : i + 1;
        m = "شهر".equals(Normalizer.key(d.surface(m))) ? m + 1 : m;
        int month;
        int calendars;  // 1 Gregorian, 2 Hijri, 3 either
        int last;
        if (d.isSymbol(i + 1, '/') && d.isSmallInt(i + 2, 12)) {
            month = (int) d.at(i + 2).value;
            calendars = 3;
            last = d.isSymbol(i + 3, '/') ? i + 3 : i + 2;
        } else {
            DateGrammar.Month g = DateGrammar.month(d, m);
            String one = Normalizer.key(d.surface(m));
            String two = one + " " + Normalizer.key(d.surface(m + 1));
            Integer h = HIJRI.containsKey(one) ? HIJRI.get(one) : HIJRI.get(two);
            month = g != null ? g.month() : h != null ? h : 0;
            calendars = g != null ? 1 : 2;
            last = g != null ? g.last() : HIJRI.containsKey(one) ? m : m + 1;
        }
        if (month == 0) {
            return null;
        }
        int year = (int) d.at(last + 1).value;
        if (d.at(last + 1).type == TokenType.DIGITS && d.at(last + 1).integerDigits == 4) {
            // الخميس 2 أغسطس 1990, الأحد 22 / 11 / 1436هـ: the year written decides the calendar and the day
            boolean hijriYear = year >= HIJRI_YEARS_FROM && year < HIJRI_YEARS_UNTIL;
            return (calendars & (hijriYear ? 2 : 1)) == 0 ? null
                    : hijriYear ? fit(hijri(year, month, day), isoDay, 1)
                    : fit(gregorian(year, month, day), isoDay, 0);
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
