package io.newsflow.extraction.figures;

/**
 * The Arabic words for parts that other words share: fractions that are also cardinals (خمس, "five" and "a
 * fifth"), ثمن ("an eighth" and "price"), جزء من ("a part of") before a power of ten; and the parts past the
 * tenth that tens in the plural name (واحد وعشرونات).
 */
final class ArabicParts {

    private ArabicParts() {
    }

    /**
     * خمس السكان, خُمس: an Arabic word that is a cardinal 3-10 and a fraction is the fraction before a definite
     * noun, which the cardinal never counts (it takes an indefinite plural), before a noun of a whole (WHOLE: خمس
     * سكان البلاد, خمس مجموع الطلبة), which has parts but is not counted, or with the fraction's damma written.
     * ثمن, no cardinal, has {@link #eighth} instead.
     */
    static NumberPhrase ambiguousFraction(Doc d, int i) {
        Token t = d.at(i);
        Word f = t.entry;
        if (!d.arabic || f == null || f.denominator == 0 || f.denominator == 8 || !f.isNumber()
                || f.fractionForm != GrammaticalNumber.SINGULAR || t.definite || t.conjunction || t.preposition) {
            return null;
        }
        boolean damma = t.end - t.start > 2 && d.text.charAt(t.start + 1) == '\u064F';
        Token whole = d.at(i + 1);
        boolean ofWhole = whole.type == TokenType.ARABIC && whole.stemOffset == 0 && !whole.lineBefore
                && d.lexicon.in(WordList.WHOLE, d.stemKey(i + 1));  // خمس سكان البلاد, خمس إجمالي الناتج
        if (!damma && !ofWhole && !(Nouns.arabicDefinite(d, i + 1) && !whole.isNumberWord() && !whole.lineBefore)) {
            return null;
        }
        return NumberPhrase.ofWords(i, i, 1 / f.denominator, false);
    }

    /**
     * ثمن is "an eighth" (ثُمن) and "price" (ثَمَن): the eighth where its damma is written, or before a definite noun
     * of measure or of a whole's contents (ثمن الوزن, ثمن التركة), which has parts but no price.
     */
    static boolean eighth(Doc d, int k) {
        if (d.surface(k).contains("\u062B\u064F")) {
            return true;
        }
        String whole = Nouns.definiteStem(d, k + 1);
        return whole != null && !d.at(k + 1).lineBefore && d.lexicon.in(WordList.WHOLE, whole);
    }

    /**
     * جزء من المليون, جزء من ألف: "a part of" a power of ten in words is that part of one (a millionth), the way
     * Arabic names parts past the tenth; only with nothing counted after it, since جزء من مليون دولار is part of a sum.
     */
    static NumberPhrase partOf(Doc d, int i) {
        Token from = d.at(i + 1);
        if (!d.arabic || !from.has(Role.FROM) || from.stemOffset != 0 || !d.lexicon.in(WordList.PART, d.stemKey(i))) {
            return null;
        }
        NumberPhrase whole = NumberRecognizer.phrase(d, i + 2, false);
        if (whole == null || !whole.words() || whole.ordinal() || whole.value() < 10
                || Math.rint(Math.log10(whole.value())) != Math.log10(whole.value())) {
            return null;
        }
        Token after = d.at(whole.last() + 1);
        boolean nothingCounted = after == Doc.NONE || after.lineBefore || after.type == TokenType.SYMBOL
                || after.has(Role.STOP);
        return nothingCounted ? NumberPhrase.ofWords(i, whole.last(), 1 / whole.value(), false) : null;
    }

    /**
     * ثلاثة واحد وعشرونات (3/21), سبعة أربعونات (7/40): after a cardinal numerator, tens in the sound feminine
     * plural, with a unit joined to them by و, name the parts, as "three twenty-firsts" does. Only the nominative
     * ونات, since عشرينات is also a decade. The numerator n is followed by token k; null when no such denominator
     * starts there.
     */
    static NumberPhrase compoundDenominator(Doc d, NumberPhrase n, int k) {
        if (!d.arabic || !n.words() || n.ordinal() || n.value() % 1 != 0 || n.hasScale()) {
            return null;
        }
        Token unit = d.at(k);
        boolean withUnit = unit.isNumberWord() && unit.entry.numClass == NumberClass.UNIT && unit.stemOffset == 0
                && !unit.definite;
        int j = withUnit ? k + 1 : k;
        Token tens = d.at(j);
        int end = tens.end;
        if (tens.type != TokenType.ARABIC || tens.entry != null || tens.conjunction != withUnit || tens.lineBefore
                || end - tens.start < 7 || d.text.charAt(end - 1) != 'ت' || d.text.charAt(end - 2) != 'ا'
                || d.text.charAt(end - 3) != 'ن' || d.text.charAt(end - 4) != 'و') {
            return null;
        }
        String key = d.stemKey(j);
        Word t = d.lexicon.get(key.substring(withUnit ? 1 : 0, key.length() - 2));
        if (t == null || !t.isNumber() || t.numClass != NumberClass.TENS) {
            return null;
        }
        double parts = t.number + (withUnit ? unit.entry.number : 0);
        return n.extended(n.value() / parts, j);
    }

    /** نصف النهائي, ربع نهائي, ثمن النهائي: a part word at k before "final" names a knockout round (KNOCKOUT_ROUND). */
    static boolean knockoutRound(Doc d, int k) {
        Token round = d.at(k + 1);
        if (!d.arabic || round.type != TokenType.ARABIC || round.lineBefore || round.conjunction) {
            return false;
        }
        String key = d.stemKey(k + 1);
        return d.lexicon.in(WordList.KNOCKOUT_ROUND, key.startsWith("ال") ? key.substring(2) : key);
    }
}
