package io.newsflow.extraction.figures;

import java.util.Locale;

/**
 * Fractions: standing alone (half, a quarter, نصف, ربع مليون), bound to the number before them (and a half, ونصف,
 * three quarters, ثلاثة أرباع, twenty-three fifths), the wire's mixed fractions (7-1/8) and ratios written out
 * (X over Y, 1 in 4, واحد من ثلاثة).
 *
 * <p>Arabic numerators 3-10 take the plural (ثلاثة أرباع: the fraction binds to the last part, so مئة وثلاثة أرباع
 * is 100.75) while 11 and up take the singular (ثلاث وعشرون خمس: the whole is divided). Ambiguous words (خمس is
 * "five" and "a fifth") are read as fractions only where the cardinal reading is ungrammatical; ثمن ("an eighth",
 * but mostly "price") stands alone only where {@link ArabicParts} finds the price cannot be meant.
 */
final class FractionRecognizer {

    /** A fraction that follows a unit and adds to its count: ساعات ونصف, years and a half. */
    record Part(double value, int last) {
    }

    private FractionRecognizer() {
    }

    /** The part of the phrase n after its last "and", when it runs to the end of n. */
    private static NumberPhrase afterLastAnd(Doc d, NumberPhrase n) {
        for (int a = n.last() - 1; a > n.first(); a--) {
            if (d.isAndWord(a)) {
                NumberPhrase part = NumberRecognizer.phrase(d, a + 1, false);
                return part != null && part.last() == n.last() ? part : null;
            }
        }
        return null;
    }

    /** "ونصف", "وربع", "and a half" at k, after a unit: the part it adds, or null. */
    static Part partAfter(Doc d, int k) {
        Token f = d.at(k);
        if (d.arabic && f.type == TokenType.ARABIC && f.conjunction && f.entry != null && f.entry.denominator > 0
                && f.entry.fractionForm == GrammaticalNumber.SINGULAR && !f.entry.isNumber()) {
            return new Part(1 / f.entry.denominator, k);
        }
        Word w = d.at(k + 2).entry;
        if (d.english && d.isAndWord(k) && d.at(k + 1).has(Role.PER) && d.at(k + 1).end - d.at(k + 1).start <= 2
                && w != null && w.denominator > 0 && w.fractionForm == GrammaticalNumber.SINGULAR && w.ordinal == 0) {
            return new Part(1 / w.denominator, k + 2);  // a half, a quarter; "and a third party" ranks
        }
        return null;
    }

