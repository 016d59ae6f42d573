package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;
import io.newsflow.extraction.FigureMention;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Walks the tokens of one story left to right and turns each number phrase, with what stands around it, into a
 * figure: what it counts, its unit or currency, whether it is a percentage, a year, a range, or a label that only
 * looks like a number (COVID-19, Boeing 737, المادة 5). Each figure consumes its tokens, so figures never overlap.
 */
final class FigureScanner {

    private static final Set<String> ISO_CODES = isoCodes();
    private static final boolean[] ISO_INDEX = isoIndex();

    private final Doc d;
    private final LocalDate published;
    private final boolean wordsKnown;
    private final List<FigureMention> out = new ArrayList<>();
    private String lastCountUnit;
    /** Currencies a story names in full ("Norwegian crowns"), by family, for its bare mentions ("crowns"). */
    private final Map<String, String> storyCurrency = new HashMap<>();
    /** Figures whose currency family the story may name in full later: index in out, family. */
    private final List<Object[]> bareCurrency = new ArrayList<>();
    private int lastCountEnd = -1;
    /** The last money or scaled quantity, which a bare "from 512 mln" / "مقابل 300 مليون" after it repeats. */
    private FigureKind lastMeasureKind;
    private String lastMeasureUnit;
    private String lastMeasureCurrency;
    private int lastMeasureEnd = -1;
    private String lastMeasureFamily;
    /** Money read from a bare dollar word (dlrs, دولار): the story's own dollar may override the US default. */
    private final List<Integer> bareDollars = new ArrayList<>();

    /** What a number phrase reads as before it is emitted, so a range can merge two of them. */
    private static final class Reading {
        FigureKind kind;
        double value;
        String unit;
        String currency;
        String iso;
        int first;
        int last;
        Num num;
        String family;
        boolean bareDefault;
    }

    FigureScanner(Doc d, LocalDate published, boolean wordsKnown) {
        this.d = d;
        this.published = published;
        this.wordsKnown = wordsKnown;
    }

    List<FigureMention> scan() {
        int i = 0;
        while (i < d.size()) {
            int next = at(i);
            i = next > i ? next : i + 1;
        }
        if (!bareDollars.isEmpty()) {
            storyCountryCurrency();
        }
        for (Object[] bare : bareCurrency) {
            String iso = storyCurrency.get((String) bare[1]);
            FigureMention f = out.get((Integer) bare[0]);
            if (iso != null && f.currency() == null) {
                out.set((Integer) bare[0], new FigureMention(f.kind(), f.value(), f.min(), f.max(), f.isoValue(),
                        f.unit(), iso, f.text(), f.start(), f.end()));
            }
        }
        return out;
    }

    /**
     * Bare currency words default to the family's best-known currency (dlrs → USD, درهم → AED); a story that names
     * exactly one other country of that family (Canadian, H.K., المغربية) before them, and not the default's
     * country, means its own.
     */
    private void storyCountryCurrency() {
        Map<String, String> own = new HashMap<>();
        Map<String, Boolean> defaultNamed = new HashMap<>();
        Map<String, Integer> firstNamed = new HashMap<>();
        java.util.Set<String> families = new java.util.HashSet<>();
        for (int idx : bareDollars) {
            families.add(bareFamily.get(idx));
        }
        for (int k = 0; k < d.size(); k++) {
            Token t = d.at(k);
            if (t.entry == null || t.entry.country == null || t.end - t.start < 2) {
                continue;  // A$, S$: a one-letter prefix is no mention of the country
            }
            for (String family : families) {
                String c = d.lexicon.currency(family, t.entry.country);
                if (c == null) {
                    continue;
                }
                String def = defaultOf.get(family);
                if (c.equals(def)) {
                    defaultNamed.put(family, true);
                } else if (own.containsKey(family) && !own.get(family).equals(c)) {
                    own.put(family, "");
                } else if (!own.containsKey(family)) {
                    own.put(family, c);
                    firstNamed.put(family, t.start);
                }
            }
        }
        for (int idx : bareDollars) {
            String family = bareFamily.get(idx);
            String c = own.get(family);
            FigureMention f = out.get(idx);
            if (c == null || c.isEmpty() || defaultNamed.containsKey(family) || firstNamed.get(family) > f.start()) {
                continue;  // a bare "dlrs" before any other dollar is named keeps the default
            }
            out.set(idx, new FigureMention(f.kind(), f.value(), f.min(), f.max(), f.isoValue(), f.unit(), c,
                    f.text(), f.start(), f.end()));
        }
    }

    private final Map<Integer, String> bareFamily = new HashMap<>();
    private final Map<String, String> defaultOf = new HashMap<>();

    private int at(int i) {
        Token t = d.at(i);
        if (t.isWord() && t.entry == null && !isIsoCode(t) || t.type == Token.SYMBOL && !mayStartFigure(t)) {
            return i;  // most tokens: nothing the lexicon knows can start here
        }
        if (t.type == Token.SYMBOL && t.sym == '+' && d.attached(i) && d.at(i + 1).type == Token.DIGITS) {
            return skipChain(i + 1);  // +971 4 ...: a phone number
        }
        int r = date(i);
        if (r > i) {
            return r;
        }
        r = moneyPrefixed(i);
        if (r > i) {
            return r;
        }
        if (d.arabic && (t.definite || t.entry != null && t.entry.ordinal > 0)) {
            r = ordinal(i);  // before cardinals: العشرون after a noun is "the twentieth"
            if (r > i) {
                return r;
            }
        }
        r = number(i);
        if (r > i) {
            return r;
        }
        if (!wordsKnown || t.entry == null) {
            return i;
        }
        r = ordinal(i);
        if (r > i) {
            return r;
        }
        return dual(i);
    }

    /** A three-letter Latin word that is an ISO 4217 code in any case (USD, eur), checked without allocating. */
    private boolean isIsoCode(Token t) {
        if (t.type != Token.LATIN || t.end - t.start != 3) {
            return false;
        }
        int index = 0;
        for (int k = t.start; k < t.end; k++) {
            int c = (d.text.charAt(k) | 0x20) - 'a';
            if (c < 0 || c >= 26) {
                return false;
            }
            index = index * 26 + c;
        }
        return ISO_INDEX[index];
    }

