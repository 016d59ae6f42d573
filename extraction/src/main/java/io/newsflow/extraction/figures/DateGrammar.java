package io.newsflow.extraction.figures;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * Dates as news writes them: day-month-year in both Arabic month series (يناير and كانون الثاني, often side by
 * side: 2 يوليو/تموز), English months and their wire abbreviations, ISO and slashed numeric dates, seasons
 * (1986/87), and dates relative to the publication day (أمس, last Tuesday, العام الماضي). A month without a year
 * takes its year from the publication date, backwards when the text says الماضي or last; with no publication
 * date the value stays partial (--09), because guessing a year would be worse than leaving it out.
 */
final class DateGrammar {

    static final int KANUN = 13;
    static final int TISHRIN = 14;

    /** A parsed date: year 0 when unknown, month 0 for a bare year, day 0 when absent; last token index. */
    static final class DateValue {
        int year;
        int month;
        int day;
        int first = -1;
        int last;
        int relation;  // -1 past (الماضي), +1 next, 0 none
        String iso;    // set directly for relative and interval forms

        DateValue(int year, int month, int day, int last) {
            this.year = year;
            this.month = month;
            this.day = day;
            this.last = last;
        }
    }

    private DateGrammar() {
    }

    /** Month number of the month name at i (reading the second word of Levantine names), with its last token. */
    static int[] month(Doc d, int i) {
        Token t = d.at(i);
        if (t.entry == null || t.entry.month == 0) {
            return null;
        }
        int m = t.entry.month;
        if (m == KANUN || m == TISHRIN) {
            Token second = d.at(i + 1);
            if (second.entry == null || !second.definite || (second.entry.ordinal != 1 && second.entry.ordinal != 2)) {
                return null;
            }
            boolean first = second.entry.ordinal == 1;
            m = m == KANUN ? (first ? 12 : 1) : (first ? 10 : 11);
            return new int[] {m, i + 1};
        }
        if (d.english && !t.capitalized) {
            return null;  // "may", "march" in lower case are verbs
        }
        return new int[] {m, i};
    }

    /** Skips the other-series name of the same month written alongside: يوليو/تموز, تموز (يوليو). */
    private static int alias(Doc d, int last, int month) {
        int k = last + 1;
        boolean paren = d.isSymbol(k, '(');
        if (d.arabic && !d.at(k).paragraphBefore) {
            int[] other = month(d, k);
            if (other != null && other[0] == month && d.at(k).entry != d.at(last).entry) {
                return other[1];  // مارس آذار: both series side by side without a slash
            }
        }
        if (d.isSymbol(k, '/') || paren || d.isDash(k)) {
            int[] other = month(d, k + 1);
            if (other != null && other[0] == month) {
                int end = other[1];
                if (paren && d.isSymbol(end + 1, ')')) {
                    end++;
                }
                return end;
            }
        }
        return last;
    }

