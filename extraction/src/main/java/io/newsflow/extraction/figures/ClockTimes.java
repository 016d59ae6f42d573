package io.newsflow.extraction.figures;

/**
 * Clock times written as a number before a time zone, am/pm or "local time" (1630 GMT, 10.30 am, 1030 local time):
 * no figure of the story. Times with a colon (9:00) are read by {@link LabelRecognizer}.
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
        boolean hhmm = n.value() < 2400 && n.value() % 100 < 60;
        return hhmm && "local".equalsIgnoreCase(d.surface(k)) && "time".equalsIgnoreCase(d.surface(k + 1))
                ? k + 1 : -1;  // 1030 local time, 10.00 local time
    }

    /** 10.30, 9.45: a decimal whose two places after the point are minutes of an hour. */
    private static boolean hoursDotMinutes(Doc d, NumberPhrase n) {
        Token t = d.at(n.first());
        if (n.first() != n.last() || t.type != TokenType.DIGITS || !t.decimal || t.integerDigits > 2) {
            return false;
        }
        String s = d.surface(n.first());
        int dot = s.indexOf('.');
        return dot > 0 && s.length() - dot == 3 && n.value() <= 24 && Math.round(n.value() * 100) % 100 < 60;
    }
}