    private boolean mayStartFigure(Token t) {
        char c = t.sym;
        return c == '+' || c == '-' || c == '.' || d.lexicon.symbol(c) != null;
    }

    // ---- dates ----------------------------------------------------------------------------------------------

    private int date(int i) {
        Token t = d.at(i);
        if (t.has(Word.FROM) || t.has(Word.BETWEEN)) {
            int r = dateRange(i, i);
            if (r > i) {
                return r;
            }
        }
        DateGrammar.DateValue rel = wordsKnown ? DateGrammar.relative(d, i, published) : null;
        if (rel != null) {
            emitDate(rel.first, rel.last, anaphoric(rel));
            return rel.last + 1;
        }
        DateGrammar.DateValue v = DateGrammar.at(d, i);
        if (v == null) {
            return i;
        }
        if (v.month > 0 && v.day == 0 && v.year == 0 && v.iso == null && d.at(v.last + 1).has(Word.TO)
                && d.at(v.last + 1).stemOffset == 0) {
            DateGrammar.DateValue b = DateGrammar.at(d, v.last + 2);
            if (b != null && b.month > v.month && b.day == 0) {
                int r = dateRange(i - 1, i);  // the October to December quarter: months bound a period by themselves
                if (r > i) {
                    return r;
                }
            }
        }
        int first = i;
        int relation = 0;
        if (d.english && (d.at(i - 1).has(Word.PAST) || d.at(i - 1).has(Word.NEXT))) {
            first = i - 1;  // last March, next May
            relation = d.at(i - 1).has(Word.PAST) ? -1 : 1;
        }
        emitDate(first, v.last, DateGrammar.iso(v, published, relation));
        return v.last + 1;
    }

    /** من يناير إلى نهاية سبتمبر الماضيين, between March and May: one DATE whose value is an ISO interval. */
    private int dateRange(int i, int start) {
        int k = i + 1;
        DateGrammar.DateValue a = DateGrammar.at(d, k);
        if (a == null) {
            return i;
        }
        int c = a.last + 1;
        boolean between = start == i && d.at(i).has(Word.BETWEEN);
        if (!(between ? d.isAndWord(c) || d.at(c).has(Word.TO) : d.at(c).has(Word.TO)) || d.at(c).stemOffset != 0) {
            return i;
        }
        int b0 = c + 1;
        if (isBoundaryWord(b0)) {
            b0++;
            if ("of".equals(d.surface(b0))) {
                b0++;
            }
        }
        DateGrammar.DateValue b = DateGrammar.at(d, b0);
        if (b == null) {
            return i;
        }
        int relation = b.relation != 0 ? b.relation : a.relation;
        String end = DateGrammar.iso(b, published, relation);
        if (a.year == 0 && b.year > 0 && a.iso == null) {
            a.year = a.month <= b.month ? b.year : b.year - 1;
        } else if (a.year == 0 && a.iso == null && published != null && end.length() >= 4
                && Character.isDigit(end.charAt(0))) {
            int endYear = Integer.parseInt(end.substring(0, 4));
            a.year = a.month <= b.month ? endYear : endYear - 1;
        }
        int first = start;
        if (d.arabic && start == i && "ما".equals(d.surface(i - 1))) {
            first = i - 1;
        }
        emitDate(first, b.last, DateGrammar.iso(a, published, relation) + "/" + end);
        return b.last + 1;
    }

    /**
     * "the previous month", العام السابق: the period before the one the story last named, not before the
     * publication date ("fell in February after a 12 pct rise in the previous month" is January).
     */
    private String anaphoric(DateGrammar.DateValue rel) {
        String iso = rel.iso;
        if (iso == null || !(iso.length() == 4 || iso.length() == 7)) {
            return iso;
        }
        boolean previous = false;
        for (int k = rel.first; k <= rel.last; k++) {
            String w = Normalizer.key(d.surface(k)).toLowerCase(Locale.ROOT);
            previous |= w.equals("previous") || w.equals("preceding") || w.equals("prior") || w.equals("السابق")
                    || w.equals("السابقه");
        }
        if (!previous) {
            return iso;
        }
        for (int k = out.size() - 1; k >= 0; k--) {
            FigureMention f = out.get(k);
            String ref = f.kind() == FigureKind.DATE ? f.isoValue() : null;
            if (ref == null || ref.length() < 4 || !Character.isDigit(ref.charAt(0)) || ref.contains("/")
                    || ref.contains("W")) {
                continue;
            }
            int year = Integer.parseInt(ref.substring(0, 4));
            if (iso.length() == 4) {
                return String.valueOf(year - 1);
            }
            if (ref.length() >= 7 && Character.isDigit(ref.charAt(5))) {
                LocalDate m = LocalDate.of(year, Integer.parseInt(ref.substring(5, 7)), 1).minusMonths(1);
                return String.format("%04d-%02d", m.getYear(), m.getMonthValue());
            }
            return iso;
        }
        return iso;
    }

    private boolean isBoundaryWord(int i) {
        String s = d.surface(i).toLowerCase(Locale.ROOT);
        return s.equals("نهاية") || s.equals("بداية") || s.equals("مطلع") || s.equals("منتصف") || s.equals("أواخر")
                || s.equals("أوائل") || s.equals("end") || s.equals("beginning") || s.equals("mid")
                || s.equals("early") || s.equals("late") || s.equals("the");
    }

    private void emitDate(int first, int last, String iso) {
        emit(FigureKind.DATE, null, null, null, iso, null, null, first, last);
    }

    // ---- money written with the currency first -------------------------------------------------------------

