package io.newsflow.extraction.figures;

/**
 * Dates as news writes them: day-month-year in both Arabic month series (يناير and كانون الثاني, often side by
 * side: 2 يوليو/تموز), English months and their wire abbreviations, ISO and slashed numeric dates, and seasons
 * (1986/87). Bare years are left to the year rule of {@link DateRecognizer}, which knows what follows them.
 */
final class DateGrammar {

    /** A month and the last token of its name. */
    record Month(int month, int last) {
    }

    private DateGrammar() {
    }

    /** The month named at i (reading the second word of Levantine names), or null. */
    static Month month(Doc d, int i) {
        Token t = d.at(i);
        if (t.entry == null || !t.entry.namesMonth()) {
            return null;
        }
        Word.MonthHead head = t.entry.monthHead;
        if (head != null) {
            Token second = d.at(i + 1);
            if (second.entry == null || second.preposition || second.entry.ordinal != 1 && second.entry.ordinal != 2) {
                return null;
            }
            return new Month(second.entry.ordinal == 1 ? head.first() : head.second(), i + 1);
        }
        if (d.english && !t.capitalized && !lowerCaseMonth(d, i)) {
            return null;
        }
        return new Month(t.entry.month, i);
    }

    /**
     * A month name in lower case (in december, on january 5) is a month with a day or a year after it or a day
     * before it; else only where a preposition or a cue says so, and never "may" or "march" (verbs), which need the
     * day or the year.
     */
    private static boolean lowerCaseMonth(Doc d, int i) {
        if (d.isSmallInt(i + 1, 31) || d.isYear(i + 1) || d.isSmallInt(i - 1, 31)) {
            return true;
        }
        return !d.at(i).has(Role.NEEDS_CONTEXT) && monthContext(d, i, i);
    }

    /** Skips the other-series name of the same month written alongside: يوليو/تموز, تموز (يوليو). */
    private static int alias(Doc d, int last, int month) {
        int k = last + 1;
        boolean paren = d.isSymbol(k, '(');
        if (d.arabic && !d.at(k).paragraphBefore) {
            Month other = month(d, k);
            if (other != null && other.month() == month && d.at(k).entry != d.at(last).entry) {
                return other.last();  // مارس آذار: both series side by side without a slash
            }
        }
        if (d.isSymbol(k, '/') || paren || d.isDash(k)) {
            Month other = month(d, k + 1);
            if (other != null && other.month() == month) {
                int end = other.last();
                if (paren && d.isSymbol(end + 1, ')')) {
                    end++;
                }
                return end;
            }
        }
        return last;
    }

