package io.newsflow.extraction.figures;

import java.util.Locale;

/**
 * Numbers that are not figures: model and code names (Boeing 737, G20, COVID-19, كوفيد ـ 19, F-16), legal and list
 * references (المادة 5, Article 5, No. 3), phone numbers, Hijri years (1436هـ) and clock times (الساعة 1100).
 * Each is consumed whole, so no other recognizer reads a part of it. Number words that stand for "some" are
 * {@link VagueNumbers}.
 */
final class LabelRecognizer {

    private LabelRecognizer() {
    }

    /** +971 4 ...: a phone number starting at the plus sign i, or null. */
    static Proposal phoneAt(Doc d, int i) {
        Token t = d.at(i);
        if (t.type == TokenType.SYMBOL && t.sym == '+' && d.attached(i) && d.at(i + 1).type == TokenType.DIGITS) {
            return chain(d, i + 1);
        }
        return null;
    }

    /** The label the number phrase n is part of, or null when n is a figure. */
    static Proposal at(Doc d, NumberPhrase n) {
        Proposal name = NamedNumbers.at(d, n);
        if (name != null) {
            return name;
        }
        int i = n.first();
        Token first = d.at(i);
        if (d.english && d.lexicon.in(WordList.WORLD_WAR, d.surface(i - 1))
                && d.lexicon.in(WordList.WORLD_WAR, d.surface(i - 2))) {
            return new Proposal.NotAFigure(n.last());  // World War Two: a name
        }
        if (n.words() && n.first() == n.last() && first.isNumberWord() && d.at(i - 1).has(Role.CODE)
                && d.at(i - 1).isWord() && !d.at(i - 1).has(Role.YEAR_WORD)) {
            return new Proposal.NotAFigure(i);  // number two (a grade), room five, رقم واحد
        }
        if (first.type != TokenType.DIGITS || n.words() && !n.plainDigits() && n.last() != i) {
            return null;
        }
        if (d.arabic && n.plainDigits() && n.value() <= 30) {
            int hijri = hijriDay(d, n.last() + 1);
            if (hijri >= 0) {
                return new Proposal.NotAFigure(hijri);  // 20 رمضان 1436هـ, من 20 إلى 21 ربيع الآخر: Hijri dates
            }
        }
        int reference = referenceInBrackets(d, i);
        if (reference >= 0) {
            return new Proposal.NotAFigure(reference);  // قرار مجلس الشورى رقم ( 104 / 47 ): a resolution's number
        }
        if (n.plainDigits() && n.first() == n.last()) {
            int clock = clockTime(d, i);
            if (clock >= 0) {
                return new Proposal.NotAFigure(clock);  // 9:00, 11:30: a time of day
            }
            if (listMarker(d, i)) {
                return new Proposal.NotAFigure(i + 1);  // "4- خطأ", "2 - يطبق": an item's number in a list
            }
            int operator = d.isDash(i + 1) ? i + 2 : i + 1;
            if (first.integerDigits >= 4 && first.integerDigits <= 6 && !first.grouped && !first.decimal
                    && d.at(operator).isWord() && d.lexicon.in(WordList.MOBILE_OPERATOR, d.surface(operator))) {
                return new Proposal.NotAFigure(i);  // "636250 موبايلي", "88591 - Stc": an SMS short code
            }
            if (first.integerDigits >= 7 && (longPlainDigits(d, i - 1) || longPlainDigits(d, i + 1))) {
                return new Proposal.NotAFigure(i);  // a column of ID numbers: 3601100204 3601100410 ...
            }
        }
        Token prev = d.at(i - 1);
        int p = i - 1;
        if (d.isSymbol(p, '#') && d.attached(p) && d.isSymbol(n.last() + 1, ';') && d.attached(n.last())) {
            return new Proposal.NotAFigure(n.last() + 1);  // &#8220; a character reference left in the text
        }
        if (prev.type == TokenType.LATIN && d.attached(p) && (!MoneyRecognizer.isCurrencyWord(d, p)
                || prev.entry != null && prev.entry.currencyFamily == null)) {
            return chain(d, i);  // G20, A380, M3; a country's letter names a currency only before $ (A$, C$)
        }
        boolean partOfYear = d.english && d.isYear(i) && YEAR_PART.contains(d.surface(p - 1).toLowerCase(Locale.ROOT));
        if (d.isDash(p) && d.attached(p) && !partOfYear && (d.at(p - 1).isWord() && d.attached(p - 1)
                && !MoneyRecognizer.isCurrencyWord(d, p - 1) || d.at(p - 1).has(Role.CODE))) {
            return chain(d, i);  // COVID-19, F-16, كوفيد ـ 19
        }
        if (d.isDash(p) && d.at(p - 1).has(Role.CODE)) {
            return chain(d, i);
        }
        if ((d.isSymbol(p, '.') || d.isSymbol(p, ':')) && d.at(p - 1).has(Role.CODE)) {
            p--;  // No. 3, ISBN: 9783161484100
        }
        if (d.isSymbol(p, ':') && d.attached(p - 1) && d.attached(p) && d.at(p - 1).dotted) {
            return chain(d, i);  // 10.0.0.1:8080: the port of an address
        }
        if (d.at(p).has(Role.CODE) && d.at(p).isWord() && !d.at(p).has(Role.YEAR_WORD)) {
            return chain(d, i);
        }
        if (d.arabic && bracketed(d, n) && (d.at(p - 1).has(Role.CODE) && d.at(p - 1).isWord()
                && !d.at(p - 1).has(Role.YEAR_WORD) && !d.lexicon.in(WordList.LETTER_NAME, d.surface(p - 1))
                || footnoteStart(d, p) && first.integerDigits <= 3
                || first.integerDigits <= 2 && !"ال".equals(d.stemKey(p - 1))
                && (d.lineStart(n.last() + 2) && n.value() <= 20 || d.isSymbol(n.last() + 2, ':')))) {
            // رقم (37), المادة (92); "(12) انظر": a footnote's number; "مذكرات الفنانة (4):", a line ending "(2)":
            // the part of a series or a section (a minute of a match sheet's line goes past 20; الـ(9) ranks)
            return new Proposal.NotAFigure(n.last() + 1);
        }
        if (ProductNames.model(d, n, prev, p)) {
            return chain(d, i);  // Boeing 737, Windows 10, Apollo 11
        }
        int plus = n.last() + 1;
        if (n.plainDigits() && n.value() <= 20 && d.isSymbol(plus, '+') && !d.at(plus).lineBefore
                && d.at(plus + 1).type == TokenType.DIGITS && !d.at(plus + 1).decimal && d.at(plus + 1).value <= 20
                && !measured(d, plus + 2)) {
            return new Proposal.NotAFigure(plus + 1);  // مجموعة 5+1, «5 + 1»: a group named by a sum, no amount
        }
        if (d.arabic && ProductNames.quoted(d, n)) {
            return new Proposal.NotAFigure(n.last());  // «يورو 6», “جالكسي نوت 5″: the number ends a quoted name
        }
        Token next = d.at(n.last() + 1);
        if (next.type == TokenType.LATIN && d.attached(n.last()) && next.entry == null) {
            String s = d.surface(n.last() + 1);
            if (!(d.ordinalSuffixAfter(n.last()) || s.equals("s")  // 4th, and 4TH in a headline in capitals
                    || MoneyRecognizer.isIsoCode(s.toUpperCase(Locale.ROOT)) || s.equals("MGBP")
                    || s.equals("MUSD"))) {
                return chain(d, i);  // 5G, 737MAX, 4x4
            }
        }
        if (first.digits.length() >= 7 && first.digits.charAt(0) == '0' && !first.decimal) {
            return chain(d, i);  // 0501234567
        }
        if (d.isDash(n.last() + 1) && d.attached(n.last()) && d.attached(n.last() + 1)
                && d.at(n.last() + 2).type == TokenType.DIGITS && d.isDash(n.last() + 3) && d.attached(n.last() + 2)
                && d.at(n.last() + 4).type == TokenType.DIGITS) {
            return chain(d, i);  // 800-555-0199
        }
        if (localPhone(d, n.last()) && (d.isSymbol(p, ')') && d.attached(p) && d.at(p - 1).integerDigits == 3
                && d.isSymbol(p - 2, '(') || phoneCue(d, p))) {
            return chain(d, i);  // (555) 123-4567, call 555-1234
        }
        if (d.isSymbol(p, '(') && d.attached(p) && d.isSymbol(n.last() + 1, ')') && n.plainDigits()
                && first.integerDigits == 3 && localPhone(d, n.last() + 2)) {
            return chain(d, n.last() + 2);  // the area code of (555) 123-4567
        }
        int zoned = ClockTimes.zoned(d, n);
        if (zoned >= 0) {
            return new Proposal.NotAFigure(zoned);  // 1630 gmt, 0900 EST, 10.30 am, 1030 local time: a clock time
        }
        if (d.arabic && Normalizer.key(d.surface(i - 1)).endsWith("ساعه") && !n.words()) {
            return new Proposal.NotAFigure(n.last());  // الساعة 1847 بتوقيت جرينتش: a clock time, not a year
        }
        if (isHijriMark(d, n.last() + 1)) {
            return new Proposal.NotAFigure(n.last() + 1);  // a Hijri year: not a Gregorian date, and not a count
        }
        int k = n.last();
        while (n.plainDigits() && (d.isSymbol(k + 1, '/') || d.isDash(k + 1)) && d.at(k + 2).type == TokenType.DIGITS
                && !d.at(k + 2).lineBefore) {
            k += 2;
        }
        if (k > n.last() && isHijriMark(d, k + 1)) {
            return new Proposal.NotAFigure(k + 1);  // 1436 / 1437 هـ, 18 / 10 / 1436ه: Hijri years and dates
        }
        return null;
    }