    /** A date at token i, or null. Bare years are left to the number rules, which know what follows them. */
    static DateValue at(Doc d, int i) {
        Token t = d.at(i);
        if (t.type == Token.DIGITS) {
            DateValue numeric = numeric(d, i);
            if (numeric != null) {
                return numeric;
            }
            // day [من] month [year]
            if (d.isSmallInt(i, 31)) {
                int k = i + 1;
                if (d.arabic && d.at(k).has(Word.FROM) && d.at(k).stemOffset == 0) {
                    k++;
                }
                int[] m = month(d, k);
                if (m != null) {
                    return withYear(d, (int) t.value, m);
                }
            }
            return null;
        }
        // الأول من يناير: an Arabic ordinal day
        if (d.arabic && t.entry != null && (t.entry.ordinal > 0 || t.definite && t.entry.numClass == Word.TENS)) {
            int[] ord = NumberGrammar.arabicOrdinal(d, i);
            if (ord != null && ord[0] <= 31 && d.at(ord[1] + 1).has(Word.FROM)) {
                int[] m = month(d, ord[1] + 2);
                if (m != null) {
                    return withYear(d, ord[0], m);
                }
            }
        }
        int[] m = month(d, i);
        if (m == null) {
            return null;
        }
        int last = alias(d, m[1], m[0]);
        int k = last + 1;
        if (d.isSymbol(k, '.') && d.attached(last)) {
            k++;  // Aug.
        }
        // month day[,] [year]
        if (d.isSmallInt(k, 31) && !d.isYear(k) && !(d.arabic)) {
            int day = (int) d.at(k).value;
            int y = k + 1;
            if (d.isSymbol(y, ',')) {
                y++;
            }
            if (d.isYear(y)) {
                return new DateValue((int) d.at(y).value, m[0], day, y);
            }
            return qualified(d, new DateValue(0, m[0], day, k));
        }
        int y = k;
        if (d.isSymbol(y, ',')) {
            y++;
        }
        if (d.isYear(y)) {
            return new DateValue((int) d.at(y).value, m[0], 0, gregorianMark(d, y));
        }
        if (d.arabic && d.at(k).has(Word.FROM) && d.at(k).stemOffset == 0 && d.at(k + 1).has(Word.YEAR_WORD)) {
            // مايو من عام 2014, مايو من العام الجاري/الماضي: the year the month belongs to
            if (d.isYear(k + 2)) {
                return new DateValue((int) d.at(k + 2).value, m[0], 0, gregorianMark(d, k + 2));
            }
            Token q = d.at(k + 2);
            if (q.stemOffset == 0 && (q.has(Word.CURRENT) || q.has(Word.PAST))) {
                DateValue v = new DateValue(0, m[0], 0, k + 2);
                v.relation = q.has(Word.CURRENT) ? 2 : -3;
                return v;
            }
        }
        if (d.at(m[1]).has(Word.NEEDS_CONTEXT) && !monthContext(d, i, last)) {
            return null;
        }
        return qualified(d, new DateValue(0, m[0], 0, last));
    }

    /** A month name that is also a common word (مارس, May) counts only after a preposition or before a qualifier. */
    private static boolean monthContext(Doc d, int first, int last) {
        Token before = d.at(first - 1);
        Token self = d.at(first);
        if (self.preposition || self.definite) {
            return false;
        }
        if (before.has(Word.IN) || before.has(Word.FROM) || before.has(Word.TO) || before.has(Word.PAST)
                || before.has(Word.NEXT) || before.has(Word.CURRENT) || before.has(Word.YEAR_WORD)) {
            return true;
        }
        String b = d.surface(first - 1).toLowerCase();
        if (b.equals("شهر") || b.equals("since") || b.equals("until") || b.equals("by") || b.equals("early")
                || b.equals("late") || b.equals("mid") || b.equals("end") || b.equals("منذ") || b.equals("خلال")
                || b.equals("نهاية") || b.equals("مطلع") || b.equals("منتصف") || b.equals("أواخر")
                || b.equals("أوائل") || b.equals("بداية") || b.equals("during") || b.equals("of")) {
            return true;
        }
        Token after = d.at(last + 1);
        return after.has(Word.PAST) || after.has(Word.NEXT) || after.has(Word.CURRENT);
    }

    private static DateValue withYear(Doc d, int day, int[] m) {
        int last = alias(d, m[1], m[0]);
        int y = last + 1;
        if (d.isSymbol(y, ',')) {
            y++;
        }
        if (d.isYear(y)) {
            return new DateValue((int) d.at(y).value, m[0], day, gregorianMark(d, y));
        }
        return qualified(d, new DateValue(0, m[0], day, last));
    }

    /** 2017م: the Gregorian-era letter glued to a year belongs to the date. */
    private static int gregorianMark(Doc d, int y) {
        return d.attached(y) && d.surface(y + 1).equals("م") ? y + 1 : y;
    }

    private static DateValue qualified(Doc d, DateValue v) {
        Token q = d.at(v.last + 1);
        if (q.has(Word.PAST) && q.stemOffset == 0) {
            v.relation = -1;
            v.last++;
        } else if (q.has(Word.NEXT) && q.stemOffset == 0) {
            v.relation = 1;
            v.last++;
        } else if (q.has(Word.CURRENT) && q.stemOffset == 0 && d.arabic) {
            v.relation = 2;
            v.last++;
        }
        return v;
    }