    /** A date at token i, or null. */
    static DateValue at(Doc d, int i) {
        Token t = d.at(i);
        if (t.type == TokenType.DIGITS) {
            DateValue numeric = NumericDates.at(d, i);
            if (numeric != null) {
                return numeric;
            }
            // day [من] month [year]
            if (d.isSmallInt(i, 31)) {
                int k = i + 1;
                if (d.arabic && d.at(k).has(Role.FROM) && d.at(k).stemOffset == 0) {
                    k++;
                }
                if (d.arabic && k > i + 1 && "شهر".equals(Normalizer.key(d.surface(k)))) {
                    k++;  // الـ 11 من شهر أكتوبر: "the month" may name the month after it
                }
                if (d.english && d.ordinalSuffixAfter(i)) {
                    k = "of".equalsIgnoreCase(d.surface(k + 1)) ? k + 2 : k + 1;  // 3rd May, the 3rd of May
                }
                Month m = month(d, k);
                if (m != null) {
                    return withYear(d, (int) t.value, m);
                }
                DateValue listed = listedBefore(d, i);
                if (listed != null) {
                    return listed;
                }
                if (k > i + 1) {
                    return ofRelativeMonth(d, (int) t.value, i, k);  // الـ 7 من الشهر الجاري
                }
            }
            return null;
        }
        // the twenty-first of June: an English ordinal day
        if (d.english && t.entry != null && (t.entry.ordinal > 0 || t.entry.numClass == NumberClass.TENS)) {
            NumberPhrase ord = NumberRecognizer.phrase(d, i, false);
            Month m = ord != null && ord.ordinal() && ord.value() <= 31
                    && "of".equalsIgnoreCase(d.surface(ord.last() + 1)) ? month(d, ord.last() + 2) : null;
            if (m != null) {
                return withYear(d, (int) ord.value(), m);
            }
        }
        // الأول من يناير: an Arabic ordinal day
        if (d.arabic && t.entry != null && (t.entry.ordinal > 0 || t.definite && t.entry.numClass == NumberClass.TENS)) {
            OrdinalRecognizer.Ordinal ord = OrdinalRecognizer.arabic(d, i);
            int mo = ord != null && ord.value() == 1 && !t.definite && d.at(i + 1).stemOffset == 0 ? i + 1 : -1;
            Month first = mo > 0 && (!d.at(mo).has(Role.NEEDS_CONTEXT) || monthContext(d, i, mo)) ? month(d, mo) : null;
            if (first != null) {
                return withYear(d, 1, first);  // أول أغسطس: the first day, no article nor من before the month
            }
            if (ord != null && ord.value() <= 31 && d.at(ord.last() + 1).has(Role.FROM)
                    && RankedNouns.rankedNoun(d, i) < 0) {  // النصف الثاني من أغسطس ranks a half
                int k = d.lexicon.in(WordList.MONTH_WORD, d.surface(ord.last() + 2)) ? ord.last() + 3 : ord.last() + 2;
                Month m = month(d, k);  // العاشر من أغسطس, العاشر من شهر أغسطس
                if (m != null) {
                    return withYear(d, ord.value(), m);
                }
                DateValue relative = ofRelativeMonth(d, ord.value(), i, ord.last() + 2);
                if (relative != null) {
                    return relative;
                }
            }
        }
        Month m = month(d, i);
        if (m == null) {
            return null;
        }
        int last = alias(d, m.last(), m.month());
        int k = last + 1;
        if (d.isSymbol(k, '.') && d.attached(last)) {
            k++;  // Aug.
        }
        // April One, March Nine: the wire writes a day in words, capitalised like the month, or in lower case where
        // the phrase or a connector follows it (ended April three to, on March four,)
        Token dayWord = d.at(k);
        boolean lowerCase = !dayWord.capitalized && lowerCaseDayEnds(d, k) && !dayWord.paragraphBefore;
        if (d.english && (dayWord.capitalized && !dayWord.lineBefore || lowerCase) && dayWord.isNumberWord()
                && dayWord.entry.numClass == NumberClass.UNIT && dayWord.entry.number >= 1
                && !d.at(k + 1).isNumberWord() && !d.isDash(k + 1) && dayAfterMonth(d, k)) {
            if (d.isYear(k + 1) && !d.at(k + 1).lineBefore) {
                return DateValue.of((int) d.at(k + 1).value, m.month(), (int) dayWord.entry.number, k + 1);
            }
            return qualified(d, DateValue.of(0, m.month(), (int) dayWord.entry.number, k));
        }
        // month day[,] [year]
        if (d.isSmallInt(k, 31) && !d.isYear(k) && !d.arabic) {
            int day = (int) d.at(k).value;
            if (d.ordinalSuffixAfter(k)) {
                k++;  // May 3rd
            }
            int y = k + 1;
            if (d.isSymbol(y, ',')) {
                y++;
            }
            if (d.isYear(y)) {
                return DateValue.of((int) d.at(y).value, m.month(), day, y);
            }
            return qualified(d, DateValue.of(0, m.month(), day, k));
        }
        int y = k;
        if (d.isSymbol(y, ',') || d.english && d.surface(y).equalsIgnoreCase("of") && d.isYear(y + 1)) {
            y++;  // October, 1986; August of 1985
        }
        if (d.isYear(y) || Years.eraYear(d, y)) {
            return DateValue.of((int) d.at(y).value, m.month(), 0, gregorianMark(d, y));
        }
        if (d.isSymbol(k, '(') && d.isYear(k + 1) && d.isSymbol(k + 2, ')')) {
            return DateValue.of((int) d.at(k + 1).value, m.month(), 0, k + 2);  // October (1986)
        }
        int yy = d.isSymbol(k, '\'') && d.attached(k) ? k + 1 : k;
        Token after = d.at(yy + 1);
        if (d.english && NumericDates.twoDigits(d, yy) && (yy > k || d.at(yy).value > 31 && (after == Doc.NONE
                || after.lineBefore || after.entry != null && after.entry.month > 0))) {
            // Feb'87, and March 87  Feb 87 as a table's column heads: the month of a year in two digits
            return DateValue.of(NumericDates.nearerCentury(d, (int) d.at(yy).value), m.month(), 0, yy);
        }
        DateValue ofYear = ofYear(d, m.month(), 0, last);
        if (ofYear != null) {
            return ofYear;
        }
        if (d.english && "of".equalsIgnoreCase(d.surface(k)) && d.at(k + 2).has(Role.YEAR_WORD)
                && (d.at(k + 1).has(Role.CURRENT) || d.at(k + 1).has(Role.PAST))) {
            // May of last year, June of this year: the year the month belongs to
            return DateValue.of(0, m.month(), 0, k + 2).ending(k + 2, d.at(k + 1).has(Role.CURRENT)
                    ? DateValue.Relation.CURRENT : DateValue.Relation.OF_LAST_YEAR);
        }
        if (d.at(m.last()).has(Role.NEEDS_CONTEXT) && !monthContext(d, i, last)) {
            return null;
        }
        return qualified(d, DateValue.of(0, m.month(), 0, last));
    }