    /** The phrase n with the fraction bound to it, if one follows: "and a half", "ونصف", "three quarters". */
    static NumberPhrase tail(Doc d, NumberPhrase n) {
        if (n.ordinal()) {
            return scaleOrdinalOf(d, n);
        }
        int k = n.last() + 1;
        double scale = n.lastClass() == NumberClass.SCALE ? n.lastScale() : 1;
        Token t = d.at(k);
        int c = -1;
        if (d.isAndWord(k)) {
            c = k + 1;
        } else if (t.type == TokenType.ARABIC && t.conjunction) {
            c = k;
        }
        if (c >= 0) {
            return joined(d, n, c, scale);
        }
        Word half = d.at(k + 5).entry;
        if (d.english && d.isDash(k) && d.attached(k - 1) && d.attached(k) && d.isAndWord(k + 1) && d.isDash(k + 2)
                && d.at(k + 3).has(Role.PER) && d.isDash(k + 4) && d.attached(k + 4) && half != null
                && half.denominator > 0 && half.fractionForm == GrammaticalNumber.SINGULAR) {
            return n.extended(n.value() + scale / half.denominator, k + 5);  // a two-and-a-half-week strike
        }
        if (d.english && d.isDash(k) && (d.at(k).spaceBefore || d.attached(k)) && d.at(k + 1).entry != null
                && d.at(k + 1).entry.denominator > 0) {
            k++;  // "five - eighths", "two-thirds", "one-quarter"
            t = d.at(k);
        }
        Word f = t.entry;
        if (d.english && n.words() && n.value() == 1 && n.first() == n.last() && !n.ordinal()) {
            NumberPhrase over = ordinalDenominator(d, k);
            if (over != null) {
                return n.extended(1 / over.value(), over.last());  // one one hundred fifth
            }
        }
        if (d.english && n.words() && t.isNumberWord() && t.entry.numClass == NumberClass.TENS && k == n.last() + 1) {
            NumberPhrase compound = compoundDenominator(d, n, k);
            if (compound != null) {
                return compound;
            }
        }
        NumberPhrase parts = d.arabic && k == n.last() + 1 ? ArabicParts.compoundDenominator(d, n, k) : null;
        if (parts != null) {
            return parts;
        }
        if (f == null || f.denominator == 0 || !n.words() || t.has(Role.JOINED_ONLY)) {
            return n;
        }
        if (d.english && f.fractionForm == GrammaticalNumber.PLURAL && f.denominator < 10
                && n.lastClass() == NumberClass.TENS && n.value() > n.lastPart() && k == n.last() + 1) {
            // one hundred thirty fifths: the tens before a unit ordinal belong to it (thirty-fifths)
            return n.extended((n.value() - n.lastPart()) / (n.lastPart() + f.denominator), k);
        }
        if (d.english && f.fractionForm == GrammaticalNumber.PLURAL && f.denominator >= 10 && n.lastAfterConnector()
                && n.partsSinceConnector() == 2 && k == n.last() + 1) {
            NumberPhrase decimals = afterLastAnd(d, n);
            if (decimals != null && decimals.value() < f.denominator) {
                // two hundred and fifty-four hundredths: "and" is the decimal point of the school reading, 200.54
                return n.extended(n.value() - decimals.value() + decimals.value() / f.denominator, k);
            }
        }
        if (f.fractionForm == GrammaticalNumber.PLURAL && !t.conjunction && f.unit != null && d.english
                && d.lexicon.in(WordList.SPAN_BEFORE, d.surface(n.first() - 1))
                && !"of".equalsIgnoreCase(d.surface(k + 1))) {
            return n;  // the next two quarters: a span of time, not a fraction
        }
        if (f.fractionForm == GrammaticalNumber.PLURAL && !t.conjunction) {
            boolean toLast = d.arabic || (n.lastAfterConnector() && n.partsSinceConnector() == 1);
            if (toLast && n.lastPart() != n.value()) {
                double part = n.lastPart() * (d.english ? n.scaleBeforeConnector() : 1);
                return n.extended(n.value() - n.lastPart() + part / f.denominator, k);
            }
            return n.extended(n.value() / f.denominator, k);
        }
        if (f.fractionForm == GrammaticalNumber.SINGULAR && d.arabic && n.value() >= 11 && !t.conjunction
                && !t.definite) {
            return n.extended(n.value() / f.denominator, k);  // ثلاث وعشرون خمس: eleven and up count with a singular
        }
        if (f.fractionForm == GrammaticalNumber.SINGULAR && d.english && n.value() == 1 && n.first() == n.last()) {
            return n.extended(1 / f.denominator, k);  // one third, one-quarter
        }
        return n;
    }

    /**
     * "three twenty-firsts", "five sixty fourths": tens and a plural unit ordinal after a numerator are one
     * denominator. Only plurals count: "three twenty-first" is not English, and the plural is what no rank has.
     */
    private static NumberPhrase compoundDenominator(Doc d, NumberPhrase n, int tens) {
        int u = d.isDash(tens + 1) && d.attached(tens) ? tens + 2 : tens + 1;
        Token unit = d.at(u);
        if (unit.type != TokenType.LATIN || unit.end - unit.start < 4 || d.text.charAt(unit.end - 1) != 's'
                || u == tens + 1 && unit.entry != null && unit.entry.unit != null) {
            return null;  // "three twenty seconds" may be a time; "three twenty-seconds" is not
        }
        Word ordinal = d.lexicon.get(d.surface(u).substring(0, unit.end - unit.start - 1).toLowerCase(Locale.ROOT));
        if (ordinal == null || ordinal.ordinal <= 0 || ordinal.ordinal >= 10 || ordinal.ordinalClass != NumberClass.UNIT) {
            return null;
        }
        return n.extended(n.value() / (d.at(tens).entry.number + ordinal.ordinal), u);
    }