    /** $5, US$4.7 billion, EUR 20, Rs20, MYR42, C$ 1.34, malaysian ringgit 42. */
    private int moneyPrefixed(int i) {
        int k = i;
        String country = null;
        Token t = d.at(k);
        if (t.entry != null && t.entry.country != null && t.type == Token.LATIN) {
            boolean single = t.end - t.start == 1;
            boolean c = single && d.surface(k).equalsIgnoreCase("c") && d.isSymbol(k + 1, '$');
            if (!single || c || d.isSymbol(k + 1, '$') && d.attached(k)) {
                country = t.entry.country;
                k++;
            }
        }
        Token cur = d.at(k);
        String family = null;
        String currency = null;
        if (cur.type == Token.SYMBOL) {
            Word w = d.lexicon.symbol(cur.sym);
            if (w == null || w.currencyFamily == null) {
                return i;
            }
            family = w.currencyFamily;
            currency = w.currencyDefault;
        } else if (cur.type == Token.LATIN) {
            String s = d.surface(k);
            String upper = s.toUpperCase(Locale.ROOT);
            if (s.length() == 3 && ISO_CODES.contains(upper) && (s.equals(upper) || d.at(k + 1).type == Token.DIGITS
                    || d.isSymbol(k + 1, '$'))) {
                currency = upper;
                family = "iso";
            } else if (cur.entry != null && cur.entry.currencyFamily != null && (country != null || s.length() > 1)
                    && !cur.entry.currencyFamily.equals("cent") && !cur.entry.currencyFamily.equals("penny")) {
                family = cur.entry.currencyFamily;
                currency = cur.entry.currencyDefault;
            } else {
                return i;
            }
            if (d.isSymbol(k + 1, '$') && d.attached(k)) {
                k++;  // usd$ 15, cad$ 15
                if (!"iso".equals(family)) {
                    family = "dollar";
                }
            }
        } else {
            return i;
        }
        if (family.equals("dollar") && country != null) {
            String byCountry = d.lexicon.currency(family, country);
            currency = byCountry != null ? byCountry : currency;
        }
        if (country == null && "$".equals(d.surface(k)) && d.at(k - 1).type == Token.LATIN && d.attached(k - 1)
                && d.at(k - 1).entry != null && d.at(k - 1).entry.country != null) {
            return i;
        }
        int n0 = k + 1;
        Num n = NumberGrammar.cardinal(d, n0, true);
        if (n == null || n.ordinal || n.first != n0) {
            return i;
        }
        Reading r = new Reading();
        r.kind = FigureKind.MONEY;
        r.value = n.value;
        r.currency = currency;
        r.first = i;
        r.last = n.last;
        r.num = n;
        // A currency name repeated or completed after the number: US$ 5 dollars, $5 mln dlrs.
        int after = n.last + 1;
        Token ta = d.at(after);
        if (ta.entry != null && ta.entry.currencyFamily != null && ta.entry.currencyFamily.equals(family)) {
            r.last = after;
        }
        subunit(r);
        return rangeOrEmit(r);
    }

    // ---- numbers --------------------------------------------------------------------------------------------

    private int number(int i) {
        Num n = NumberGrammar.cardinal(d, i, false);
        if (n == null) {
            return i;
        }
        if (!wordsKnown && n.words) {
            return i;
        }
        int label = label(n);
        if (label > i) {
            return label;
        }
        if (n.ordinal) {
            emitEnglishOrdinal(n.first, n.last, n.value);
            return n.last + 1;
        }
        Token suffix = d.at(n.last + 1);
        if (n.plainDigits && suffix.type == Token.LATIN && d.attached(n.last)) {
            String s = d.surface(n.last + 1).toLowerCase(Locale.ROOT);
            if (s.equals("st") || s.equals("nd") || s.equals("rd") || s.equals("th")) {
                emitEnglishOrdinal(n.first, n.last + 1, n.value);
                return n.last + 2;
            }
        }
        if (vague(n)) {
            return n.last + 1;
        }
        if (n.plainDigits && d.isDash(n.last + 1) && d.attached(n.last) && d.attached(n.last + 1)
                && d.at(n.last + 2).type == Token.DIGITS && d.isSymbol(n.last + 3, '/')) {
            Num f = NumberGrammar.cardinal(d, n.last + 2, false);
            if (f != null && f.value > 0 && f.value < 1) {
                n.value += f.value;  // 7-1/8 pct: the wire's mixed fraction
                n.last = f.last;
                n.plainDigits = false;
            }
        }
        Reading r = read(n);
        return rangeOrEmit(r);
    }

    /** Number words that stand for "some" rather than a figure: "one of them", "no one". */
    private boolean vague(Num n) {
        if (!n.words || n.first != n.last || n.value != 1 || !d.english) {
            return false;
        }
        String before = d.surface(n.first - 1).toLowerCase(Locale.ROOT);
        String after = d.surface(n.last + 1).toLowerCase(Locale.ROOT);
        return after.equals("of") || after.equals("another") || after.equals("who") || after.equals("that")
                || after.equals("which") || before.equals("no") || before.equals("any") || before.equals("every")
                || before.equals("each") || before.equals("the") || before.equals("this") || before.equals("that")
                || before.equals("which") || before.equals("some");
    }

