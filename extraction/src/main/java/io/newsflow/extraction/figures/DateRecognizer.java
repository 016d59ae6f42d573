package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;
import java.time.LocalDate;

/**
 * Dates: absolute dates ({@link DateGrammar}), dates relative to the publication day ({@link RelativeDates}), years,
 * fiscal years and spans (2013 - 2014), and periods between two dates, which are one DATE whose value is an ISO
 * interval (من يناير إلى نهاية سبتمبر الماضيين, between March and May, the October to December quarter).
 */
final class DateRecognizer {

    private DateRecognizer() {
    }

    /**
     * The date starting at i (or at the "from"/"between"/"last" just before it), or null.
     *
     * @param lastDate the ISO value of the last date the story named that "the previous month" can count back from
     */
    static Proposal at(Doc d, int i, String lastDate) {
        Token t = d.at(i);
        Token era = d.at(i + 1);
        int hijri = d.arabic && t.type == TokenType.DIGITS && !t.grouped && !t.decimal && t.integerDigits <= 4
                && era.type == TokenType.ARABIC && "هل".indexOf(d.text.charAt(era.start)) >= 0
                && Years.hijriWord(Normalizer.key(d.surface(i + 1))) ? i + 1 : Years.hijriNumeric(d, i);
        if (hijri >= 0) {
            return new Proposal.NotAFigure(hijri);
        }
        if (t.has(Role.FROM) || t.has(Role.BETWEEN)) {
            Candidate range = range(d, i, i);
            if (range != null) {
                return range;
            }
        }
        Candidate decade = d.wordsKnown ? decadeInWords(d, i) : null;
        if (decade != null) {
            return decade;
        }
        Candidate days = dayRange(d, i);
        if (days != null) {
            return days;
        }
        Candidate listed = d.english ? dayListed(d, i) : null;
        if (listed != null) {
            return listed;
        }
        Candidate span = d.english ? DurationRecognizer.pastSpan(d, i) : null;
        if (span != null) {
            return span;  // over the past year: the twelve months up to now
        }
        DateValue relative = d.wordsKnown ? RelativeDates.at(d, i, lastDate) : null;
        if (relative != null) {
            return date(relative.first(), relative.last(), relative.iso());
        }
        DateValue v = DateGrammar.at(d, i);
        Candidate months = v == null || !d.english ? null : MonthSpans.hyphened(d, v, i);
        if (v == null || months != null) {
            return months;  // the January-March quarter
        }
        if (d.arabic && v.day() > 0 && v.year() == 0 && v.iso() == null && namedBy(d, i - 1)) {
            return new Proposal.NotAFigure(v.last());  // شارع 26 يوليو, مدينة 6 أكتوبر, ثورة 25 يناير: a name
        }
        if (v.month() > 0 && v.day() == 0 && v.year() == 0 && v.iso() == null && d.at(v.last() + 1).has(Role.TO)
                && d.at(v.last() + 1).stemOffset == 0) {
            DateValue b = DateGrammar.at(d, v.last() + 2);
            if (b != null && b.month() > v.month() && b.day() == 0) {
                Candidate range = range(d, i - 1, i);  // the October to December quarter: months bound a period
                if (range != null) {
                    return range;
                }
            }
        }
        int first = i;
        DateValue.Relation relation = DateValue.Relation.NONE;
        if (d.english && (d.at(i - 1).has(Role.PAST) || d.at(i - 1).has(Role.NEXT))) {
            first = i - 1;  // last March, next May
            relation = d.at(i - 1).has(Role.PAST) ? DateValue.Relation.PAST : DateValue.Relation.NEXT;
        } else if (v.relation() == DateValue.Relation.NONE && d.wordsKnown && d.at(i - 1).isWord()) {
            relation = d.lexicon.in(WordList.SINCE, d.stemKey(i - 1)) ? DateValue.Relation.SINCE  // lowest since June
                    : RelativeDates.clauseRelation(d, i, v.month());  // rose in June, will ship by October
        }
        String iso = v.iso(d.published, relation);
        boolean bare = relation == DateValue.Relation.NONE && v.day() == 0 && v.year() == 0 && v.iso() == null;
        Integer listYear = bare ? yearOfListAfter(d, v.last(), v.month(), 3) : null;
        if (listYear == null && bare && iso != null && iso.length() == 7) {
            listYear = yearOfListBefore(d, first, v.month());
        }
        if (listYear != null) {
            // June, September and December; September and October 1986: one year's months
            iso = v.inYear(listYear).iso(d.published, relation);
        }
        int dash = v.last() + 1;
        if (d.english && v.day() > 0 && v.year() == 0 && iso != null && iso.length() == 10 && d.isDash(dash)
                && d.attached(v.last()) && d.attached(dash) && d.isSmallInt(dash + 1, 31)
                && d.at(dash + 1).value > v.day() && !d.isYear(dash + 2) && !d.isYear(dash + 3)) {
            int day = (int) d.at(dash + 1).value;  // February 21-28: the days of one month, as 21-28 February
            return date(first, dash + 1, iso + "/" + iso.substring(0, 8) + (day < 10 ? "0" : "") + day);
        }
        return date(first, v.last(), iso);
    }