    /**
     * What follows a day written in words after its month ends the date: the phrase, a function word, a
     * capitalised word in mixed case (April One will redeem); in capitals (MARCH ONE PCT) only the phrase's end.
     */
    private static boolean dayAfterMonth(Doc d, int k) {
        Token next = d.at(k + 1);
        if (next.type != TokenType.LATIN || next.paragraphBefore || next.lineBefore) {
            return true;
        }
        String day = d.surface(k);
        boolean capitals = day.length() > 1 && day.equals(day.toUpperCase(java.util.Locale.ROOT));
        Word w = next.entry;
        boolean measure = w != null && (w.unit != null || w.currencyFamily != null || w.has(Role.PERCENT)
                || w.isNumber());
        return !measure && (!capitals || next.has(Role.STOP));
    }

    /**
     * A day in lower-case words ends where punctuation or a connector follows it: in April two banks failed counts
     * banks, while ended April three to 15 mln reads a day.
     */
    private static boolean lowerCaseDayEnds(Doc d, int k) {
        Token next = d.at(k + 1);
        if (next == Doc.NONE || next.lineBefore || d.isYear(k + 1)) {
            return true;  // Payable April one / Record March 20, expire July three 1987
        }
        // on May one an additional, set April one for the debut: a function word ends the phrase, though not "of"
        // (in March two of the banks), nor a verb after "in March" (in June three were hurt)
        String before = d.surface(d.at(k - 1).type == TokenType.SYMBOL ? k - 3 : k - 2);
        boolean inMonth = before.equalsIgnoreCase("in") || before.equalsIgnoreCase("during");
        return next.type == TokenType.SYMBOL && !d.isDash(k + 1)
                || next.type == TokenType.LATIN && (next.has(Role.TO) || next.has(Role.AND) || !inMonth
                && next.has(Role.STOP) && !next.has(Role.ADJECTIVE) && !d.surface(k + 1).equalsIgnoreCase("of"));
    }

    /** A month name that is also a common word (مارس, May) counts only after a preposition or before a qualifier. */
    private static boolean monthContext(Doc d, int first, int last) {
        Token before = d.at(first - 1);
        Token self = d.at(first);
        if (self.preposition || self.definite) {
            return false;
        }
        if (before.has(Role.IN) || before.has(Role.FROM) || before.has(Role.TO) || before.has(Role.PAST)
                || before.has(Role.NEXT) || before.has(Role.CURRENT) || before.has(Role.YEAR_WORD)) {
            return true;
        }
        if (d.lexicon.in(WordList.MONTH_CUE, d.surface(first - 1)) || joinedMonth(d, first - 2, first - 2)
                || joinedMonth(d, last, last + 2)) {
            return true;  // January-March, May-June: a month joined to another by a hyphen
        }
        Token after = d.at(last + 1);
        if (d.english && d.surface(first - 1).equalsIgnoreCase("the") && self.capitalized && !EnglishNouns.allCaps(d, first)
                && after.type == TokenType.LATIN && !after.capitalized && !after.has(Role.STOP) && !after.lineBefore) {
            return true;  // the May deficit, the March figures: the month names the noun's period
        }
        return after.has(Role.PAST) || after.has(Role.NEXT) || after.has(Role.CURRENT);
    }

    /**
     * 6 و 7 سبتمبر القادم, 12 و19 و26 يوليو 2015: an Arabic day at i listed before later days of a month shares
     * their month and year; null when no month ends the list.
     */
    private static DateValue listedBefore(Doc d, int i) {
        double previous = d.at(i).value;
        for (int j = i + 1; d.arabic && d.isAndWord(j) && d.isSmallInt(j + 1, 31) && d.at(j + 1).value > previous;
                j += 2) {
            previous = d.at(j + 1).value;
            Month m = month(d, j + 2);
            if (m != null) {
                DateValue last = withYear(d, (int) previous, m);
                return last.iso() != null ? null : new DateValue(last.year(), last.month(), (int) d.at(i).value, -1,
                        i, last.relation(), null);
            }
        }
        return null;
    }