    /**
     * The last token of a Hijri month (and its year) that follows a day at k, possibly after من, a dash or a second
     * day (إلى 21), or -1 when none follows.
     */
    static int hijriDay(Doc d, int k) {
        if ((d.at(k).has(Role.TO) || d.isDash(k) || d.isAndWord(k)) && d.at(k + 1).type == TokenType.DIGITS) {
            int numeric = Years.hijriNumeric(d, k + 1);
            if (numeric >= 0) {
                return numeric;  // من 16 إلى 23 / 12 /1436, 18ـ19/ 10/ 1436: a span of Hijri days written in digits
            }
            k += 2;  // the second day of a span: من 20 إلى 21 ربيع الآخر
        } else if (d.isDash(k) && d.at(k + 1).type == TokenType.ARABIC && !d.at(k + 1).isNumberWord()) {
            k++;  // 29 - شعبان 1436هـ: a dash between the day and its month (1 - صفر is a score)
        }
        if (d.at(k).has(Role.FROM) && d.at(k).stemOffset == 0) {
            k++;
        }
        if (d.at(k).type == TokenType.ARABIC && d.lexicon.in(WordList.MONTH_WORD, d.surface(k))) {
            k++;  // 23 من شهر رمضان
        }
        if (d.at(k).type != TokenType.ARABIC || !d.lexicon.opensHijriMonth(d.surface(k))) {
            return -1;
        }
        boolean second = d.at(k + 1).type == TokenType.ARABIC && !d.at(k + 1).lineBefore
                && Normalizer.key(d.surface(k + 1)).startsWith("ال");  // ربيع الآخر, ذو الحجة
        int last = second ? k + 1 : k;
        if (d.at(last + 1).has(Role.YEAR_WORD)) {
            last++;
        }
        if (d.at(last + 1).type == TokenType.DIGITS && d.at(last + 1).integerDigits == 4) {
            last++;
            if (isHijriMark(d, last + 1)) {
                last++;
            }
        }
        return last;
    }