    /**
     * Numbers that are labels, not figures: model and code names (Boeing 737, G20, COVID-19, كوفيد ـ 19, F-16),
     * legal and list references (المادة 5, Article 5, No. 3), Hijri years, phone numbers. Returns the index after
     * the label, or the phrase start when it is a figure.
     */
    private int label(Num n) {
        int i = n.first;
        Token first = d.at(i);
        if (first.type != Token.DIGITS || n.words && !n.plainDigits && n.last != i) {
            return i;
        }
        Token prev = d.at(i - 1);
        int p = i - 1;
        if (prev.type == Token.LATIN && d.attached(p) && !isCurrencyWord(p)) {
            return skipChain(i);  // G20, A380, M3
        }
        if (d.isDash(p) && d.attached(p) && (d.at(p - 1).isWord() && d.attached(p - 1) && !isCurrencyWord(p - 1)
                || d.at(p - 1).has(Word.CODE))) {
            return skipChain(i);  // COVID-19, F-16, كوفيد ـ 19
        }
        if (d.isDash(p) && d.at(p - 1).has(Word.CODE)) {
            return skipChain(i);
        }
        if (d.isSymbol(p, '.') && d.at(p - 1).has(Word.CODE)) {
            p--;
        }
        if (d.at(p).has(Word.CODE) && d.at(p).isWord() && !d.at(p).has(Word.YEAR_WORD)) {
            return skipChain(i);
        }
        boolean tableCell = d.isSymbol(n.last + 1, '(') && d.at(n.last + 2).type == Token.DIGITS
                && d.isSymbol(n.last + 3, ')');  // France 419 (421): a figure with last year's in brackets
        if (d.english && !tableCell && prev.type == Token.LATIN && prev.capitalized && !d.sentenceStart(p) && !allCaps(p)
                && (prev.entry == null || prev.entry.month == 0 && prev.entry.weekday == 0
                    && prev.entry.currencyFamily == null && prev.entry.country == null && !prev.isNumberWord()
                    && !prev.has(Word.STOP) && !prev.has(Word.PER) && !prev.has(Word.PAST)
                    && !prev.has(Word.NEXT))) {
            return skipChain(i);  // Boeing 737, Windows 10, Apollo 11
        }
        Token next = d.at(n.last + 1);
        if (next.type == Token.LATIN && d.attached(n.last) && next.entry == null) {
            String s = d.surface(n.last + 1);
            if (!(s.equals("st") || s.equals("nd") || s.equals("rd") || s.equals("th") || s.equals("s")
                    || ISO_CODES.contains(s.toUpperCase(Locale.ROOT)) || s.equals("MGBP") || s.equals("MUSD"))) {
                return skipChain(i);  // 5G, 737MAX, 4x4
            }
        }
        if (first.digits.length() >= 7 && first.digits.charAt(0) == '0' && !first.decimal) {
            return skipChain(i);  // 0501234567
        }
        if (d.isDash(n.last + 1) && d.attached(n.last) && d.attached(n.last + 1)
                && d.at(n.last + 2).type == Token.DIGITS && d.isDash(n.last + 3) && d.attached(n.last + 2)
                && d.at(n.last + 4).type == Token.DIGITS) {
            return skipChain(i);  // 800-555-0199
        }
        if (d.arabic && Normalizer.key(d.surface(i - 1)).endsWith("ساعه") && !n.words) {
            return n.last + 1;  // الساعة 1847 بتوقيت جرينتش: a clock time, not a year
        }
        Token h = d.at(n.last + 1);
        if (h.type == Token.ARABIC && (d.surface(n.last + 1).equals("هـ") || d.surface(n.last + 1).equals("ه"))) {
            return n.last + 2;  // a Hijri year: not a Gregorian date, and not a count
        }
        return i;
    }

    private boolean allCaps(int i) {
        String s = d.surface(i);
        return s.length() > 1 && s.equals(s.toUpperCase(Locale.ROOT));
    }

    private boolean isCurrencyWord(int i) {
        Token t = d.at(i);
        return t.entry != null && (t.entry.currencyFamily != null || t.entry.country != null)
                || ISO_CODES.contains(d.surface(i).toUpperCase(Locale.ROOT)) && d.surface(i).length() == 3;
    }

    /** Skips a run of digit groups joined by dashes, slashes, dots or single spaces on one line: one label. */
    private int skipChain(int i) {
        int k = i;
        while (true) {
            Token sep = d.at(k + 1);
            boolean joined = (d.isDash(k + 1) || d.isSymbol(k + 1, '/') || d.isSymbol(k + 1, '.'))
                    && d.attached(k) && d.attached(k + 1);
            if (joined && d.at(k + 2).type == Token.DIGITS) {
                k += 2;
            } else if (d.at(k + 1).type == Token.DIGITS && !sep.lineBefore && d.at(k).type == Token.DIGITS
                    && d.at(k + 1).start - d.at(k).end == 1 && d.at(i - 1).type == Token.SYMBOL) {
                k += 1;
            } else if (d.at(k + 1).type == Token.LATIN && d.attached(k) && d.at(k + 1).entry == null) {
                k += 1;
            } else {
                return k + 1;
            }
        }
    }

