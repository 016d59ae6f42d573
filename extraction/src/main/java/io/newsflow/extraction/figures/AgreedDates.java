package io.newsflow.extraction.figures;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;

/**
 * A weekday followed by a date, directly or through الموافق ("corresponding to"), is that date, not the last such
 * weekday before publication (الجمعة 26 يونيو الفائت, يوم الأحد الموافق 12 شوال, الخميس 22/9/1436هـ). The date is read
 * in the Gregorian or the Hijri (Umm al-Qura) calendar: the one its year or its month's name gives, or else the one
 * that puts it on the weekday named near the publication day.
 */
final class AgreedDates {

    /** How far from the publication day a date without its year may lie. */
    private static final int REACH = 200;
    private static final int GREGORIAN = 1;
    private static final int HIJRI = 2;

    private AgreedDates() {
    }

    /** The day the date from token k names for the weekday isoDay, or null when none follows or fits it. */
    static LocalDate day(Doc d, int k, int isoDay, LocalDate published) {
        if (!d.arabic) {
            return null;
        }
        k = d.isComma(k) ? k + 1 : k;
        String word = Normalizer.key(d.surface(k));
        boolean agreed = word.equals("الموافق") || word.equals("والموافق");
        int i = dayAt(d, !agreed ? k : d.isComma(k + 1) ? k + 2 : k + 1);
        int day = dayNumber(d, i);
        if (day == 0 || !agreed && d.at(i).lineBefore) {
            return null;
        }
        int m = monthAfter(d, i);
        int month;
        int calendars;
        int yearAt;
        if (d.isSymbol(i + 1, '/') && d.isSmallInt(i + 2, 12)) {
            month = (int) d.at(i + 2).value;
            calendars = GREGORIAN | HIJRI;
            yearAt = d.isSymbol(i + 3, '/') ? i + 4 : -1;
        } else {
            DateGrammar.Month g = DateGrammar.month(d, m);
            int one = g != null ? 0 : d.lexicon.hijriMonth(d.surface(m), null);
            int two = g != null || one != 0 ? 0 : d.lexicon.hijriMonth(d.surface(m), d.surface(m + 1));
            month = g != null ? g.month() : Math.max(one, two);
            calendars = g != null ? GREGORIAN : HIJRI;
            yearAt = (g != null ? g.last() : two != 0 ? m + 1 : m) + 1;
            if (d.isSymbol(yearAt, '(') && d.isSymbol(yearAt + 2, ')')) {
                yearAt += 3;  // 26 يونيو (حزيران) 2015: the Levantine name beside the month
            }
        }
        if (month == 0) {
            return null;
        }
        int year = yearAt >= 0 ? fourDigits(d, yearAt) : 0;
        if (year > 0) {
            calendars &= year < 1600 ? HIJRI : GREGORIAN;
            return calendars == GREGORIAN ? fit(gregorian(year, month, day), isoDay, 0)
                    : calendars == HIJRI ? fit(hijri(year, month, day), isoDay, 1) : null;
        }
        LocalDate best = null;
        for (int shift = -1; shift <= 1; shift++) {
            if ((calendars & GREGORIAN) != 0) {
                best = nearer(best, published, fit(gregorian(published.getYear() + shift, month, day), isoDay, 0));
            }
            if ((calendars & HIJRI) != 0) {
                best = nearer(best, published, fit(hijri(hijriYear(published) + shift, month, day), isoDay, 1));
            }
        }
        return best;
    }

    /**
     * Whether a Hijri date opens at token k, after a weekday (الأحد الـ 5 من ذي القعدة): the token of its day, or -1.
     * Where no day near publication fits the weekday, the weekday names no date a reader can fix.
     */
    static int dayOfHijriDate(Doc d, int k) {
        int i = dayAt(d, d.isComma(k) ? k + 1 : k);
        int m = monthAfter(d, i);
        boolean hijri = d.lexicon.hijriMonth(d.surface(m), null) > 0
                || d.lexicon.hijriMonth(d.surface(m), d.surface(m + 1)) > 0;
        return d.arabic && dayNumber(d, i) > 0 && hijri ? i : -1;
    }

    /** The day's token at k, past a detached article (الـ 5). */
    private static int dayAt(Doc d, int k) {
        return "ال".equals(d.surface(k).replace("\u0640", "")) ? k + 1 : k;
    }

    /**
     * A day of the month at i in digits or as a definite ordinal word in the masculine of يوم (السابع), or 0; the
     * feminine agrees with the weekday and counts Fridays (الجمعة الثانية من رمضان), not days.
     */
    private static int dayNumber(Doc d, int i) {
        Token t = d.at(i);
        if (d.isSmallInt(i, 31)) {
            return (int) t.value;
        }
        boolean ordinal = t.type == TokenType.ARABIC && t.definite && t.entry != null && t.entry.ordinal > 0
                && t.entry.ordinal <= 10 && !d.at(i + 1).isNumberWord() && !Normalizer.key(d.surface(i)).endsWith("ه");
        return ordinal ? (int) t.entry.ordinal : 0;
    }

    /** The token of the month after a day at i, past من and شهر. */
    private static int monthAfter(Doc d, int i) {
        int m = d.at(i + 1).has(Role.FROM) && d.at(i + 1).stemOffset == 0 ? i + 2 : i + 1;
        return "شهر".equals(Normalizer.key(d.surface(m))) ? m + 1 : m;
    }

    /** A year written in four plain digits at i, in either calendar, or 0. */
    private static int fourDigits(Doc d, int i) {
        Token t = d.at(i);
        return t.type == TokenType.DIGITS && !t.grouped && !t.decimal && t.integerDigits == 4 ? (int) t.value : 0;
    }

    private static LocalDate gregorian(int year, int month, int day) {
        return year >= 1 && day <= java.time.YearMonth.of(year, month).lengthOfMonth()
                ? LocalDate.of(year, month, day) : null;
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