    /**
     * The year of the month listed just before a bare month at i (June, September and December; March or May),
     * when that month comes earlier in the year: a list of months runs forward through one year. Null otherwise.
     */
    private static Integer yearOfListBefore(Doc d, int i, int month) {
        int p = i - 1;
        if (!d.isSymbol(p, ',') && !d.isAndWord(p) && !"or".equalsIgnoreCase(d.surface(p))) {
            return null;
        }
        int q = d.isSymbol(p - 1, ',') ? p - 2 : p - 1;
        DateValue before = DateGrammar.at(d, q);
        if (before == null || before.last() != q || before.month() == 0 || before.month() >= month
                || before.day() != 0) {
            return null;
        }
        String iso = before.iso(d.published, DateValue.Relation.NONE);
        if (iso == null || iso.length() != 7) {
            return null;
        }
        int year = Integer.parseInt(iso.substring(0, 4));
        LocalDate first = LocalDate.of(year, before.month(), 1);
        boolean past = d.published != null && !first.isAfter(d.published);
        // June, September and December ahead of a March story run through one year; January and December behind
        // it do not reach into next winter: that December is the one before
        return past && LocalDate.of(year, month, 1).isAfter(d.published.plusMonths(6)) ? null : year;
    }

    /**
     * The year written after the last of the later months listed after the bare month ending at {@code last}
     * (September and October 1986; June, July and August 1986), or null.
     */
    private static Integer yearOfListAfter(Doc d, int last, int month, int reach) {
        int p = last + 1;
        if (reach == 0 || !d.isSymbol(p, ',') && !d.isAndWord(p) && !"or".equalsIgnoreCase(d.surface(p))) {
            return null;
        }
        int q = d.isSymbol(p, ',') && (d.isAndWord(p + 1) || "or".equalsIgnoreCase(d.surface(p + 1))) ? p + 2 : p + 1;
        DateValue after = DateGrammar.at(d, q);
        if (after == null || after.month() <= month || after.day() != 0 || after.iso() != null
                || after.relation() != DateValue.Relation.NONE) {
            return null;
        }
        return after.year() > 0 ? Integer.valueOf(after.year()) : yearOfListAfter(d, after.last(), after.month(),
                reach - 1);
    }

    /**
     * A period from the date after i to a later one, one DATE with an ISO interval; the span starts at
     * {@code start} (the "from"/"between", or the first month itself).
     */
    private static Candidate range(Doc d, int i, int start) {
        // من منتصف يوليو إلى نهاية أغسطس, from the end of January: the edge of the first month too
        DateValue a = DateGrammar.at(d, start == i ? pastEdge(d, i + 1) : i + 1);
        if (a == null) {
            return start == i ? years(d, i) : null;
        }
        int c = a.last() + 1;
        boolean between = start == i && d.at(i).has(Role.BETWEEN);
        if (!(between ? d.isAndWord(c) || d.at(c).has(Role.TO) : d.at(c).has(Role.TO)) || d.at(c).stemOffset != 0) {
            return null;
        }
        DateValue b = DateGrammar.at(d, pastEdge(d, c + 1));
        if (b == null) {
            return start == i && (between || d.at(i).has(Role.FROM)) ? dayOfSameMonth(d, a, c + 1, start) : null;
        }
        DateValue.Relation relation = b.relation() != DateValue.Relation.NONE ? b.relation() : a.relation();
        String end = b.iso(d.published, relation);
        if (a.year() == 0 && b.year() > 0 && a.iso() == null) {
            a = a.inYear(a.month() <= b.month() ? b.year() : b.year() - 1);
        } else if (a.year() == 0 && a.iso() == null && d.published != null && end.length() >= 4
                && Character.isDigit(end.charAt(0))) {
            int endYear = Integer.parseInt(end.substring(0, 4));
            a = a.inYear(a.month() <= b.month() ? endYear : endYear - 1);
        }
        int first = d.arabic && start == i && "ما".equals(d.surface(i - 1)) ? i - 1 : start;
        return date(first, b.last(), a.iso(d.published, relation) + "/" + end);
    }