    /** What the number phrase n is, from the words after it: %, a currency, a unit, a counted noun, a year. */
    private Reading read(Num n) {
        Reading r = new Reading();
        r.num = n;
        r.first = n.first;
        r.last = n.last;
        r.value = n.value;
        int k = n.last + 1;
        if (d.at(k).paragraphBefore) {
            // a figure never runs into the next paragraph ("549\n\nطفلاً", a wire table's next line)
            r.kind = n.plainDigits && d.isYear(n.first) ? FigureKind.DATE : FigureKind.NUMBER;
            r.iso = r.kind == FigureKind.DATE ? d.at(n.first).digits : null;
            if (r.kind == FigureKind.NUMBER) {
                elliptical(r);
            }
            return r;
        }
        int pct = percentAt(k);
        if (d.arabic && pct < 0 && d.at(k).has(Word.IN) && d.at(k).stemOffset == 0 && d.isSymbol(k + 1, '%')) {
            pct = k + 1;  // 0.6 في %: a typo for في المئة
        }
        if (pct >= 0) {
            r.kind = FigureKind.PERCENT;
            r.last = pct;
            return r;
        }
        if (currencyAfter(r, k)) {
            subunit(r);
            return r;
        }
        if (unitAfter(r, k)) {
            return r;
        }
        if (n.plainDigits && d.isYear(n.first) && !nounFollows(n)) {
            r.kind = FigureKind.DATE;
            r.iso = d.at(n.first).digits;
            int s = n.last + 1;
            if ((d.isDash(s) || d.isSymbol(s, '/')) && d.isYear(s + 1) && !d.at(s + 1).paragraphBefore
                    && d.at(s + 1).value > r.value && d.at(s + 1).value - r.value <= 30) {
                r.iso = r.iso + "/" + d.at(s + 1).digits;  // 2013 - 2014, 2004 - 2014: a fiscal year or a span
                r.last = s + 1;
                return r;
            }
            if (d.attached(n.last) && d.surface(n.last + 1).equals("م")) {
                r.last = n.last + 1;
            }
            return r;
        }
        if (d.arabic && wordsKnown && d.at(n.first - 1).has(Word.YEAR_WORD) && n.plainDigits && n.value < 100) {
            r.kind = FigureKind.NUMBER;
            return r;
        }
        String before = d.arabic && wordsKnown ? Normalizer.clean(d.text, d.at(n.first - 1).start,
                d.at(n.first - 1).end) : "";
        if (before.equals("نسبة") || before.length() == 5 && before.endsWith("نسبة")
                && "بلو".indexOf(before.charAt(0)) >= 0) {
            r.kind = FigureKind.PERCENT;  // نسبة 22: "a rate of 22" is a percentage without the sign
            r.first = n.first - 1;
            return r;
        }
        String noun = null;
        if (d.arabic && wordsKnown) {
            noun = Nouns.arabicAfter(d, k, n.value);
            if (noun != null) {
                r.last = k;
            } else if (n.words && n.first == n.last && (n.value == 1 || n.value == 2)) {
                noun = nounBefore(r);  // دولة واحدة
            } else if (n.words && d.at(n.first).definite) {
                noun = Nouns.arabicBefore(d, n.first - 1);  // الأيام الأربعة: a definite number follows its noun
                Word unit = noun == null ? null : d.lexicon.get(noun);
                if (unit != null && unit.unit != null) {
                    r.kind = unit.unitKind;
                    r.unit = unit.unit;
                    r.first = n.first - 1;
                    r.iso = unit.unitKind == FigureKind.DURATION ? duration(r.value, unit.isoDesignator) : null;
                    return r;
                }
                if (noun != null) {
                    r.first = n.first - 1;
                }
            }
        } else if (d.english && wordsKnown) {
            int[] last = new int[1];
            noun = Nouns.englishAfter(d, k, last);
            if (noun != null) {
                r.last = last[0];
            }
        }
        if (noun != null && d.english && n.hasScale && BALANCE_NOUNS.contains(noun)) {
            r.last = n.last;  // a 71 mln deficit: money of the story, the noun says which side
            r.kind = FigureKind.NUMBER;
            if (elliptical(r)) {
                return r;
            }
            r.last = k;
        }
        if (noun != null) {
            r.kind = FigureKind.COUNT;
            r.unit = noun;
            return r;
        }
        if (elliptical(r)) {
            return r;
        }
        if (d.arabic && lastCountUnit != null && d.at(k).has(Word.FROM) && d.at(k).stemOffset == 0
                && sameSentence(lastCountEnd, n.first)) {
            r.kind = FigureKind.COUNT;  // و24 مشاركاً من السعودية، واثنين من البحرين: the noun is understood
            r.unit = lastCountUnit;
            return r;
        }
        r.kind = FigureKind.NUMBER;
        return r;
    }

    private static final Set<String> BALANCE_NOUNS = Set.of("deficit", "surplus", "shortfall", "last");

    /**
     * A scaled number with nothing after it repeats the measure of the money or quantity just before it:
     * "rose to 7.38 billion dlrs from 3.89 billion", "16.16 mln bpd from 16.15 mln", "بـ2.69 مليار ريال ... بـ2.44
     * مليار". Share counts in earnings tables ("Avg shrs 71.08 mln") are left alone.
     */
    private boolean elliptical(Reading r) {
        Num n = r.num;
        if (n == null || !n.hasScale || n.value < 1e5 || lastMeasureKind == null || !wordsKnown
                || n.first - lastMeasureEnd > 120 || lastMeasureEnd < 0) {
            return false;
        }
        for (int p = n.first - 1; p >= Math.max(0, n.first - 6); p--) {
            String w = d.surface(p).toLowerCase(Locale.ROOT);
            if (w.equals("shrs") || w.equals("shares") || w.equals("shr")) {
                return false;
            }
            if (d.at(p).lineBefore) {
                break;
            }
        }
        r.kind = lastMeasureKind;
        r.unit = lastMeasureUnit;
        r.currency = lastMeasureCurrency;
        r.last = n.last;
        r.bareDefault = lastMeasureFamily != null;
        r.family = lastMeasureFamily;
        return true;
    }

    private String nounBefore(Reading r) {
        int p = r.first - 1;
        Token t = d.at(p);
        if (t.type != Token.ARABIC || t.definite || t.conjunction && t.entry == null || t.has(Word.STOP)
                || t.entry != null && t.entry.singular == null) {
            return null;
        }
        if (t.entry != null && t.entry.unit != null) {
            return null;
        }
        String noun = t.entry != null ? t.entry.singular : Normalizer.clean(d.text, t.start, t.end);
        r.first = p;
        return noun;
    }

    private boolean nounFollows(Num n) {
        int k = n.last + 1;
        if (d.arabic) {
            Token t = d.at(k);
            return t.type == Token.ARABIC && t.entry != null && t.entry.singular != null && !t.definite
                    && t.stemOffset == 0 && !t.entry.dual && t.entry.unit == null;
        }
        if (d.english) {
            int[] last = new int[1];
            String noun = Nouns.englishAfter(d, k, last);
            return noun != null && (d.at(k).entry == null || !d.at(k).has(Word.ADJECTIVE)) && isCountNoun(noun);
        }
        return false;
    }

    /** Nouns a year is often followed by in its own right ("1987 sales", "2015 budget") are not counted things. */
    private static boolean isCountNoun(String noun) {
        return noun.equals("person") || noun.equals("child") || noun.equals("worker") || noun.equals("job")
                || noun.equals("soldier") || noun.equals("vehicle") || noun.equals("home") || noun.equals("house")
                || noun.equals("employee") || noun.equals("student") || noun.equals("car") || noun.equals("share");
    }