    /**
     * "one millionth of a second", "three hundredth of": a numerator and a hundred or scale ordinal before "of" is
     * a part of a whole, not a rank (the three hundredth anniversary).
     */
    private static NumberPhrase scaleOrdinalOf(Doc d, NumberPhrase n) {
        Word last = d.at(n.last()).entry;
        if (!d.english || n.first() == n.last() || last == null || last.denominator == 0
                || !(last.ordinalClass == NumberClass.SCALE || last.ordinalClass == NumberClass.HUNDRED)
                || !"of".equalsIgnoreCase(d.surface(n.last() + 1))) {
            return n;
        }
        return NumberPhrase.ofWords(n.first(), n.last(), n.value() / last.denominator / last.denominator, false);
    }

    /** "three quarters of a million", "half of a billion": a fraction of a scale named with "of a". */
    static NumberPhrase ofScale(Doc d, NumberPhrase n) {
        int k = n.last() + 1;
        Token scale = d.at(k + 2);
        if (!d.english || !n.words() || n.value() >= 1 || n.hasScale() || !"of".equalsIgnoreCase(d.surface(k))
                || !d.at(k + 1).has(Role.PER) || d.at(k + 1).end - d.at(k + 1).start > 2 || !scale.isNumberWord()
                || scale.entry.numClass != NumberClass.SCALE || scale.has(Role.PLURAL_SCALE)
                || scale.has(Role.ABBREV_SCALE)) {
            return n;
        }
        return n.scaled(n.value() * scale.entry.number, k + 2, scale.entry.number);
    }

    /** A fraction after and/و at c: "and a half", "ونصف", "و ثلاثة أرباع", "and three quarters". */
    private static NumberPhrase joined(Doc d, NumberPhrase n, int c, double scale) {
        Token f = d.at(c);
        Word next = d.at(c + 1).entry;
        if (d.english && f.has(Role.PER) && next != null && next.fractionForm == GrammaticalNumber.SINGULAR) {
            Token second = d.at(c + 2);
            if (second.isNumberWord() && second.entry.numClass == NumberClass.SCALE
                    && !second.has(Role.PLURAL_SCALE)) {
                double scaleWord = second.entry.number;
                return n.hasScale()
                        ? n.extended(n.value() + scaleWord / next.denominator, c + 2)  // one billion and a quarter million
                        : n.scaled((n.value() + 1 / next.denominator) * scaleWord, c + 2, scaleWord);  // two and a half million
            }
            return n.extended(n.value() + scale / next.denominator, c + 1);  // "and a half"
        }
        Word w = f.entry;
        if (w != null && w.denominator > 0 && w.fractionForm != GrammaticalNumber.PLURAL
                && (d.arabic || w.fractionForm == GrammaticalNumber.SINGULAR)) {
            int numerator = w.fractionForm == GrammaticalNumber.DUAL ? 2 : 1;
            if (d.arabic && f.isNumberWord() && !(w.numClass == NumberClass.UNIT && n.lastClass() == NumberClass.UNIT)
                    && !(w.numClass == NumberClass.TENS && n.lastClass() == NumberClass.TENS)) {
                return n;  // وخمس after tens is "and five", not "and a fifth"
            }
            Token repeated = d.at(c + 1);
            if (d.arabic && scale == 1 && repeated.isNumberWord() && repeated.entry.numClass == NumberClass.SCALE
                    && !repeated.has(Role.PLURAL_SCALE) && !repeated.has(Role.DUAL_SCALE)) {
                double scaleWord = repeated.entry.number;  // ثلاثة ونصف مليون, as "three and a half million"
                return n.scaled((n.value() + (double) numerator / w.denominator) * scaleWord, c + 1, scaleWord);
            }
            // مليار ونصف المليار, ستة ملايين ونصف مليون: the scale said again
            int last = d.arabic && scale > 1 && repeated.isNumberWord() && !repeated.conjunction
                    && repeated.entry.number == scale ? c + 1 : c;
            return n.extended(n.value() + scale * numerator / w.denominator, last);
        }
        if (f.isNumberWord() && w.numClass == NumberClass.UNIT && next != null
                && next.fractionForm == GrammaticalNumber.PLURAL) {
            return n.extended(n.value() + scale * w.number / next.denominator, c + 1);
        }
        return n;
    }

