package io.newsflow.extraction.figures;

/**
 * Clock times written as a number before a time zone, am/pm, "local time" or an Arabic part of the day (1630 GMT,
 * 10.30 am, 1030 local time, 4 مساء): no figure of the story. Times with a colon (9:00) are read by {@link LabelRecognizer}.
 */
final class ClockTimes {

    private ClockTimes() {
    }

    /** The last token of a clock time that the number phrase n opens with a zone after it, or -1. */
    static int zoned(Doc d, NumberPhrase n) {
        if (!n.plainDigits() && !hoursDotMinutes(d, n)) {
            return -1;
        }
        int k = n.last() + 1;
        if (d.lexicon.in(WordList.TIME_ZONE, d.surface(k))) {
            return k;  // 1630 gmt, 0900 EST, 10.30 am
        }
        // الساعة (12.30) صباحا: some papers bracket the hour as they bracket counts
        boolean bracketed = d.isSymbol(n.first() - 1, '(') && d.isSymbol(k, ')');
        int part = bracketed ? k + 1 : k;
        if (d.arabic && n.value() >= 1 && n.value() < 13 && d.lexicon.in(WordList.DAY_PART, d.stemKey(part))
                && hourExpected(d, bracketed ? n.first() - 2 : n.first() - 1)) {
            return part;  // حتى 11 مساء, من 8 صباحا: Arabic names the half of the day after the hour
        }
        if (d.arabic && n.value() >= 1 && n.value() < 13 && d.lexicon.in(WordList.DAY_PART, d.stemKey(k))
                && d.isDash(k + 1) && hourOfTheDay(d, k + 2) && d.lexicon.in(WordList.DAY_PART, d.stemKey(k + 3))) {
            return k + 3;  // (8ص-5م): opening hours, both halves of the day written
        }
        Token minutes = d.at(k + 1);
        if (d.arabic && n.plainDigits() && n.value() <= 24 && d.isSymbol(k, '\u060C') && d.attached(k - 1)
                && d.attached(k) && minutes.type == TokenType.DIGITS && minutes.integerDigits == 2 && !minutes.decimal
                && minutes.value < 60 && d.lexicon.in(WordList.TIME_ZONE, d.surface(k + 2))) {
            return k + 2;  // 08،00 تغ: the Arabic comma, which groups thousands only before three digits
        }
        if (d.arabic && n.value() >= 1 && n.value() < 13 && d.at(n.first() - 1).has(Role.FROM) && d.at(k).has(Role.TO)
                && hourOfTheDay(d, k + 1) && d.lexicon.in(WordList.DAY_PART, d.stemKey(k + 2))) {
            return k + 2;  // من 5 إلى 9 مساء: both hours of a span of the day
        }
        boolean hhmm = n.value() < 2400 && n.value() % 100 < 60;
        return hhmm && "local".equalsIgnoreCase(d.surface(k)) && "time".equalsIgnoreCase(d.surface(k + 1))
                ? k + 1 : -1;  // 1030 local time, 10.00 local time
    }

    /** Digits at i that can be an hour of a half of the day, 1 to 12. */
    private static boolean hourOfTheDay(Doc d, int i) {
        Token t = d.at(i);
        return t.type == TokenType.DIGITS && !t.grouped && t.value >= 1 && t.value < 13;
    }

    /**
     * The word at p introduces an hour: from, to or until, the hour itself, a detached article, or "and" after
     * another hour's part of the day (الساعة 4 عصرا, حتى 11 مساء, الـ 6 مساء, 8 صباحا و4 مساء); after a verb a number before a part of the day counts (قتل 3 مساء أمس).
     */
    private static boolean hourExpected(Doc d, int p) {
        Token t = d.at(p);
        if (t.type != TokenType.ARABIC) {
            return false;
        }
        String key = d.stemKey(p);
        return t.has(Role.FROM) || t.has(Role.TO) || key.equals("ال")
                || d.isAndWord(p) && d.lexicon.in(WordList.DAY_PART, d.stemKey(p - 1))  // 8 صباحا و4 مساء
                || d.lexicon.in(WordList.CLOCK_BEFORE, key.startsWith("ال") ? key.substring(2) : key);
    }

    /** 10.30, 9.45, 10,50: a decimal whose two places after the point or comma are minutes of an hour. */
    private static boolean hoursDotMinutes(Doc d, NumberPhrase n) {
        Token t = d.at(n.first());
        if (n.first() != n.last() || t.type != TokenType.DIGITS || !t.decimal || t.integerDigits > 2) {
            return false;
        }
        String s = d.surface(n.first());
        int dot = Math.max(s.indexOf('.'), s.indexOf(','));  // the comma: AFP's Arabic wire writes 12,50 تغ
        return dot > 0 && s.length() - dot == 3 && n.value() <= 24 && Math.round(n.value() * 100) % 100 < 60;
    }
}