    private boolean sameSentence(int from, int to) {
        if (from < 0 || to - from > 40) {
            return false;
        }
        for (int k = from + 1; k < to; k++) {
            Token t = d.at(k);
            if (t.paragraphBefore || t.type == Token.SYMBOL && (t.sym == '.' || t.sym == '!' || t.sym == '?'
                    || t.sym == '\u061F')) {
                return false;
            }
        }
        return true;
    }

    /** %, ٪, pct, percent, per cent, بالمئة, في المئة: returns the last token of the marker, or -1. */
    private int percentAt(int k) {
        Token t = d.at(k);
        if (t.type == Token.SYMBOL && (t.sym == '%' || t.sym == '\u066A')) {
            return k;
        }
        if (!wordsKnown) {
            return -1;
        }
        if (t.has(Word.PERCENT) && t.stemOffset == 0) {
            return k;
        }
        if (d.english && "per".equalsIgnoreCase(d.surface(k)) && "cent".equalsIgnoreCase(d.surface(k + 1))) {
            return k + 1;
        }
        if (d.arabic && t.has(Word.IN) && t.stemOffset == 0) {
            Token m = d.at(k + 1);
            if (m.definite && m.isNumberWord() && m.entry.number == 100 && m.entry.numClass == Word.HUNDRED) {
                return k + 1;
            }
        }
        return -1;
    }

    /** A currency after the number: 20 يورو, 121 مليار دولار, 5 mln dlrs, 42 Lebanese Pounds, درهم إماراتي. */
    private boolean currencyAfter(Reading r, int k) {
        String country = null;
        int c = k;
        Token t = d.at(c);
        if (d.english && t.entry != null && t.entry.country != null && !t.has(Word.PER)) {
            if (t.end - t.start > 1 || d.isSymbol(c + 1, '$')) {
                country = t.entry.country;
                c++;
            }
        } else if (d.english && t.capitalized && d.at(c + 1).type == Token.LATIN) {
            Word two = d.lexicon.get(d.surface(c) + " " + d.surface(c + 1));
            if (two != null && two.country != null) {
                country = two.country;
                c += 2;
            }
        }
        Token cur = d.at(c);
        String family;
        String currency;
        Word w = cur.type == Token.SYMBOL ? d.lexicon.symbol(cur.sym) : cur.entry;
        String s = d.surface(c);
        if (w == null && cur.type == Token.ARABIC && wordsKnown) {
            w = looseArabic(c);
        }
        if (w != null && w.currencyFamily != null && cur.stemOffset == 0) {
            if (cur.type == Token.LATIN && s.length() == 1 && !d.attached(c - 1) && !s.equals("c")) {
                return false;  // a lone "p" or "c" after a space is not a currency
            }
            if (s.equals("c") && !d.attached(c - 1) && !d.isSymbol(c + 1, '$')) {
                return false;
            }
            family = w.currencyFamily;
            currency = w.currencyDefault;
            if (cur.type == Token.LATIN && s.equals("c") && d.isSymbol(c + 1, '$')) {
                return false;
            }
        } else if (cur.type == Token.LATIN && s.length() == 3 && ISO_CODES.contains(s.toUpperCase(Locale.ROOT))
                && (s.equals(s.toUpperCase(Locale.ROOT)) || country == null && !d.english)) {
            family = "iso";
            currency = s.toUpperCase(Locale.ROOT);
        } else if (cur.type == Token.LATIN && s.length() == 4 && s.charAt(0) == 'M'
                && ISO_CODES.contains(s.substring(1)) && !d.attached(c - 1)) {
            family = "iso";
            currency = s.substring(1);
            r.value *= 1e6;  // 48.5 MGBP: millions of the currency
        } else {
            return false;
        }
        int last = c;
        // Country after the currency (Arabic): درهم إماراتي, الدولار الأمريكي, جنيهات استرلينية.
        Token adj = d.at(c + 1);
        Word aw = adj.entry != null ? adj.entry : adj.type == Token.ARABIC && wordsKnown ? looseArabic(c + 1) : null;
        if (d.arabic && aw != null && !adj.conjunction) {
            if (aw.country != null) {
                country = aw.country;
                last = c + 1;
            } else if (aw.currencyFamily != null && aw.currencyFamily.equals(family) && aw.currencyDefault != null) {
                currency = aw.currencyDefault;
                last = c + 1;
            }
        }
        if (country != null && !"iso".equals(family)) {
            String byCountry = d.lexicon.currency(family, country);
            if (byCountry != null) {
                currency = byCountry;
                storyCurrency.put(family, byCountry);
            }
        }
        r.family = family;
        r.bareDefault = country == null && currency != null && !"iso".equals(family) && cur.type != Token.SYMBOL
                && last == c;
        if (r.bareDefault) {
            defaultOf.putIfAbsent(family, currency);
        }
        if (family.equals("cent") || family.equals("penny") || family.equals("sen")
                || family.equals("piastre")) {
            r.value /= 100;
        }
        r.kind = FigureKind.MONEY;
        r.currency = currency;
        r.last = last;
        return true;
    }

    /** An Arabic word read without the accusative alef (هكتارا, دولارا) when its written form is not listed. */
    private Word looseArabic(int i) {
        Token t = d.at(i);
        String form = Normalizer.clean(d.text, t.start, t.end);
        if (form.length() > 3 && form.endsWith("ا")) {
            return d.lexicon.get(form.substring(0, form.length() - 1));
        }
        return null;
    }