    /**
     * بين 1922 و1936, بين عامي 2000 و2004, من 1922 إلى 1936, from 1985 to 1987: a period of years after the
     * "between"/"from" at i, one DATE, unless a noun that the second number counts or a unit follows it (من 1900 إلى
     * 2100 مشترك, from 1800 to 2100 hrs), or it is a clock time; clock times that no zone marks lie centuries apart
     * (from 1800 to 2100 local Chicago time), where the years of one period lie within one.
     */
    private static Candidate years(Doc d, int i) {
        String dual = d.arabic ? Normalizer.key(d.surface(i + 1)) : "";
        int a = dual.equals("عامي") || dual.equals("سنتي") ? i + 2 : i + 1;  // بين عامي 2000 و2004: "the years"
        int c = a + 1;
        boolean joined = d.at(i).has(Role.BETWEEN) ? d.isAndWord(c) : d.at(c).has(Role.TO) && d.at(c).stemOffset == 0;
        if (!joined || !d.isYear(a) || !d.isYear(c + 1) || d.at(c + 1).value <= d.at(a).value
                || d.at(c + 1).value - d.at(a).value > 100 || d.at(c + 1).paragraphBefore) {
            return null;
        }
        NumberPhrase n = NumberRecognizer.at(d, c + 1, false);
        Word after = d.at(c + 2).entry;
        if (n == null || n.last() != c + 1 || CountRecognizer.nounFollows(d, n) || LabelRecognizer.at(d, n) != null
                || after != null && (after.unit != null || after.currencyFamily != null)) {
            return null;
        }
        int first = d.arabic && "ما".equals(d.surface(i - 1)) ? i - 1 : i;
        int last = d.attached(c + 1) && d.surface(c + 2).equals("م") ? c + 2 : c + 1;  // و1917م
        return date(first, last, d.at(a).digits + "/" + d.at(c + 1).digits);
    }

    /** The token past the words of a period's edge at k and their "of" (the end of, نهاية, منتصف), or k. */
    private static int pastEdge(Doc d, int k) {
        int j = k;
        while (j < k + 2 && d.at(j).isWord() && d.lexicon.in(WordList.PERIOD_EDGE, d.surface(j))) {
            j++;
        }
        return j > k && "of".equalsIgnoreCase(d.surface(j)) ? j + 1 : j;
    }

    /**
     * between June 2 and 13, ما بين 5 يونيو و12: the second day takes the month (and year) of the first, when
     * nothing after it makes it a measure (from June 2 to 13 pct is not a period).
     */
    private static Candidate dayOfSameMonth(Doc d, DateValue a, int b0, int start) {
        String from = a.iso(d.published, a.relation());
        Token after = d.at(b0 + 1);
        if (from == null || a.day() == 0 || !d.isSmallInt(b0, 31) || d.at(b0).value <= a.day()
                || after.entry != null && (after.entry.isNumber() || after.entry.unit != null
                || after.entry.currencyFamily != null || after.has(Role.PERCENT))) {
            return null;
        }
        int day = (int) d.at(b0).value;
        String to = from.substring(0, from.length() - 2) + (day < 10 ? "0" : "") + day;
        return date(d.arabic && "ما".equals(d.surface(start - 1)) ? start - 1 : start, b0, from + "/" + to);
    }

    /**
     * June 29 and 30, May 5, 6 and 7: a day listed after a day of a month, later in it and with nothing after it
     * that makes it a measure, is a day of the same month (its ISO value, or null when i is no such day).
     */
    private static String listedDay(Doc d, int i, int depth) {
        Token link = d.at(i - 1);
        Token next = d.at(i + 1);
        // a comma lists days only while the list goes on: 5, 6 and 7, but not March 3, 15 of them
        boolean comma = link.type == TokenType.SYMBOL && link.sym == ','
                && (d.isAndWord(i + 1) || next.type == TokenType.SYMBOL && next.sym == ',');
        if (depth > 3 || !d.isSmallInt(i, 31) || !(d.isAndWord(i - 1) || comma) || d.at(i).paragraphBefore) {
            return null;
        }
        String before;
        int previousDay;
        DateValue v = DateGrammar.at(d, i - 3);
        if (v != null && v.last() == i - 2 && v.day() > 0 && v.year() == 0 && v.iso() == null) {
            before = v.iso(d.published, v.relation());
            previousDay = v.day();
        } else if (d.isSmallInt(i - 2, 31)) {
            before = listedDay(d, i - 2, depth + 1);
            previousDay = (int) d.at(i - 2).value;
        } else {
            return null;
        }
        int day = (int) d.at(i).value;
        if (before == null || before.length() < 5 || before.charAt(before.length() - 3) != '-' || day <= previousDay) {
            return null;
        }
        return before.substring(0, before.length() - 2) + (day < 10 ? "0" : "") + day;
    }