    /** Half, a quarter, a third of, نصف, ربع مليون, half a dozen: fractions standing alone or scaling a scale. */
    static NumberPhrase standalone(Doc d, int i) {
        int k = i;
        boolean article = false;
        if (d.english && d.at(k).has(Role.PER)) {
            k++;
            article = true;
        }
        Token t = d.at(k);
        if (article && d.english && (t.entry == null || t.entry.denominator == 0)) {
            NumberPhrase over = ordinalDenominator(d, k);
            return over == null ? null : NumberPhrase.ofWords(i, over.last(), 1 / over.value(), false);
        }
        if (t.entry == null || t.entry.denominator == 0 || t.entry.fractionForm == GrammaticalNumber.PLURAL
                || t.conjunction || t.has(Role.JOINED_ONLY) || ArabicParts.knockoutRound(d, k)) {
            return null;
        }
        Word f = t.entry;
        double value = (f.fractionForm == GrammaticalNumber.DUAL ? 2.0 : 1.0) / f.denominator;
        boolean ambiguous = f.isNumber() || f.ordinal > 0
                || (d.arabic && f.denominator == 8 && !ArabicParts.eighth(d, k));
        int s = k + 1;
        if (d.english && d.at(s).has(Role.PER)) {
            s++;
        }
        Token scale = d.at(s);
        if (scale.isNumberWord() && scale.entry.numClass == NumberClass.SCALE && !scale.has(Role.PLURAL_SCALE)
                && !scale.has(Role.ABBREV_SCALE) && !scale.has(Role.DUAL_SCALE) && !(ambiguous && d.arabic)) {
            return NumberPhrase.ofWords(i, s, value * scale.entry.number, true);
        }
        if (ambiguous) {
            // "a third of", "a fifth", "a third were": with the article and nothing countable after it (a function
            // word other than "and": "a third and final round" ranks), an ordinal is a fraction.
            Token after = d.at(k + 1);
            if (!(article && d.english && (after.has(Role.FROM) || after == Doc.NONE
                    || after.type == TokenType.SYMBOL || "of".equals(d.surface(k + 1))
                    || after.has(Role.STOP) && !after.has(Role.AND) && !after.isNumberWord()))) {
                return null;
            }
        }
        Word joined = d.isDash(k + 1) && d.attached(k) && d.attached(k + 1) ? d.at(k + 2).entry : null;
        boolean ofUnit = "of".equals(d.surface(k + 1)) || joined != null && joined.unit != null;
        if (d.english && !article && f.denominator == 2 && d.at(k + 1).has(Role.PER) && measureAfter(d, k + 2)) {
            return NumberPhrase.ofWords(i, k + 1, value, false);  // half a percentage point, half an hour
        }
        if (d.english && !article && (!ofUnit || ranked(d, i - 1)
                || d.lexicon.in(WordList.PERIOD_RANK, d.surface(i - 1)))) {
            // "first quarter", "the second half of", "the last quarter of 1986": only "half of", "a half" or a
            // half joined to a unit (a possible half-hour cut) are amounts
            return null;
        }
        if (d.arabic && t.definite) {
            return null;  // الربع الأول is a quarter of the year
        }
        return NumberPhrase.ofWords(i, k, value, false);
    }

    /** A unit or a measure noun at k, which "half a" measures (half a percentage point, half a mile). */
    private static boolean measureAfter(Doc d, int k) {
        Token t = d.at(k);
        if (t.lineBefore && t.paragraphBefore) {
            return false;
        }
        if (t.entry != null && t.entry.unit != null) {
            return true;
        }
        Nouns.Noun noun = EnglishNouns.after(d, k, false);
        return noun != null && d.lexicon.in(WordList.MEASURE_NOUN, noun.singular());
    }

    /** The word at p is an ordinal (first, 3rd): the part after it is a period ranked, not an amount. */
    private static boolean ranked(Doc d, int p) {
        Token t = d.at(p);
        if (t.entry != null && t.entry.ordinal > 0 && t.has(Role.ORDINAL_END)) {
            return true;
        }
        return d.ordinalSuffixAfter(p - 1);
    }

