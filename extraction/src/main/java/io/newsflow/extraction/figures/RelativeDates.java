package io.newsflow.extraction.figures;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * Dates relative to the publication day (أمس, yesterday, الشهر الماضي, last Tuesday, العام الجاري), only where the
 * publication day is known; and "the previous month"/العام السابق, which counts back from the last date the story
 * named rather than from the publication day ("fell in February after a 12 pct rise in the previous month" is
 * January).
 */
final class RelativeDates {

    /** Which day of the week a weekday name means. */
    private enum Direction {
        /** The latest such day on or before the publication day: news reports the past. */
        LATEST,
        BEFORE,
        AFTER,
        /** The next such day on or after the publication day: what the story says will happen. */
        AHEAD
    }

    /**
     * "will" or "shall" earlier in the weekday's clause, with no verb of the past between (directors will meet
     * Wednesday, will rule on the petition on Wednesday; not "will ... after it said on Monday").
     */
    private static boolean willBefore(Doc d, int i) {
        for (int k = i - 1; k >= i - 10 && k >= 0; k--) {
            Token t = d.at(k);
            if (t.type == TokenType.SYMBOL && ".;:!?\"".indexOf(t.sym) >= 0 || d.at(k + 1).paragraphBefore) {
                return false;
            }
            String s = d.surface(k).toLowerCase(Locale.ROOT);
            if (s.equals("will") || s.equals("shall")) {
                return true;
            }
            if (t.type == TokenType.LATIN && (s.endsWith("ed") || PAST.contains(s))
                    && !d.surface(k - 1).equalsIgnoreCase("be")) {  // will be announced Wednesday
                return false;
            }
        }
        return false;
    }

    /**
     * How the clause of the month at {@code month} places it: a month of a past clause is one gone by (SINCE), a
     * month later in the year in a clause with "will" is this year's (CURRENT: will ship by October, in a March
     * wire, where a month so far ahead is otherwise read as last year's); NONE otherwise.
     */
    static DateValue.Relation clauseRelation(Doc d, int month, int monthOfYear) {
        if (pastClause(d, month)) {
            return DateValue.Relation.SINCE;
        }
        return d.english && d.published != null && monthOfYear > d.published.getMonthValue() && willBefore(d, month)
                ? DateValue.Relation.CURRENT : DateValue.Relation.NONE;
    }

    /**
     * "in June" closing a clause whose verb is in the past (Valeo won control of the group in June, exports rose in
     * June): a month gone by, though it lies ahead of the publication month in the year; not when a word of the
     * future or of plans comes first (expected to rise in June, were scheduled in June).
     */
    private static boolean pastClause(Doc d, int month) {
        String in = d.surface(month - 1);
        if (!d.english || !in.equalsIgnoreCase("in") && !in.equalsIgnoreCase("during") || d.isAndWord(month + 1)
                || d.surface(month + 1).equalsIgnoreCase("or")) {
            return false;  // September and October (1986): a list of months, which the year after it places
        }
        for (int k = month - 2; k >= month - 8 && k >= 0; k--) {
            Token t = d.at(k);
            String s = d.surface(k).toLowerCase(Locale.ROOT);
            if (t.type != TokenType.LATIN || d.at(k + 1).paragraphBefore || FUTURE.contains(s)) {
                return false;
            }
            if (s.endsWith("ed") || PAST.contains(s)) {
                String before = d.surface(k - 1).toLowerCase(Locale.ROOT);
                // its promised package, so-called Fridays, usually made, will be made: a participle, no past
                return !before.equals("be") && !before.equals("been") && !before.endsWith("ly")
                        && !d.lexicon.in(WordList.DETERMINER, before) && !(d.isDash(k - 1) && d.attached(k - 1));
            }
        }
        return false;
    }

    /**
     * English words of the future, of plans and of the present, before which a verb of the past may still look
     * ahead (said it is launching in May).
     */
    private static final java.util.Set<String> FUTURE = java.util.Set.of("will", "would", "shall", "to", "should",
            "is", "are", "am", "has", "have", "being",
            "may", "might", "could", "expected", "expects", "expect", "scheduled", "planned", "plans", "due",
            "forecast", "projected", "likely", "proposed", "set", "slated", "targeted", "next", "until", "by");

    /** Irregular English verbs of the past that end a future clause looking back from a weekday. */
    private static final java.util.Set<String> PAST = java.util.Set.of("said", "was", "were", "had", "did", "told",
            "met", "made", "took", "gave", "came", "went", "began", "saw", "rose", "fell", "won", "lost", "sold", "held");

