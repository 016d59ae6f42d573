package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;
import io.newsflow.extraction.FigureMention;
import io.newsflow.extraction.Folding;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks one story's tokens left to right, asks the recognizers what starts at each token, and keeps one figure per
 * stretch of text: where two recognizers could read the same tokens, the order below decides, and a kept figure
 * consumes its tokens, so figures never overlap and nothing backtracks over the text.
 *
 * <ol>
 *   <li>phone numbers, dates, money written currency first, Arabic ordinals (before cardinals: العشرون after a
 *   noun is "the twentieth");
 *   <li>a number phrase: labels (G20, المادة 5), English ordinals, then what follows the number decides its kind:
 *   percent, money, quantity, duration, year, counted noun, else a plain number;
 *   <li>Arabic nouns that count by themselves: duals (يومين), a unit with a fraction (ساعة ونصف).
 * </ol>
 *
 * The resolver also joins two figures into a range ({@link RangeRecognizer}), remembers what the story said so far
 * (a bare "from 4.12 billion" repeats the measure before it; an Arabic list carries its noun over; "the previous
 * month" counts back from the last date) and decides the story-level currency at the end ({@link StoryCurrency}).
 */
final class FigureResolver {

    private final Doc d;
    private final List<FigureMention> out = new ArrayList<>();
    private final StoryCurrency currency = new StoryCurrency();
    /** The last money or scaled quantity, which a bare "from 430 mln" / "مقابل 300 مليون" after it repeats. */
    private Candidate lastMeasure;
    /** The last duration, percentage or quantity, which a bare number set against it measures (two years from one). */
    private Candidate lastSetAgainst;
    /** The last counted noun, which an Arabic list carries over (و24 مشاركاً من السعودية، واثنين من البحرين). */
    private Candidate lastCount;
    /** The last date that "the previous month" can count back from. */
    private String lastDate;

    /** The first token after the last figure emitted: a figure never reaches back over another. */
    private int free;

    FigureResolver(Doc d) {
        this.d = d;
    }

    List<FigureMention> resolve() {
        int i = 0;
        while (i < d.size()) {
            int next = at(i);
            i = next > i ? next : i + 1;
        }
        currency.decide(d, out);
        HeadlineMeasures.fill(d, out);
        return out;
    }

    /** Reads what starts at token i; returns the token after what was consumed, or i when nothing was. */
    private int at(int i) {
        Token t = d.at(i);
        if (t.isWord() && (t.entry == null || t.entry.startsNoFigure(t.type == TokenType.ARABIC))
                && !MoneyRecognizer.isIsoCode(d, t)
                || t.type == TokenType.SYMBOL && !mayStartFigure(t)) {
            Candidate dual = ArabicDuals.at(d, i);  // most tokens: nothing the lexicon knows starts here
            if (dual != null) {
                emit(dual);
                remember(dual);
            }
            return dual == null ? i : i + 1;
        }
        if (d.arabic && t.type == TokenType.LATIN && t.capitalized && t.entry != null && (t.isNumberWord()
                || t.entry.ordinal > 0 || t.entry.denominator > 0)) {
            return i + 1;  // "First They Killed My Father", One Plus One: in an Arabic story a title or a name
        }
        Proposal p = LabelRecognizer.phoneAt(d, i);
        if (p == null) {
            p = DateRecognizer.at(d, i, lastDate);
        }
        if (p == null) {
            p = MoneyRecognizer.prefixed(d, i);
        }
        if (p == null && d.arabic && t.definite) {
            p = NamedNumbers.arabicGroup(d, i);
        }
        if (p == null && d.arabic && (t.definite || t.entry != null && t.entry.ordinal > 0)) {
            p = OrdinalRecognizer.arabicAt(d, i);
        }
        if (p == null) {
            p = number(i);
        }
        if (p == null) {
            p = ArabicDuals.byItself(d, i);
        }
        if (p == null) {
            p = CoordinatedDuals.at(d, i);
        }
        if (p instanceof Candidate c && c.first() < free) {
            return c.last() + 1;  // دولتان اثنتان: a number agreeing with a noun already counted adds no figure
        }
        if (p instanceof Candidate date && date.kind() == FigureKind.DATE) {
            Candidate bound = RangeRecognizer.yearBeforeMeasure(d, date, this::read);
            p = bound != null ? bound : p;  // من 2000 إلى 4000 ملغ: the first bound only looks like a year
        }
        if (p instanceof Candidate c) {
            RangeRecognizer.Range range = RangeRecognizer.after(d, c, this::read);
            if (range != null) {
                currency.reading(range.lower());
                currency.reading(range.upper());
                emit(range.figure());
                rememberMeasure(range.upper());
                if (range.upper().kind() == FigureKind.QUANTITY) {
                    lastSetAgainst = range.upper();  // between 90,000 and 95,000 hectares against 82,000
                }
                return range.figure().last() + 1;
            }
            Candidate figure = RangeRecognizer.changeFrom(d, c, this::read);
            if (figure.kind() == FigureKind.NUMBER && figure.unit() == null && figure.number() != null) {
                // asked only of a bare number that bounds no range: بين 200 و300 ألف شخص counts persons
                Candidate counted = TheirNumber.ofNamedPlural(d, figure.number());
                counted = counted != null ? counted : TheirNumber.of(d, figure.number());
                figure = counted != null ? counted : figure;
            }
            currency.reading(figure);
            emit(figure);
            remember(figure);
        }
        return p == null ? i : p.last() + 1;
    }

    private boolean mayStartFigure(Token t) {
        char c = t.sym;
        return c == '+' || c == '-' || c == '.' || d.lexicon.symbol(c) != null;
    }

    private Proposal number(int i) {
        NumberPhrase n = NumberRecognizer.at(d, i, false);
        if (n == null || !d.wordsKnown && n.words()) {
            return null;
        }
        Proposal label = LabelRecognizer.at(d, n);
        if (label != null) {
            return label;
        }
        Proposal ordinal = EnglishOrdinals.at(d, n);
        if (ordinal == null) {
            ordinal = OrdinalRecognizer.afterArticle(d, n);
        }
        if (ordinal == null) {
            ordinal = ArabicRanks.at(d, n);
        }
        if (ordinal != null) {
            return ordinal;
        }
        Proposal vague = VagueNumbers.at(d, n);
        return vague != null ? vague : read(n);
    }

    /** What the number phrase n is, from the words around it, in the order the recognizers are tried. */
    private Candidate read(NumberPhrase n) {
        int k = n.last() + 1;
        boolean bracketed = d.isSymbol(k, ')') && d.isSymbol(n.first() - 1, '(')
                || d.isSymbol(k, '\u00BB') && d.isSymbol(n.first() - 1, '\u00AB')
                || d.isSymbol(k, '\u201D') && d.isSymbol(n.first() - 1, '\u201C')
                || d.isSymbol(k, '\u201D') && d.isSymbol(n.first() - 1, '\u201D')  // ” 18 ” مكتبا: one mark both sides
                || d.isSymbol(k, '"') && d.isSymbol(n.first() - 1, '"');
        Token scale = d.at(k + 1);
        boolean scaleAfter = scale.isNumberWord() && scale.entry.numClass == NumberClass.SCALE;
        Token digits = d.at(n.first());
        Token hundred = d.at(k + 2);
        // (67,898,290) مليون ريال, ( 37,775.000) مليون, (4.8) في المائة, (2.5)%: grouped digits or a decimal in
        // brackets go with a scale, a currency or a percent after them, in Arabic a decimal also with a listed unit
        // or noun
        boolean percent = scale.has(Role.PERCENT) || d.isSymbol(k + 1, '%') || d.isSymbol(k + 1, '\u066A')
                || scale.has(Role.IN) && hundred.isNumberWord() && hundred.entry.number == 100;
        boolean measured = n.first() == n.last() && digits.type == TokenType.DIGITS && !digits.dotted
                && (scale.entry != null && (scaleAfter || scale.entry.currencyFamily != null)
                || digits.decimal && (percent || d.arabic && !scale.lineBefore && scale.entry != null  // (390.5) جرام
                && (scale.entry.unit != null || scale.entry.singular != null && !scale.entry.dual)));  // (7.8) ولادة
        // (13.845) نقطة: Arabic thousands after one dot, read like plain digits
        boolean thousands = d.arabic && n.first() == n.last() && DigitForms.dotBeforeThree(d, digits);
        // فيتو 21/ عاما/, 600/ متر/: a wire's slashes around the measure of the number before them
        boolean slashed = d.arabic && n.plainDigits() && d.isSymbol(k, '/') && d.attached(n.last())
                && d.at(k + 1).isWord() && d.isSymbol(k + 2, '/') && !d.isSymbol(n.first() - 1, '/')
                && !d.at(k + 1).lineBefore && !d.lexicon.opensHijriMonth(d.surface(k + 1));
        // ( 354863 ) شخصاً, " 239 " مراجعاً: Arabic writers also set a space inside the marks
        boolean spaced = d.arabic && n.first() == n.last() && digits.type == TokenType.DIGITS && !digits.dotted
                && !digits.lineBefore;
        if (slashed || ((n.plainDigits() || n.words() || thousands) && (d.attached(n.first() - 1) || spaced)
                || measured) && bracketed && (d.attached(n.last()) || spaced) && !d.at(k + 1).paragraphBefore) {
            // (30) عاماً, «20» مليون دولار, “أربع” مواد: a number in brackets or quotes is read with the words
            // after them, and the figure spans the marks
            double multiplier = scaleAfter && scale.entry.number >= 1e6 && n.value() >= scale.entry.number
                    ? 1 : scaleAfter ? scale.entry.number : 1;  // the digits may already write the whole amount
            NumberPhrase m = scaleAfter ? n.scaled(n.value() * multiplier, k + 1, scale.entry.number) : n;
            if (m == n && scale.isNumberWord()) {
                return read(n, k);
            }
            Candidate c = read(m, m.last() + 1 + (m == n ? 1 : 0));
            if (thousands && c.kind() == FigureKind.COUNT && c.value() % 1 != 0) {
                c = c.valued(c.value() * 1000, c.last());  // (22.790) حبة: no one counts a fraction of pills
            }
            return c.last() > k ? c.spanning(slashed ? n.first() : n.first() - 1, c.last()) : c;
        }
        return read(n, k);
    }

    private Candidate read(NumberPhrase n, int k) {
        if (d.at(k).paragraphBefore) {
            // a figure never runs into the next paragraph ("300\n\nطفلاً", a wire table's next line)
            if (n.plainDigits() && d.isYear(n.first())) {
                return Candidate.of(FigureKind.DATE, n).as(FigureKind.DATE, null, d.at(n.first()).digits,
                        n.first(), n.last());
            }
            return orNumber(Ellipsis.measure(d, n, lastMeasure), n);
        }
        Candidate c = PercentRecognizer.after(d, n, k);
        if (c == null) {
            c = MoneyRecognizer.after(d, n, k);
        }
        if (c == null && d.english && d.isDash(k) && d.attached(k - 1) && d.attached(k)) {
            c = MoneyRecognizer.after(d, n, k + 1);  // a 1,750,000-dlr loan, a 50-dlr fee
        }
        if (c == null) {
            c = UnitRecognizer.after(d, n, k);  // before the era's mark: 1000م3 is cubic metres
        }
        if (c == null) {
            c = MeemReadings.after(d, n, k);  // لمسافة 140م, بمساحة 1200م, الحرارة 46م
        }
        if (c == null) {
            c = Years.byEra(d, n, k);
        }
        if (c == null) {
            c = DurationRecognizer.after(d, n, k);
        }
        if (c == null) {
            c = Years.year(d, n);
            if (c != null && !d.at(n.first() - 1).has(Role.YEAR_WORD) && CountRecognizer.nounFollows(d, n)) {
                c = null;  // 1987 people; but عام 2009 محاولة اغتيال is a year
            }
        }
        if (c != null) {
            return c;
        }
        if (d.arabic && d.at(n.first() - 1).has(Role.YEAR_WORD) && n.plainDigits() && n.value() < 100
                && !CountRecognizer.nounFollows(d, n)) {
            return Candidate.of(FigureKind.NUMBER, n);  // عام 15: not a year of the era; هذا العام 30 دورة counts
        }
        c = PercentRecognizer.before(d, n);
        if (c == null) {
            c = CarriedCounts.others(d, n, k, lastCount);  // three banks ... four others
        }
        if (c != null) {
            return c;
        }
        Candidate count = d.wordsKnown ? CountRecognizer.after(d, n, k) : null;
        if (count != null && count.last() >= k && DurationRecognizer.yearNamedAt(d, k)) {
            count = null;  // 584 ألفا عام 2013 counts no years; حالة واحدة عام 2010 keeps its noun
        }
        if (count == null && d.arabic && quotedWord(k) && !d.at(n.last()).decimal) {
            count = CountRecognizer.after(d, n, k + 1);  // قتل 241 «إرهابيا», 110 "شمندورات": the noun in quotes
        }
        Nouns.Noun compound = count == null && d.english ? EnglishNouns.compound(d, n, k) : null;
        if (compound != null) {
            count = Candidate.of(FigureKind.COUNT, n).as(FigureKind.COUNT, compound.singular(), null, n.first(),
                    compound.last());  // an 18 member panel
        }
        if (count != null && d.english && n.hasScale() && d.lexicon.in(WordList.BALANCE, count.unit())) {
            // a 71 mln deficit: money of the story, the noun says which side
            Candidate balance = Ellipsis.measure(d, n, lastMeasure);
            if (balance != null) {
                return balance;
            }
            count = count.spanning(count.first(), k);
        }
        if (count != null) {
            return count;
        }
        c = Alternatives.partOf(d, n, k, this::read);  // سبعة من أصل 115 معتقلا
        c = c != null ? c : CarriedCounts.ofThem(d, n, k, lastCount);
        c = c != null ? c : TheirNumber.ofThemNamed(d, n, k,
                lastCount != null && d.sameSentence(lastCount.last(), n.first()) ? lastCount.last() : -1);
        if (c != null) {
            return c;
        }
        if (n.hasScale() && lastMeasure != null && !d.sameSentence(lastMeasure.last(), n.first())) {
            c = TheirNumber.ofNamedPlural(d, n);  // عدد الركاب من مليونين: a count, not the money of sentences before
        }
        c = c != null ? c : Ellipsis.measure(d, n, lastMeasure);
        if (c == null) {
            c = Ellipsis.setAgainst(d, n, lastSetAgainst);
        }
        if (c != null) {
            return c;
        }
        c = SharedCounts.ahead(d, n, k);  // قتل 16 وجرح 30 من الثوار: the noun the next number's partitive names
        c = c != null ? c : TheirNumber.ofTheNumber(d, n, lastCount);  // 4200 موظف ... يرتفع العدد إلى خمسة آلاف
        c = c != null ? c : SharedCounts.shareOut(d, n, k, lastCount);  // أربعة مدنيين قتلوا، واحد في كشمير
        c = c != null ? c : CarriedCounts.joined(d, n, k, lastCount);
        return c != null ? c : orNumber(Alternatives.before(d, n, k, this::read), n);
    }

    /** A single word in quotation marks opens at k, longer than a particle (311 «نعم» counts votes). */
    private boolean quotedWord(int k) {
        Token word = d.at(k + 1);
        return d.isSymbolIn(k, QUOTES) && word.isWord() && word.end - word.start > 3 && d.isSymbolIn(k + 2, QUOTES);
    }

    private static final String QUOTES = Doc.OPENING_QUOTES + Doc.CLOSING_QUOTES;

    private static Candidate orNumber(Candidate c, NumberPhrase n) {
        return c != null ? c : Candidate.of(FigureKind.NUMBER, n);
    }

    /** What the story has now said: its last measure, counted noun and date. */
    private void remember(Candidate c) {
        rememberMeasure(c);
        if (c.kind() == FigureKind.COUNT) {
            lastCount = c;
        }
        if (c.kind() == FigureKind.DURATION || c.kind() == FigureKind.PERCENT || c.kind() == FigureKind.QUANTITY) {
            lastSetAgainst = c;
        }
        if (c.kind() == FigureKind.DATE && RelativeDates.isReference(c.iso())) {
            lastDate = c.iso();
        } else if (c.kind() == FigureKind.DATE && c.iso() != null && c.iso().matches("\\d{4}/\\d{4}")) {
            lastDate = c.iso().substring(5);  // بين 1845 و1849 ... العام السابق: back from the year read last
        }
    }

    private void rememberMeasure(Candidate c) {
        NumberPhrase n = c.number();
        if (n != null && (c.kind() == FigureKind.MONEY || c.kind() == FigureKind.QUANTITY && n.hasScale())) {
            lastMeasure = c;
        }
    }

    /**
     * A value as the text wrote it: scaling in binary leaves 32.7 mln at 32700000.000000004, so a value within a
     * few units in the last place of a whole number is that whole number.
     */
    private static Double decimal(Double v) {
        if (v == null) {
            return null;
        }
        double whole = Math.rint(v);
        return whole != v && Math.abs(v - whole) <= 1e-12 * Math.abs(v) ? whole : v;
    }

    private void emit(Candidate c) {
        free = c.last() + 1;
        currency.figure(c, out.size());
        Token head = d.at(c.first());
        int start = head.start;
        int own = ArabicDuals.ownNounAt(d, c);
        if (head.type == TokenType.ARABIC && (head.conjunction || head.preposition && !head.definite || own > 0)) {
            // و, ف, ب, ل glued to the first word are not part of the figure: وخمسة → خمسة
            int letters = own >= 0 ? own : (head.conjunction ? 1 : 0) + (head.preposition && !head.definite ? 1 : 0);
            while (letters > 0 && start < head.end) {
                if (Normalizer.isArabicLetter(d.text.charAt(start))) {
                    letters--;
                }
                start++;
            }
            while (start < head.end && Folding.isArabicMark(d.text.charAt(start))) {
                start++;
            }
        }
        int end = d.at(c.last()).end;
        boolean valued = c.kind() != FigureKind.DATE && c.kind() != FigureKind.RANGE;
        out.add(new FigureMention(c.kind(), valued ? decimal(c.value()) : null, decimal(c.min()), decimal(c.max()),
                c.iso(), c.unit(),
                c.currency(), d.text.substring(start, end), start, end));
    }
}