    /** A hyphen glued after token left, and a month name at {@code month}. */
    private static boolean joinedMonth(Doc d, int left, int month) {
        Word w = d.at(month).entry;
        return d.isDash(left + 1) && d.attached(left) && d.attached(left + 1) && w != null && w.namesMonth();
    }

    private static DateValue withYear(Doc d, int day, Month m) {
        int last = alias(d, m.last(), m.month());
        int y = last + 1;
        if (d.isSymbol(y, ',')) {
            y++;
        }
        if (d.isYear(y) || Years.eraYear(d, y)) {
            return DateValue.of((int) d.at(y).value, m.month(), day, gregorianMark(d, y));  // 15 مايو 1099م
        }
        DateValue ofYear = ofYear(d, m.month(), day, last);
        return ofYear != null ? ofYear : qualified(d, DateValue.of(0, m.month(), day, last));
    }

    /**
     * مايو من عام 2014, 11 سبتمبر عام 2001, يونيو العام الماضي, مايو من العام الجاري, يوليو في عام 2034: عام after an
     * Arabic month, with or without من or في, names the year the date belongs to; null when no year follows token last.
     */
    private static DateValue ofYear(Doc d, int month, int day, int last) {
        int k = last + 1;
        if (d.arabic && (d.at(k).has(Role.FROM) || d.at(k).has(Role.IN)) && d.at(k).stemOffset == 0) {
            k++;
        }
        if (!d.arabic || !d.at(k).has(Role.YEAR_WORD) || d.at(k).paragraphBefore) {
            return null;
        }
        if (d.isYear(k + 1)) {
            return DateValue.of((int) d.at(k + 1).value, month, day, gregorianMark(d, k + 1));
        }
        Token q = d.at(k + 1);
        DateValue.Relation r = q.stemOffset != 0 ? null : q.has(Role.CURRENT) ? DateValue.Relation.CURRENT
                : q.has(Role.PAST) ? DateValue.Relation.OF_LAST_YEAR
                : q.has(Role.NEXT) ? DateValue.Relation.OF_NEXT_YEAR : null;
        return r == null ? null : DateValue.of(0, month, day, k + 1).ending(k + 1, r);
    }

    /**
     * العاشر من الشهر الجاري, الـ 7 من الشهر المقبل: a day of the month named against the publication month (the
     * Arabic day at token first, the month word at k); null without a publication day or such a month.
     */
    private static DateValue ofRelativeMonth(Doc d, int day, int first, int k) {
        Token month = d.at(k);
        Token q = d.at(k + 1);
        String word = month.type == TokenType.ARABIC ? Normalizer.key(d.surface(k)) : "";
        if (!d.arabic || d.published == null || !word.startsWith("ال")
                || !d.lexicon.in(WordList.MONTH_WORD, word.substring(2)) || q.stemOffset != 0) {
            return null;
        }
        int shift = q.has(Role.CURRENT) ? 0 : q.has(Role.PAST) ? -1 : q.has(Role.NEXT) ? 1 : 2;
        java.time.LocalDate start = d.published.withDayOfMonth(1).plusMonths(shift);
        return shift == 2 || day > start.lengthOfMonth() ? null
                : DateValue.resolved(first, k + 1, start.withDayOfMonth(day).toString());
    }

    /** 2017م: the Gregorian-era letter glued to a year belongs to the date. */
    private static int gregorianMark(Doc d, int y) {
        return d.attached(y) && d.surface(y + 1).equals("م") ? y + 1 : y;
    }

    /** الماضي, last, المقبل, next, الجاري after a date without a year say which year it is in. */
    private static DateValue qualified(Doc d, DateValue v) {
        Token q = d.at(v.last() + 1);
        if (q.stemOffset != 0) {
            return v;
        }
        if (q.has(Role.PAST)) {
            return v.ending(v.last() + 1, DateValue.Relation.PAST);
        }
        if (q.has(Role.NEXT)) {
            return v.ending(v.last() + 1, DateValue.Relation.NEXT);
        }
        if (q.has(Role.CURRENT) && d.arabic) {
            return v.ending(v.last() + 1, DateValue.Relation.CURRENT);
        }
        return v;
    }
}