    private RelativeDates() {
    }

    /**
     * The relative date at i, or null.
     *
     * @param lastDate the ISO value of the last full date the story named (a year or a month), or null
     */
    static DateValue at(Doc d, int i, String lastDate) {
        if (d.published == null) {
            return null;
        }
        DateValue v = relative(d, i, d.published);
        if (v == null) {
            return null;
        }
        v = v.first() < 0 ? v.from(i) : v;
        String anaphoric = anaphoric(d, v, lastDate);
        return anaphoric == null ? v : DateValue.resolved(v.first(), v.last(), anaphoric);
    }

    private static DateValue relative(Doc d, int i, LocalDate published) {
        Token t = d.at(i);
        Word w = t.entry;
        if (d.english && (t.has(Role.PAST) || t.has(Role.NEXT) || t.has(Role.CURRENT))) {
            int dir = t.has(Role.PAST) ? -1 : t.has(Role.NEXT) ? 1 : 0;
            Token next = d.at(i + 1);
            if (next.entry != null && next.entry.weekday > 0 && next.capitalized) {
                Direction direction = dir == 0 ? Direction.LATEST : dir < 0 ? Direction.BEFORE : Direction.AFTER;
                return day(i + 1, weekday(published, next.entry.weekday, direction));
            }
            return switch (d.surface(i + 1).toLowerCase(Locale.ROOT)) {
                case "week" -> DateValue.resolved(-1, i + 1, week(published.plusWeeks(dir)));
                case "month" -> DateValue.resolved(-1, i + 1, published.plusMonths(dir).toString().substring(0, 7));
                case "year" -> DateValue.resolved(-1, i + 1, String.valueOf(published.getYear() + dir));
                default -> null;
            };
        }
        if (w == null) {
            return null;
        }
        if (w.dayOffset != 0 && !(t.preposition || t.definite && w.dayOffset > 0)) {
            return dayWord(d, i, w.dayOffset, published);
        }
        boolean qualified = d.at(i + 1).has(Role.PAST) || d.at(i + 1).has(Role.NEXT);  // للإثنين المقبل
        // الأربعاء والخميس: a weekday listed after another with و glued on
        boolean listed = d.arabic && t.conjunction && t.stemOffset == 1 && !t.preposition
                && d.at(i - 1).entry != null && d.at(i - 1).entry.weekday > 0;
        if (w.weekday > 0 && (d.arabic ? (t.definite || t.stemOffset == 0 || listed) && (!t.preposition || qualified)
                : t.capitalized)) {
            if (d.arabic && !t.definite && !d.surface(i).startsWith(listed ? "وال" : "ال")) {
                return null;
            }
            if (d.english && d.at(i + 1).capitalized && !d.at(i + 1).lineBefore
                    && d.lexicon.in(WordList.PAPER_NAME, d.surface(i + 1))) {
                return null;  // The Sunday Times, the Sunday Express: a newspaper's name
            }
            if (d.english && d.at(i - 1).capitalized && d.lexicon.in(WordList.DAY_NAME, d.surface(i - 1))) {
                return null;  // Black Monday, Good Friday: a day's name, not the last such weekday
            }
            Word rank = d.at(i - 1).entry;
            if (d.english && rank != null && rank.ordinal > 0 && d.surface(i + 1).equalsIgnoreCase("of")) {
                return null;  // the third Friday of every month: a rule of the calendar, no day
            }
            int p = d.isSymbol(i - 1, '(') ? i - 2 : i - 1;
            Word day = d.at(p).entry;
            if (p < i - 1 && day != null && day.dayOffset != 0 && !d.at(p).preposition) {
                // غد (الاثنين): that weekday nearest the day the word before names, since a paper's date may lag
                LocalDate named = published.plusDays(day.dayOffset);
                LocalDate before = named.with(TemporalAdjusters.previousOrSame(DayOfWeek.of(w.weekday)));
                return day(i, named.toEpochDay() - before.toEpochDay() <= 3 ? before : before.plusWeeks(1));
            }
            LocalDate agreed = AgreedDates.day(d, i + 1, w.weekday, published);
            if (agreed != null) {
                return day(i, agreed);  // الأحد الموافق 12 شوال: the day the date after it names
            }
            if (AgreedDates.dayOfHijriDate(d, i + 1) >= 0) {
                return null;  // الأحد الـ 5 من ذي القعدة, when that day is no Sunday: no date to fix
            }
            if (d.arabic && everyWeek(d, i)) {
                return null;
            }
            Token q = d.at(i + 1);
            boolean pair = d.arabic && q.conjunction && q.entry != null && q.entry.weekday > 0 && q.stemOffset == 1;
            if (pair) {
                q = d.at(i + 2);  // يومي الاثنين والثلاثاء المقبلين: the qualifier after the pair places both
            }
            Direction direction = q.has(Role.PAST) ? Direction.BEFORE : q.has(Role.NEXT) ? Direction.AFTER
                    : d.english && willBefore(d, i) ? Direction.AHEAD : Direction.LATEST;
            DateValue v = day(i, weekday(published, w.weekday, direction));
            return direction == Direction.LATEST || direction == Direction.AHEAD || pair ? v
                    : v.ending(i + 1, DateValue.Relation.NONE);
        }
        if (d.arabic && (w.has(Role.PERIOD) && t.stemOffset == 0 || periodAfterPreposition(d, i))) {
            Token q = d.at(i + 1);
            int first = -1;
            int last = i + 1;
            if (d.surface(i).startsWith("ال") && THIS.contains(Normalizer.key(d.surface(i - 1)))) {
                first = i - 1;  // هذا العام, هذه السنة, هذا الشهر: the current one
                last = i;
            } else if (precededBy(d, i + 1)) {
                last = i + 2;  // العام الذي سبقه: the year before, counted back from the one just named
            } else if (q.stemOffset != 0 || !(q.has(Role.PAST) || q.has(Role.NEXT) || q.has(Role.CURRENT))) {
                return null;
            }
            int dir = first >= 0 ? 0 : q.has(Role.PAST) || last == i + 2 ? -1 : q.has(Role.NEXT) ? 1 : 0;
            String key = Normalizer.key(d.surface(i));
            if (key.endsWith("اسبوع")) {
                return DateValue.resolved(first, last, week(published.plusWeeks(dir)));
            }
            if (key.endsWith("شهر")) {
                return DateValue.resolved(first, last, published.plusMonths(dir).toString().substring(0, 7));
            }
            return DateValue.resolved(first, last, String.valueOf(published.getYear() + dir));
        }
        return null;
    }