    /**
     * An English ordinal phrase at k that is the denominator of a fraction in words ("a twenty-first", "one one
     * hundred fifth"): from the third on, with nothing countable after it, or "of" (a twenty-first century city is a
     * rank). Null otherwise.
     */
    static NumberPhrase ordinalDenominator(Doc d, int k) {
        if (!d.english || !d.at(k).isNumberWord()) {
            return null;
        }
        NumberPhrase o = NumberRecognizer.phrase(d, k, false);
        if (o == null || !o.ordinal() || o.value() < 3) {
            return null;
        }
        Token after = d.at(o.last() + 1);
        boolean nothingCounted = after == Doc.NONE || after.type == TokenType.SYMBOL || after.lineBefore
                || "of".equalsIgnoreCase(d.surface(o.last() + 1)) || after.has(Role.STOP);
        return nothingCounted ? o : null;
    }

    /**
     * X over Y, X على Y, 1 in Y, واحد من Y: a ratio written out. Only between bare numbers: "$100 over 5 years" and
     * "1.5 billion over five years" are two figures, not a quotient.
     */
    static NumberPhrase ratio(Doc d, NumberPhrase n, boolean moneyContext) {
        Token link = d.at(n.last() + 1);
        boolean over = link.has(Role.OVER) && link.stemOffset == 0;
        boolean oneIn = n.value() == 1 && link.stemOffset == 0 && (link.has(Role.FROM) && d.arabic
                || link.has(Role.IN));
        if (!(over || oneIn) || n.ordinal() || n.hasScale() || moneyContext) {
            return n;
        }
        if (link.has(Role.IN) && d.arabic && d.at(n.last() + 2).definite) {
            return n;  // في المئة is a percentage
        }
        NumberPhrase y = NumberRecognizer.phrase(d, n.last() + 2, false);
        if (y == null || y.value() == 0 || y.ordinal() || d.isYear(y.first())) {
            return n;
        }
        Word after = d.at(y.last() + 1).entry;
        if (y.hasScale() && over || after != null && (after.unit != null || after.namesCurrency()
                || after.has(Role.PERCENT)) || d.arabic && oneIn && !y.hasScale() && (y.value() <= 10 || !y.words())
                && Nouns.arabicAfter(d, y.last() + 1, y.value()) != null) {
            // 50 over 10 years, ليوم واحد في ثماني سنوات (for a single day in eight years): a unit after it makes
            // the second number a figure of its own, as a noun it counts does (واحدة من ثلاث جوائز, واحدا من 13
            // مؤتمرا: one of them)
            return n;
        }
        return n.compound(n.value() / y.value(), y.last(), y.words());
    }

    /**
     * Mixed numbers: a plain number, then a fraction below one, joined by a dash (7-1/8, the wire's way) or a single
     * space on the same line (3 1/2).
     */
    static NumberPhrase mixed(Doc d, NumberPhrase n) {
        int k = n.last() + 1;
        if (!n.plainDigits()) {
            return n;
        }
        int f0;
        if (d.isDash(k) && d.attached(n.last()) && d.attached(k)) {
            f0 = k + 1;
        } else if (d.at(k).type == TokenType.DIGITS && !d.at(k).lineBefore && d.at(k).start - d.at(n.last()).end == 1
                && !d.isYear(n.first())) {
            f0 = k;
        } else {
            return n;
        }
        Token numerator = d.at(f0);
        Token denominator = d.at(f0 + 2);
        boolean fraction = numerator.type == TokenType.DIGITS && !numerator.decimal && !numerator.grouped
                && d.isSymbol(f0 + 1, '/') && d.attached(f0) && d.attached(f0 + 1)
                && denominator.type == TokenType.DIGITS && !denominator.decimal && !denominator.grouped
                && numerator.value > 0 && numerator.value < denominator.value
                && !(d.isSymbol(f0 + 3, '/') && d.attached(f0 + 2));
        if (!fraction) {
            return n;
        }
        double value = n.value() + numerator.value / denominator.value;
        Token scale = d.at(f0 + 3);
        if (scale.isNumberWord() && scale.entry.numClass == NumberClass.SCALE && !scale.has(Role.PLURAL_SCALE)
                && !scale.has(Role.DUAL_SCALE) && scale.entry.number >= 1000) {
            return n.scaled(value * scale.entry.number, f0 + 3, scale.entry.number);  // 3 1/2 mln
        }
        return n.compound(value, f0 + 2, false);
    }
}