    private static Candidate dayListed(Doc d, int i) {
        Token after = d.at(i + 1);
        boolean ends = after == Doc.NONE || after.paragraphBefore || after.type == TokenType.SYMBOL && after.sym != '%'
                && !d.isDash(i + 1) || after.has(Role.STOP) && !after.has(Role.PERCENT) && !after.isNumberWord();
        String iso = ends ? listedDay(d, i, 0) : null;
        return iso == null ? null : date(i, i, iso);
    }

    /**
     * Two days of one month, من 15 إلى 18 من أغسطس, between 3 and 5 May, 15-18 August: one DATE whose value is the
     * interval; the month (and year) written once belongs to both days.
     */
    private static Candidate dayRange(Doc d, int i) {
        Token t = d.at(i);
        boolean between = t.has(Role.BETWEEN);
        int a = (t.has(Role.FROM) || between) && t.stemOffset == 0 ? i + 1 : i;
        if (!d.isSmallInt(a, 31) || a == i && d.isSymbol(i - 1, '/')) {
            return null;
        }
        int c = a + 1;
        boolean joined = between ? d.isAndWord(c) : d.at(c).has(Role.TO) && d.at(c).stemOffset == 0
                || d.isDash(c) && a == i;
        if (!joined || !d.isSmallInt(c + 1, 31) || d.at(c + 1).value <= d.at(a).value) {
            return null;
        }
        DateValue b = DateGrammar.at(d, c + 1);
        if (b == null || b.day() != (int) d.at(c + 1).value || b.month() == 0) {
            return null;
        }
        String end = b.iso(d.published, b.relation());
        if (end == null || end.length() < 5 || end.charAt(end.length() - 3) != '-') {
            return null;
        }
        int day = (int) d.at(a).value;
        String start = end.substring(0, end.length() - 2) + (day < 10 ? "0" : "") + day;
        return date(i, b.last(), start + "/" + end);
    }

    /**
     * A decade in words, the nineties, the early eighties, التسعينات, الثمانينيات, تسعينات القرن الماضي: of the last
     * century in which it has begun by the publication year, written as ISO 8601 writes a decade (199). Not an age:
     * in his twenties, with a word of age after it (في العشرينات من العمر, في الخمسينات أو سن أكبر); nor degrees or
     * years of another era (أواخر الأربعينيات المئوية, السبعينيات الهجرية).
     */
    private static Candidate decadeInWords(Doc d, int i) {
        Token t = d.at(i);
        if (t.entry == null || t.entry.decade == 0) {
            return null;
        }
        if (d.english) {
            int p = d.lexicon.in(WordList.DECADE_PART, d.surface(i - 1)) ? i - 2 : i - 1;
            if (!"the".equalsIgnoreCase(d.surface(p))) {
                return null;
            }
        } else {
            Word next = d.at(i + 1).entry;
            boolean ofCentury = next != null && "century".equals(next.unit);
            boolean other = false;
            for (int k = i + 1; k <= i + 3 && !d.at(k).paragraphBefore; k++) {
                String stem = Nouns.definiteStem(d, k);
                other |= d.lexicon.in(WordList.NOT_DECADE, stem != null ? stem : d.stemKey(k));
            }
            if (!(t.definite || ofCentury) || other) {
                return null;
            }
        }
        int tens = t.entry.decade / 10;
        int century = d.published != null && d.published.getYear() >= 2000 + tens * 10 ? 20 : 19;
        return date(i, i, century + "" + tens);
    }

    private static Candidate date(int first, int last, String iso) {
        return Candidate.of(FigureKind.DATE, first, last, null, null, iso);
    }

    /** The word at p is a place or an event that a day and month after it name (شارع, بشارع, مدينة, لثورة). */
    private static boolean namedBy(Doc d, int p) {
        if (d.at(p).type != TokenType.ARABIC) {
            return false;
        }
        String key = Normalizer.key(d.surface(p));
        return d.lexicon.in(WordList.DATE_NAMED, key)
                || key.length() > 3 && "وبل".indexOf(key.charAt(0)) >= 0 && d.lexicon.in(WordList.DATE_NAMED, key.substring(1));
    }
}