    /** 20 dollars 43 cents, $20 and 43c, 3 GBP 1 pence, twenty dollar and 43: the subunit adds hundredths. */
    private void subunit(Reading r) {
        int k = r.last + 1;
        boolean and = d.isAndWord(k);
        if (and) {
            k++;
        }
        Num cents = d.at(k).type == Token.DIGITS || d.at(k).isNumberWord() ? NumberGrammar.cardinal(d, k, false) : null;
        if (cents == null || cents.value >= 100 || cents.value <= 0 || cents.hasScale) {
            return;
        }
        Token unit = d.at(cents.last + 1);
        Word w = unit.type == Token.ARABIC || unit.type == Token.LATIN ? unit.entry : null;
        boolean named = w != null && w.currencyFamily != null && (w.currencyFamily.equals("cent")
                || w.currencyFamily.equals("penny") || w.currencyFamily.equals("sen") || w.currencyFamily.equals("piastre"));
        if (named) {
            r.value += cents.value / 100;
            r.last = cents.last + 1;
        } else if (and && (unit == Doc.NONE || unit.type == Token.SYMBOL) && r.num != null && r.num.value % 1 == 0) {
            r.value += cents.value / 100;  // "twenty dollar and 43": nothing else could the 43 be
            r.last = cents.last;
        } else if (!and && r.currency != null && d.at(r.last).type == Token.LATIN && r.num != null
                && (unit == Doc.NONE || unit.type == Token.SYMBOL && unit.sym == '.') && cents.plainDigits
                && d.at(k).integerDigits == 2) {
            r.value += cents.value / 100;  // 17 USD 25
            r.last = cents.last;
        }
    }

    /** Units of measure and time after the number: 15,000 tonnes, 5 km, خمسة أشهر, 30 ثانية. */
    private boolean unitAfter(Reading r, int k) {
        Token t = d.at(k);
        if (!t.isWord() || !wordsKnown) {
            return false;
        }
        Word w = t.entry;
        if ((w == null || w.unit == null) && t.type == Token.ARABIC) {
            w = looseArabic(k);
        }
        if (w == null || w.unit == null || t.stemOffset != 0 || t.definite) {
            return false;
        }
        if (t.type == Token.LATIN && t.end - t.start <= 2 && !d.attached(k - 1) && r.num.words
                && d.at(r.num.first).type != Token.DIGITS) {
            return false;  // "five m" is not five metres
        }
        int last = k;
        String unit = w.unit;
        if (unit.equals("kg") && t.type == Token.ARABIC && Normalizer.key(d.surface(k + 1)).equals("متر")) {
            unit = "km";  // كيلو متر
            last = k + 1;
        }
        String next = Normalizer.key(d.surface(last + 1));
        if (next.equals("مربع") || next.equals("square") && d.english) {
            unit = unit + "2";
            last++;
        } else if (next.equals("مكعب")) {
            unit = unit + "3";
            last++;
        }
        if (d.english && k > 0 && "square".equalsIgnoreCase(d.surface(k - 1))) {
            return false;
        }
        if (d.english && unit.equals("barrel") && "per".equalsIgnoreCase(d.surface(last + 1))
                && "day".equalsIgnoreCase(d.surface(last + 2))) {
            unit = "barrel per day";  // the same unit as bpd
            last += 2;
        }
        r.kind = w.unitKind;
        r.unit = unit;
        r.last = last;
        if (w.unitKind == FigureKind.DURATION) {
            r.iso = duration(r.value, w.isoDesignator);
        }
        return true;
    }

    static String duration(double value, String designator) {
        double v = value;
        String unit = designator;
        if (designator.startsWith("10")) {
            v *= designator.startsWith("100") ? 100 : 10;
            unit = "Y";
        }
        String num = v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
        return unit.startsWith("T") ? "PT" + num + unit.substring(1) : "P" + num + unit;
    }

    // ---- ranges ---------------------------------------------------------------------------------------------

    /**
     * 5-10, between 5 and 10, من 5 إلى 10, from 49 to 51 billion dollars: two readings joined into a RANGE that
     * keeps their unit or currency. A word connector needs a "from"/"between" before the first number, or
     * "rose 5 pct to 10 pct" would read as a range.
     */
    private int rangeOrEmit(Reading a) {
        int c = a.last + 1;
        int prefix = a.first - 1;
        boolean between = d.at(prefix).has(Word.BETWEEN) && d.at(prefix).stemOffset == 0;
        boolean from = d.at(prefix).has(Word.FROM) && d.at(prefix).stemOffset == 0;
        boolean dash = d.isDash(c) && !(d.at(c + 1).lineBefore) && !d.at(c).paragraphBefore && (d.attached(a.last) == d.attached(c));
        boolean word = between && d.isAndWord(c) || (between || from) && d.at(c).has(Word.TO) && d.at(c).stemOffset == 0;
        if (a.kind == FigureKind.DATE || !(dash || word) || a.num == null) {
            emit(a);
            return a.last + 1;
        }
        int b0 = c + 1;
        Reading b = null;
        if (a.kind == FigureKind.MONEY && a.first < a.num.first) {
            int save = out.size();
            int end = moneyPrefixed(b0);
            if (end > b0) {
                FigureMention m = out.remove(save);
                b = new Reading();
                b.kind = m.kind();
                b.value = m.value();
                b.currency = m.currency();
                b.last = end - 1;
            }
        }
        if (b == null) {
            Num n = NumberGrammar.cardinal(d, b0, a.kind == FigureKind.MONEY);
            if (n == null || n.ordinal || n.first != b0 || label(n) > b0) {
                emit(a);
                return a.last + 1;
            }
            b = read(n);
            if (b.kind == FigureKind.DATE) {
                b.kind = FigureKind.NUMBER;
                b.iso = null;
                b.last = n.last;
            }
        }
        boolean compatible = a.kind == b.kind && equal(a.unit, b.unit) && equal(a.currency, b.currency)
                || a.kind == FigureKind.NUMBER;
        double min = a.value;
        if (a.kind == FigureKind.NUMBER && b.num != null && b.num.hasScale && a.num != null && !a.num.hasScale
                && a.value < 1000 && b.num.lastScale > 1 && a.value * b.num.lastScale <= b.value) {
            min = a.value * b.num.lastScale;  // between 5 and 10 million
        }
        if (!compatible || (dash && min >= b.value) || (word && !between && min > b.value)) {
            emit(a);
            return a.last + 1;
        }
        int first = (between || from) && word ? prefix : a.first;
        if (d.arabic && between && "ما".equals(d.surface(prefix - 1))) {
            first = prefix - 1;
        }
        String unit = b.unit != null ? b.unit : b.kind == FigureKind.PERCENT ? "percent" : null;
        if (b.kind == FigureKind.DURATION || b.kind == FigureKind.QUANTITY || b.kind == FigureKind.COUNT) {
            unit = b.unit;
        }
        if (b.family != null && b.currency == null) {
            bareCurrency.add(new Object[] {out.size(), b.family});
        }
        emit(FigureKind.RANGE, null, min, b.value, null, unit, b.currency, first, b.last);
        return b.last + 1;
    }