    /** mid-1986, end-1985: a part of a year glued to it by a hyphen, no code's name. */
    private static final java.util.Set<String> YEAR_PART = java.util.Set.of("mid", "end", "early", "late", "start");

    /** A unit, a currency or a percent at k. */
    private static boolean measured(Doc d, int k) {
        Token t = d.at(k);
        return d.isSymbol(k, '%') || t.has(Role.PERCENT) || t.entry != null
                && (t.entry.unit != null || t.entry.currencyFamily != null || t.entry.singular != null);
    }

    /** هـ, ه, هــ: the Hijri era's mark, whatever run of tatweel the writer drew it with. */
    static boolean isHijriMark(Doc d, int k) {
        Token t = d.at(k);
        return t.type == TokenType.ARABIC && Normalizer.clean(d.text, t.start, t.end).equals("ه");
    }

    /** The last token of a clock time h:mm starting at the digits i (9:00, 11:30), or -1. */
    private static int clockTime(Doc d, int i) {
        Token h = d.at(i);
        Token m = d.at(i + 2);
        return h.integerDigits <= 2 && h.value <= 24 && !h.decimal && d.isSymbol(i + 1, ':') && d.attached(i)
                && d.attached(i + 1) && m.type == TokenType.DIGITS && m.integerDigits == 2 && !m.decimal
                && m.value < 60 ? i + 2 : -1;
    }

    /**
     * A small number opening a line or a sentence with a dash, a bracket or a dot after it and a word next: the
     * number of an item in a list ("4- خطأ القراءة", "2 - يطبق التخفيض", "3. عسر الهضم"), not a figure of the story.
     * Arabic has no capitals to tell a list's next word, but a sentence rarely ends right after its first number
     * (a score's second one does: انتهت بهزيمته 4-2. وكان).
     */
    private static boolean listMarker(Doc d, int i) {
        Token t = d.at(i);
        if (t.decimal || t.integerDigits > 2 || !(d.lineStart(i) || d.sentenceStart(i))
                || d.isDash(i - 1) && !d.lineStart(i) && RangeRecognizer.amongScores(d, i - 2, i)) {
            return false;  // 7 - 6 (7 - 5) و6 - 4: the second number of a score, not an item's
        }
        boolean marker = d.isDash(i + 1) || d.isSymbol(i + 1, ')') && d.attached(i) && !d.isSymbol(i - 1, '(')
                || d.isSymbol(i + 1, '.') && d.attached(i) && (d.at(i + 2).capitalized
                        || d.at(i + 2).type == TokenType.ARABIC && !d.isDash(i - 1));
        Token next = d.at(i + 2);
        return marker && next.isWord() && !next.lineBefore && !next.isNumberWord() && (next.entry == null
                || next.entry.unit == null && next.entry.currencyFamily == null && next.entry.month == 0);
    }

