package io.newsflow.extraction.figures;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import java.util.Map;

/**
 * A weekday before الموافق ("corresponding to") and a day of a month (يوم الأحد الموافق 12 شوال, الجمعة الموافق
 * 18 / 8, الخميس الموافق 20 أغسطس) is that day, not the last such weekday before publication: the day is read in the
 * Gregorian or the Hijri (Umm al-Qura) calendar, whichever puts it on the weekday named near the publication day.
 * So is a weekday right before a Hijri date (يوم السبت السابع من شهر ذي القعدة, الخميس الـ 4 من ذي الحجة); when no
 * Hijri day near publication falls on that weekday, the weekday names no date a reader can fix.
 */
final class AgreedDates {

    /** The Hijri months by the folded key of their first word, or of both words for the two-word names. */
    private static final Map<String, Integer> HIJRI = Map.ofEntries(Map.entry("محرم", 1), Map.entry("المحرم", 1),
            Map.entry("صفر", 2), Map.entry("ربيع الاول", 3), Map.entry("ربيع الاخر", 4), Map.entry("ربيع الثاني", 4),
            Map.entry("جمادي الاولي", 5), Map.entry("جمادي الاخره", 6), Map.entry("جمادي الثانيه", 6),
            Map.entry("رجب", 7), Map.entry("شعبان", 8), Map.entry("رمضان", 9), Map.entry("شوال", 10),
            Map.entry("ذو القعده", 11), Map.entry("ذي القعده", 11), Map.entry("ذو الحجه", 12),
            Map.entry("ذي الحجه", 12));

    /** How far from the publication day the day may lie. */
    private static final int REACH = 200;

    private AgreedDates() {
    }

    /**
     * The day named after الموافق at token k, or by a Hijri date at k, for the weekday isoDay; null when none fits
     * it or no such date follows.
     */
    static LocalDate day(Doc d, int k, int isoDay, LocalDate published) {
        if (!d.arabic) {
            return null;
        }
        if (!"الموافق".equals(Normalizer.key(d.surface(k)))) {
            int i = dayOfHijriDate(d, k);
            return i < 0 ? null : named(d, i, dayNumber(d, i), isoDay, published, true);
        }
        int i = d.isSymbol(k + 1, '،') || d.isSymbol(k + 1, ',') ? k + 2 : k + 1;
        return d.isSmallInt(i, 31) ? named(d, i, (int) d.at(i).value, isoDay, published, false) : null;
    }

    /** A Hijri date opens at token k, after a weekday: its day's token, or -1. */
    static int dayOfHijriDate(Doc d, int k) {
        int i = "ال".equals(d.surface(k).replace("\u0640", "")) ? k + 1 : k;  // الـ 5
        int day = dayNumber(d, i);
        return day > 0 && hijriMonth(d, monthAfter(d, i)) > 0 ? i : -1;
    }

    /**
     * A day of the month at i in digits or as a definite ordinal word in the masculine of يوم (السابع), or 0; the
     * feminine agrees with the weekday and counts Fridays (الجمعة الثانية من رمضان), not days.
     */
    private static int dayNumber(Doc d, int i) {
        Token t = d.at(i);
        if (d.isSmallInt(i, 30)) {
            return (int) t.value;
        }
        boolean ordinal = t.type == TokenType.ARABIC && t.definite && t.entry != null && t.entry.ordinal > 0
                && t.entry.ordinal <= 10 && !d.at(i + 1).isNumberWord() && !Normalizer.key(d.surface(i)).endsWith("ه");
        return ordinal ? (int) t.entry.ordinal : 0;
    }

    /** A Hijri year written after the month at m (ربيع الأول 1373), or 0. */
    private static int hijriYearAfter(Doc d, int m) {
        int y = HIJRI.containsKey(Normalizer.key(d.surface(m))) ? m + 1 : m + 2;
        Token t = d.at(y);
        boolean year = t.type == TokenType.DIGITS && !t.grouped && !t.decimal && t.integerDigits == 4
                && t.value >= 1300 && t.value <= 1600;
        return year ? (int) t.value : 0;
    }

    /** The token of the month after a day at i, past من and شهر. */
    private static int monthAfter(Doc d, int i) {
        int m = d.at(i + 1).has(Role.FROM) && d.at(i + 1).stemOffset == 0 ? i + 2 : i + 1;
        return "شهر".equals(Normalizer.key(d.surface(m))) ? m + 1 : m;
    }

    private static int hijriMonth(Doc d, int m) {
        String one = Normalizer.key(d.surface(m));
        return HIJRI.getOrDefault(one, HIJRI.getOrDefault(one + " " + Normalizer.key(d.surface(m + 1)), 0));
    }

    private static LocalDate named(Doc d, int i, int day, int isoDay, LocalDate published, boolean hijriOnly) {
        int m = monthAfter(d, i);
        int month;
        int calendars;  // 1 Gregorian, 2 Hijri, 3 either
        if (hijriOnly) {
            month = hijriMonth(d, m);
            calendars = 2;
            int year = hijriYearAfter(d, m);
            if (year > 0) {
                return fit(hijri(year, month, day), isoDay, 1);  // يوم الإثنين 2 ربيع الأول 1373, decades back
            }
        } else if (d.isSymbol(i + 1, '/') && d.isSmallInt(i + 2, 12)) {
            month = (int) d.at(i + 2).value;
            calendars = 3;
        } else {
            DateGrammar.Month g = DateGrammar.month(d, m);
            month = g != null ? g.month() : hijriMonth(d, m);
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