    private static boolean equal(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    // ---- ordinals and duals ---------------------------------------------------------------------------------

    private void emitEnglishOrdinal(int first, int last, double value) {
        String unit = null;
        if (d.english) {
            unit = Nouns.englishAfter(d, last + 1, new int[1]);
            Word next = d.at(last + 1).entry;
            if (unit == null && next != null && next.unit != null) {
                unit = next.unit;  // the second week
            }
        }
        emit(FigureKind.ORDINAL, value, null, null, null, unit, null, first, last);
    }

    private int ordinal(int i) {
        if (!d.arabic) {
            return i;
        }
        Token t = d.at(i);
        int[] ord = NumberGrammar.arabicOrdinal(d, i);
        if (ord == null) {
            if (t.definite && t.isNumberWord() && t.entry.numClass == Word.HUNDRED && t.entry.number == 100
                    && !d.at(i - 1).has(Word.IN)) {
                emit(FigureKind.NUMBER, 100.0, null, null, null, null, null, i, i);  // المائة
                return i + 1;
            }
            return i;
        }
        if (ord[0] == 1 && "أول".equals(Normalizer.clean(d.text, t.start, t.end)) && d.at(i + 1).entry != null && d.at(i + 1).entry.dayOffset != 0) {
            return i;  // أول أمس is a date
        }
        String after = Normalizer.key(d.surface(ord[1] + 1));
        if (after.equals("بن") || after.equals("بنت") || after.equals("ابن")) {
            return ord[1] + 1;  // ثاني بن أحمد: a given name, not "second"
        }
        String unit = Nouns.arabicBefore(d, i - 1);
        emit(FigureKind.ORDINAL, (double) ord[0], null, null, null, unit, null, i, ord[1]);
        return ord[1] + 1;
    }

    /** يومين, دولتين, شهرين: an Arabic dual counts two of its noun by itself. */
    private int dual(int i) {
        Token t = d.at(i);
        Word w = t.entry;
        if (!d.arabic || w == null || !w.dual) {
            return i;
        }
        Word singular = d.lexicon.get(w.singular);
        if (singular != null && singular.unit != null) {
            emit(singular.unitKind, 2.0, null, null,
                    singular.unitKind == FigureKind.DURATION ? duration(2, singular.isoDesignator) : null,
                    singular.unit, null, i, i);
        } else if (singular != null && singular.currencyFamily != null) {
            emit(FigureKind.MONEY, 2.0, null, null, null, null, singular.currencyDefault, i, i);
        } else {
            emit(FigureKind.COUNT, 2.0, null, null, null, w.singular, null, i, i);
            lastCountUnit = w.singular;
            lastCountEnd = i;
        }
        return i + 1;
    }

    // ---- output ---------------------------------------------------------------------------------------------

    private void emit(Reading r) {
        if (r.family != null && r.currency == null) {
            bareCurrency.add(new Object[] {out.size(), r.family});
        }
        if (r.bareDefault && r.kind == FigureKind.MONEY) {
            bareFamily.put(out.size(), r.family);
            bareDollars.add(out.size());
        }
        if (r.kind == FigureKind.MONEY || r.kind == FigureKind.QUANTITY && r.num != null && r.num.hasScale) {
            lastMeasureKind = r.kind;
            lastMeasureUnit = r.unit;
            lastMeasureCurrency = r.currency;
            lastMeasureEnd = r.last;
            lastMeasureFamily = r.bareDefault ? r.family : null;
        }
        emit(r.kind, r.value, null, null, r.iso, r.unit, r.currency, r.first, r.last);
        if (r.kind == FigureKind.COUNT) {
            lastCountUnit = r.unit;
            lastCountEnd = r.last;
        }
    }

    private void emit(FigureKind kind, Double value, Double min, Double max, String iso, String unit,
                      String currency, int first, int last) {
        Token head = d.at(first);
        int start = head.start;
        if (head.type == Token.ARABIC && (head.conjunction || head.preposition && !head.definite)) {
            // و, ف, ب, ل glued to the first word are not part of the figure: وخمسة → خمسة
            int letters = (head.conjunction ? 1 : 0) + (head.preposition && !head.definite ? 1 : 0);
            while (letters > 0 && start < head.end) {
                if (Normalizer.isArabicLetter(d.text.charAt(start))) {
                    letters--;
                }
                start++;
            }
            while (start < head.end && Normalizer.isArabicMark(d.text.charAt(start))) {
                start++;
            }
        }
        int end = d.at(last).end;
        if (kind == FigureKind.DATE || kind == FigureKind.RANGE) {
            value = null;
        }
        out.add(new FigureMention(kind, value, min, max, iso, unit, currency, d.text.substring(start, end), start,
                end));
    }

    private static boolean[] isoIndex() {
        boolean[] index = new boolean[26 * 26 * 26];
        for (String code : ISO_CODES) {
            if (code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
                index[((code.charAt(0) - 'A') * 26 + code.charAt(1) - 'A') * 26 + code.charAt(2) - 'A'] = true;
            }
        }
        return index;
    }

    private static Set<String> isoCodes() {
        java.util.HashSet<String> codes = new java.util.HashSet<>();
        for (Currency c : Currency.getAvailableCurrencies()) {
            codes.add(c.getCurrencyCode());
        }
        codes.remove("ALL");  // the Albanian lek's code is an English word
        codes.remove("TOP");
        codes.remove("CUP");
        return Set.copyOf(codes);
    }
}
