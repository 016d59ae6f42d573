package io.newsflow.extraction.figures;

/**
 * Fractions: standing alone (half, a quarter, نصف, ربع مليون), bound to the number before them (and a half, ونصف,
 * three quarters, ثلاثة أرباع, twenty-three fifths), the wire's mixed fractions (7-1/8) and ratios written out
 * (X over Y, 1 in 4, واحد من ثلاثة).
 *
 * <p>Arabic numerators 3-10 take the plural (ثلاثة أرباع: the fraction binds to the last part, so مئة وثلاثة أرباع
 * is 100.75) while 11 and up take the singular (ثلاث وعشرون خمس: the whole is divided). Ambiguous words (خمس is
 * "five" and "a fifth") are read as fractions only where the cardinal reading is ungrammatical; ثمن ("an eighth",
 * but mostly "price") never stands alone.
 */
final class FractionRecognizer {

    private FractionRecognizer() {
    }

    /** The phrase n with the fraction bound to it, if one follows: "and a half", "ونصف", "three quarters". */
    static NumberPhrase tail(Doc d, NumberPhrase n) {
        if (n.ordinal()) {
            return n;
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
        if (d.english && d.isDash(k) && d.at(k).spaceBefore && d.at(k + 1).entry != null
                && d.at(k + 1).entry.fractionForm == GrammaticalNumber.PLURAL) {
            k++;  // "five - eighths"
            t = d.at(k);
        }
        Word f = t.entry;
        if (f == null || f.denominator == 0 || !n.words()) {
            return n;
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
        return n;
    }

    /** A fraction after and/و at c: "and a half", "ونصف", "و ثلاثة أرباع", "and three quarters". */
    private static NumberPhrase joined(Doc d, NumberPhrase n, int c, double scale) {
        Token f = d.at(c);
        Word next = d.at(c + 1).entry;
        if (d.english && f.has(Role.PER) && next != null && next.fractionForm == GrammaticalNumber.SINGULAR) {
            Token second = d.at(c + 2);
            if (second.isNumberWord() && second.entry.numClass == NumberClass.SCALE
                    && !second.has(Role.PLURAL_SCALE)) {
                return n.extended(n.value() + second.entry.number / next.denominator, c + 2);  // and a quarter million
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
            return n.extended(n.value() + scale * numerator / w.denominator, c);
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
        if (t.entry == null || t.entry.denominator == 0 || t.entry.fractionForm == GrammaticalNumber.PLURAL
                || t.conjunction) {
            return null;
        }
        Word f = t.entry;
        double value = (f.fractionForm == GrammaticalNumber.DUAL ? 2.0 : 1.0) / f.denominator;
        boolean ambiguous = f.isNumber() || f.ordinal > 0 || (d.arabic && f.denominator == 8);
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
            // "a third of", "a fifth": with the article and nothing countable after it, an ordinal is a fraction.
            Token after = d.at(k + 1);
            if (!(article && d.english && (after.has(Role.FROM) || after == Doc.NONE
                    || after.type == TokenType.SYMBOL || "of".equals(d.surface(k + 1))))) {
                return null;
            }
        }
        if (d.english && !article && !"of".equals(d.surface(k + 1))) {
            return null;  // "first quarter", "second half": only "half of" or "a half" are amounts
        }
        if (d.arabic && t.definite) {
            return null;  // الربع الأول is a quarter of the year
        }
        return NumberPhrase.ofWords(i, k, value, false);
    }

    /** X over Y, X على Y, 1 in Y, واحد من Y: a ratio written out. */
    static NumberPhrase ratio(Doc d, NumberPhrase n) {
        Token link = d.at(n.last() + 1);
        boolean over = link.has(Role.OVER) && link.stemOffset == 0;
        boolean oneIn = n.value() == 1 && link.stemOffset == 0 && (link.has(Role.FROM) && d.arabic
                || link.has(Role.IN));
        if (!(over || oneIn) || n.ordinal() || n.hasScale() && !over) {
            return n;
        }
        if (link.has(Role.IN) && d.arabic && d.at(n.last() + 2).definite) {
            return n;  // في المئة is a percentage
        }
        NumberPhrase y = NumberRecognizer.phrase(d, n.last() + 2, false);
        if (y == null || y.value() == 0 || y.ordinal() || d.isYear(y.first())) {
            return n;
        }
        return n.compound(n.value() / y.value(), y.last(), y.words());
    }

    /** 7-1/8 pct: the wire's mixed fraction, a plain number, a dash and a fraction below one, all touching. */
    static NumberPhrase mixed(Doc d, NumberPhrase n) {
        if (n.plainDigits() && d.isDash(n.last() + 1) && d.attached(n.last()) && d.attached(n.last() + 1)
                && d.at(n.last() + 2).type == TokenType.DIGITS && d.isSymbol(n.last() + 3, '/')) {
            NumberPhrase f = NumberRecognizer.at(d, n.last() + 2, false);
            if (f != null && f.value() > 0 && f.value() < 1) {
                return n.compound(n.value() + f.value(), f.last(), false);
            }
        }
        return n;
    }
}