    /** 2017-02-15, 2017-02, 15/3/2021, 3/15/2021 (English), 2015/7/21, and seasons 1986/87, 2010-2015. */
    private static DateValue numeric(Doc d, int i) {
        Token a = d.at(i);
        int k = i + 1;
        boolean sepOk = (d.isDash(k) || d.isSymbol(k, '/')) && d.attached(i) && d.attached(k);
        if (!sepOk || d.at(k + 1).type != Token.DIGITS || a.decimal || a.grouped) {
            return null;
        }
        char sep = d.at(k).sym;
        Token b = d.at(k + 1);
        boolean third = (d.isSymbol(k + 2, sep) || d.isDash(k + 2) && sep != '/') && d.attached(k + 1)
                && d.attached(k + 2) && d.at(k + 3).type == Token.DIGITS;
        if (d.isYear(i)) {
            if (third && d.isSmallInt(k + 1, 12) && d.isSmallInt(k + 3, 31)) {
                return new DateValue((int) a.value, (int) b.value, (int) d.at(k + 3).value, k + 3);
            }
            if (!third && sep != '/' && d.isSmallInt(k + 1, 12) && b.integerDigits == 2) {
                return new DateValue((int) a.value, (int) b.value, 0, k + 1);  // ISO partial 2017-02
            }
            if (!third && (b.integerDigits == 2 || d.isYear(k + 1))) {
                int end = b.integerDigits == 2 ? (int) a.value / 100 * 100 + (int) b.value : (int) b.value;
                if (end < a.value && b.integerDigits == 2) {
                    end += 100;
                }
                if (end > a.value && end - a.value <= 100) {
                    DateValue v = new DateValue((int) a.value, 0, 0, k + 1);
                    v.iso = String.format("%04d/%04d", (int) a.value, end);
                    return v;
                }
            }
            return null;
        }
        if (third && d.isSmallInt(i, 31) && d.isSmallInt(k + 1, 31) && d.isYear(k + 3)) {
            int first = (int) a.value;
            int second = (int) b.value;
            int day = d.english && second <= 31 && first <= 12 ? second : first;
            int month = d.english && first <= 12 ? first : second;
            if (month > 12) {
                int swap = day;
                day = month;
                month = swap;
            }
            if (month <= 12) {
                return new DateValue((int) d.at(k + 3).value, month, day, k + 3);
            }
        }
        return null;
    }

    /** Relative dates at i, resolved against the publication date: أمس, yesterday, الشهر الماضي, last Tuesday. */
    static DateValue relative(Doc d, int i, LocalDate published) {
        if (published == null) {
            return null;
        }
        DateValue v = relativeAt(d, i, published);
        if (v != null && v.first < 0) {
            v.first = i;
        }
        return v;
    }