    /** A relative clause "that preceded it" at k: الذي سبقه, التي سبقته (a verb of PREVIOUS after الذي or التي). */
    private static boolean precededBy(Doc d, int k) {
        String relative = Normalizer.key(d.surface(k));
        return (relative.equals("الذي") || relative.equals("التي")) && d.at(k + 1).type == TokenType.ARABIC
                && d.lexicon.in(WordList.PREVIOUS, d.surface(k + 1));
    }

    /**
     * The weekday at i, alone or in a list of weekdays, recurs (أيام الأحد, كل جمعة, يومي الخميس والجمعة من كل أسبوع,
     * الجمعة أسبوعيا): no date. A number before أيام makes a stretch of days whose names follow (أربعة أيام الإثنين،
     * الثلاثاء), which are dates.
     */
    private static boolean everyWeek(Doc d, int i) {
        int first = i;
        int last = i;
        while (isWeekday(d, first - 1) || d.isComma(first - 1) && isWeekday(d, first - 2)) {
            first -= isWeekday(d, first - 1) ? 1 : 2;
        }
        while (isWeekday(d, last + 1) || d.isComma(last + 1) && isWeekday(d, last + 2)) {
            last += isWeekday(d, last + 1) ? 1 : 2;
        }
        String before = Normalizer.key(d.surface(first - 1));
        Token count = d.at(first - 2);
        boolean days = (before.equals("ايام") || before.equals("وايام") || before.equals("كل"))
                && count.type != TokenType.DIGITS && !count.isNumberWord();
        String after = Normalizer.key(d.surface(last + 1));
        return days || after.equals("اسبوعيا") || after.equals("من") && Normalizer.key(d.surface(last + 2)).equals("كل")
                && Normalizer.key(d.surface(last + 3)).startsWith("اسبوع");
    }

    private static boolean isWeekday(Doc d, int k) {
        return k >= 0 && d.at(k).type == TokenType.ARABIC && d.at(k).entry != null && d.at(k).entry.weekday > 0;
    }