    /**
     * Digit groups joined by slashes or dashes in brackets after a code word (رقم ( 104 / 47 ), ورقم (35 - 22)): one
     * reference, its closing bracket, or -1.
     */
    private static int referenceInBrackets(Doc d, int i) {
        Token code = d.at(i - 2);
        if (!d.arabic || !d.isSymbol(i - 1, '(') || !code.has(Role.CODE) || !code.isWord() || code.has(Role.YEAR_WORD)) {
            return -1;
        }
        int k = i;
        while (d.at(k).type == TokenType.DIGITS && (d.isSymbol(k + 1, '/') || d.isDash(k + 1))
                && d.at(k + 2).type == TokenType.DIGITS) {
            k += 2;
        }
        return k > i && d.isSymbol(k + 1, ')') ? k + 1 : -1;
    }

    /** A number alone in brackets: (37). */
    private static boolean bracketed(Doc d, NumberPhrase n) {
        return n.plainDigits() && n.first() == n.last() && !d.at(n.first()).decimal && d.isSymbol(n.first() - 1, '(')
                && d.isSymbol(n.last() + 1, ')');
    }

    /**
     * A bracket opening a line that no word ends before it; after a word, even with an indent, the line goes on
     * with that sentence (لمدة\n (5) أيام).
     */
    private static boolean footnoteStart(Doc d, int p) {
        return d.lineStart(p) && !d.at(p - 1).isWord();
    }

    private static boolean longPlainDigits(Doc d, int k) {
        Token t = d.at(k);
        return t.type == TokenType.DIGITS && !t.grouped && !t.decimal && t.integerDigits >= 7;
    }

    /** unch, or off/up/down before a number: the change a table lists after a value. */
    static boolean tableChange(Doc d, int k) {
        return d.at(k).type == TokenType.LATIN && d.lexicon.in(WordList.TABLE_CHANGE, d.surface(k))
                && (d.at(k).has(Role.STOP) || d.at(k + 1).type == TokenType.DIGITS);
    }

    /** 555-1234: three digits, a dash and four, all touching: a local phone number (or a range). */
    private static boolean localPhone(Doc d, int k) {
        Token t = d.at(k);
        Token rest = d.at(k + 2);
        return t.type == TokenType.DIGITS && !t.grouped && !t.decimal && t.integerDigits == 3 && d.isDash(k + 1)
                && d.attached(k) && d.attached(k + 1) && rest.type == TokenType.DIGITS && !rest.grouped
                && !rest.decimal && rest.integerDigits == 4;
    }

    /** A word a phone number follows (call, tel, هاتف) among the three tokens before p+1: "call us on", "Tel:". */
    private static boolean phoneCue(Doc d, int p) {
        for (int k = p; k > p - 3 && k >= 0 && !d.at(k + 1).lineBefore; k--) {
            if (d.at(k).isWord() && d.lexicon.in(WordList.PHONE_CUE, d.surface(k))) {
                return true;
            }
        }
        return false;
    }

    /** A run of digit groups joined by dashes, slashes, dots or single spaces on one line: one label. */
    private static Proposal chain(Doc d, int i) {
        int k = i;
        while (true) {
            Token sep = d.at(k + 1);
            boolean joined = (d.isDash(k + 1) || d.isSymbol(k + 1, '/') || d.isSymbol(k + 1, '.'))
                    && d.attached(k) && d.attached(k + 1);
            if (joined && d.at(k + 2).type == TokenType.DIGITS) {
                k += 2;
            } else if (d.at(k + 1).type == TokenType.DIGITS && !sep.lineBefore && d.at(k).type == TokenType.DIGITS
                    && d.at(k + 1).start - d.at(k).end == 1 && d.at(i - 1).type == TokenType.SYMBOL) {
                k += 1;
            } else if (d.at(k + 1).type == TokenType.LATIN && d.attached(k) && d.at(k + 1).entry == null) {
                k += 1;
            } else {
                return new Proposal.NotAFigure(k);
            }
        }
    }
}