    private static DateValue relativeAt(Doc d, int i, LocalDate published) {
        Token t = d.at(i);
        Word w = t.entry;
        int k = i;
        if (d.english && t.has(Word.PAST) || d.english && t.has(Word.NEXT) || d.english && t.has(Word.CURRENT)) {
            int dir = t.has(Word.PAST) ? -1 : t.has(Word.NEXT) ? 1 : 0;
            String unit = d.surface(i + 1).toLowerCase();
            Token next = d.at(i + 1);
            if (next.entry != null && next.entry.weekday > 0 && next.capitalized) {
                return at(i + 1, weekday(published, next.entry.weekday, dir == 0 ? -1 : dir * 2));
            }
            LocalDate p = published;
            switch (unit) {
                case "week": return iso(i + 1, week(p.plusWeeks(dir)));
                case "month": return iso(i + 1, p.plusMonths(dir).toString().substring(0, 7));
                case "year": return iso(i + 1, String.valueOf(p.getYear() + dir));
                default: return null;
            }
        }
        if (w == null) {
            return null;
        }
        if (w.dayOffset != 0 && !(t.preposition || t.definite && w.dayOffset > 0)) {
            int offset = w.dayOffset;
            int first = i;
            if (d.arabic && offset == -1 && d.surface(i - 1).equals("أول")) {
                offset = -2;  // أول أمس
                first = i - 1;
            } else if (d.arabic && offset == -1 && d.surface(i - 2).equals("أول") && d.at(i - 1).has(Word.FROM)) {
                offset = -2;  // أول من أمس
                first = i - 2;
            } else if (d.arabic && offset == 1 && d.surface(i - 1).equals("بعد")) {
                offset = 2;
                first = i - 1;
            }
            DateValue v = at(i, published.plusDays(offset));
            v.first = first;
            if (d.at(i + 1).entry != null && d.at(i + 1).entry.weekday > 0) {
                v.last = i + 1;  // أمس الخميس
            }
            return v;
        }
        if (w.weekday > 0 && (d.arabic ? (t.definite || t.stemOffset == 0) && !t.preposition : t.capitalized)) {
            if (d.arabic && !t.definite && w.weekday != 0 && !d.surface(i).startsWith("ال")) {
                return null;
            }
            Token q = d.at(i + 1);
            int dir = q.has(Word.PAST) ? -2 : q.has(Word.NEXT) ? 2 : -1;
            DateValue v = at(i, weekday(published, w.weekday, dir));
            if (dir != -1) {
                v.last = i + 1;
            }
            return v;
        }
        if (d.arabic && w.has(Word.PERIOD) && t.stemOffset == 0) {
            Token q = d.at(k + 1);
            int dir = q.has(Word.PAST) ? -1 : q.has(Word.NEXT) ? 1 : q.has(Word.CURRENT) ? 0 : 9;
            if (dir == 9 || q.stemOffset != 0) {
                return null;
            }
            String key = Normalizer.key(d.surface(i));
            LocalDate p = published;
            if (key.endsWith("اسبوع")) {
                return iso(k + 1, week(p.plusWeeks(dir)));
            }
            if (key.endsWith("شهر")) {
                return iso(k + 1, p.plusMonths(dir).toString().substring(0, 7));
            }
            return iso(k + 1, String.valueOf(p.getYear() + dir));
        }
        return null;
    }

    private static String week(LocalDate day) {
        return String.format("%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** dir -1: the latest such day on or before the publication day (news reports the past); -2/+2: strictly before/after. */
    private static LocalDate weekday(LocalDate published, int isoDay, int dir) {
        DayOfWeek day = DayOfWeek.of(isoDay);
        if (dir == -1) {
            return published.with(TemporalAdjusters.previousOrSame(day));
        }
        return dir < 0 ? published.with(TemporalAdjusters.previous(day)) : published.with(TemporalAdjusters.next(day));
    }

    private static DateValue at(int last, LocalDate date) {
        DateValue v = new DateValue(0, 0, 0, last);
        v.iso = date.toString();
        return v;
    }

    private static DateValue iso(int last, String iso) {
        DateValue v = new DateValue(0, 0, 0, last);
        v.iso = iso;
        return v;
    }

    /** The ISO value of a parsed date, resolving a missing year against the publication date. */
    static String iso(DateValue v, LocalDate published, int relationOverride) {
        if (v.iso != null) {
            return v.iso;
        }
        int year = v.year;
        int relation = relationOverride != 0 ? relationOverride : v.relation;
        if (year == 0 && v.month > 0 && published != null) {
            year = published.getYear();
            int pm = published.getMonthValue();
            if (relation == -1 && v.month >= pm) {
                year--;
            } else if (relation == 1 && v.month <= pm) {
                year++;
            } else if (relation == -3) {
                year--;  // a month "of last year"
            } else if (relation == 0 && v.month > pm + 6) {
                // "in December" in a March story is last December; nearer months are often ahead (shipment
                // periods, futures delivery, "the year ending June 30"), so only the far ones roll back
                year--;
            }
        }
        StringBuilder sb = new StringBuilder(10);
        if (year > 0) {
            sb.append(String.format("%04d", year));
        } else {
            sb.append('-');
        }
        if (v.month > 0) {
            sb.append('-').append(String.format("%02d", v.month));
            if (v.day > 0) {
                sb.append('-').append(String.format("%02d", v.day));
            }
        }
        return sb.toString();
    }
}