    /**
     * بالعام الماضي, للعام الحالي: a period behind a glued preposition (in للعام the article has lost its alif, so
     * the word is looked up with it). Not مقارنة بالعام السابق: "previous" there is the year before the period the
     * story just named, which the publication day does not give.
     */
    private static boolean periodAfterPreposition(Doc d, int i) {
        Token t = d.at(i);
        if (!t.preposition || t.conjunction || Normalizer.key(d.surface(i + 1)).equals(PREVIOUS)) {
            return false;
        }
        String key = Normalizer.key(d.surface(i));
        Word w = t.definite && key.startsWith("لل") ? d.lexicon.get("ال" + key.substring(2)) : t.entry;
        return w != null && w.has(Role.PERIOD) && (t.definite || t.stemOffset == 1);
    }

    private static final String PREVIOUS = Normalizer.key("السابق");

    /** The Arabic demonstratives "this" (folded keys): هذا العام is the current year. */
    private static final java.util.Set<String> THIS = java.util.Set.of("هذا", "هذه");

    /** أمس, yesterday, غدا, أول أمس, البارحة الأولى, بعد غد; with the weekday after it (أمس الخميس) in the span. */
    private static DateValue dayWord(Doc d, int i, int dayOffset, LocalDate published) {
        int offset = dayOffset;
        int first = i;
        if (d.arabic && offset == -1 && d.surface(i - 1).equals("أول")) {
            offset = -2;  // أول أمس
            first = i - 1;
        } else if (d.arabic && offset == -1 && d.surface(i - 2).equals("أول") && d.at(i - 1).has(Role.FROM)) {
            offset = -2;  // أول من أمس
            first = i - 2;
        } else if (d.arabic && offset == 1 && d.surface(i - 1).equals("بعد")) {
            offset = 2;
            first = i - 1;
        }
        int last = i;
        if (d.arabic && offset == -1 && d.surface(i + 1).startsWith("ال") && d.at(i + 1).entry != null
                && d.at(i + 1).entry.ordinal == 1) {
            offset = -2;  // البارحة الأولى: the night before last
            last = i + 1;
        }
        LocalDate named = published.plusDays(offset);
        Word weekday = d.at(last + 1).entry;
        if (weekday != null && weekday.weekday > 0 && (!d.arabic || d.at(last + 1).definite
                || Normalizer.key(d.surface(last + 1)).startsWith("ال"))) {  // not أمس أحد المسؤولين ("one of")
            // أمس الخميس: the day the weekday names, on or before the day the word names, since a paper's date
            // lags the day it was written on, never leads it
            last++;
            named = named.with(TemporalAdjusters.previousOrSame(DayOfWeek.of(weekday.weekday)));
        }
        return DateValue.resolved(first, last, named.toString());
    }

    /**
     * The value "the previous month"/العام السابق takes from the last date the story named, or null when v is no
     * such phrase or the story named no date before it.
     */
    private static String anaphoric(Doc d, DateValue v, String lastDate) {
        String iso = v.iso();
        if (iso == null || !(iso.length() == 4 || iso.length() == 7) || lastDate == null) {
            return null;
        }
        boolean previous = false;
        for (int k = v.first(); k <= v.last(); k++) {
            previous |= d.lexicon.in(WordList.PREVIOUS, d.surface(k));
        }
        if (!previous) {
            return null;
        }
        int year = Integer.parseInt(lastDate.substring(0, 4));
        if (iso.length() == 4) {
            return String.valueOf(year - 1);
        }
        if (lastDate.length() >= 7 && Character.isDigit(lastDate.charAt(5))) {
            LocalDate m = LocalDate.of(year, Integer.parseInt(lastDate.substring(5, 7)), 1).minusMonths(1);
            return String.format("%04d-%02d", m.getYear(), m.getMonthValue());
        }
        return null;
    }

    /** A date the anaphoric "previous" can count back from: a plain year, month or day, not a span or week. */
    static boolean isReference(String iso) {
        return iso != null && iso.length() >= 4 && Character.isDigit(iso.charAt(0)) && !iso.contains("/")
                && !iso.contains("W");
    }

    private static String week(LocalDate day) {
        return String.format("%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static LocalDate weekday(LocalDate published, int isoDay, Direction direction) {
        DayOfWeek day = DayOfWeek.of(isoDay);
        return switch (direction) {
            case LATEST -> published.with(TemporalAdjusters.previousOrSame(day));
            case BEFORE -> published.with(TemporalAdjusters.previous(day));
            case AFTER -> published.with(TemporalAdjusters.next(day));
            case AHEAD -> published.with(TemporalAdjusters.nextOrSame(day));
        };
    }

    private static DateValue day(int last, LocalDate date) {
        return DateValue.resolved(-1, last, date.toString());
    }
}
