package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;
import java.util.Objects;
import java.util.function.Function;

/**
 * Ranges: two figures joined by a dash or by "from/between ... to/and" (5-10, between 5 and 10, من 5 إلى 10, from
 * 45 to 47 billion dollars, بين 15 % و40%) make one RANGE that keeps their unit or currency.
 *
 * <p>A word connector needs a "from"/"between" before the first number, or "rose 5 pct to 10 pct" would read as a
 * range, unless a word of level or estimate precedes it (a level of 12,000 to 16,000 units, at 2.50 to three dlrs)
 * and the bounds lie close; a dash needs the first bound lower (3-1 is a score), and "from" more "to" less is a
 * change, not a range.
 */
final class RangeRecognizer {

    /** A range and the two figures it joins. */
    record Range(Candidate figure, Candidate lower, Candidate upper) {
    }

    private RangeRecognizer() {
    }

    /**
     * The range that the figure {@code a} opens, or null when a stands alone.
     *
     * @param read how the resolver reads a number phrase (what follows it, what the story said before)
     */
    static Range after(Doc d, Candidate a, Function<NumberPhrase, Candidate> read) {
        int c = a.last() + 1;
        if (a.kind() == FigureKind.MONEY && d.english && d.at(c).has(Role.PER) && EnglishNouns.plainWord(d, c + 1)
                && (d.at(c + 2).has(Role.TO) || d.isAndWord(c + 2)) && !d.at(c + 2).lineBefore) {
            c += 2;  // from 100 dlrs per share to 130 dlrs: the price's "per share" stands between the bounds
        }
        int prefix = a.first() - 1;
        Token before = d.at(prefix);
        boolean between = before.has(Role.BETWEEN) && before.stemOffset == 0;
        boolean from = before.has(Role.FROM) && before.stemOffset == 0;
        // 10- 30 كم/ساعة: Arabic also sets the dash against the first bound alone in digits (not before a minus
        // written after the digits, 0.3- ، 3.3-, nor in a score, صفر- ١, or a series' part, (1ــ 2))
        boolean leaning = d.arabic && a.number() != null && a.number().plainDigits() && d.attached(a.last())
                && !d.attached(c) && !d.isDash(c + 2) && !d.isSymbol(c + 1, '\u060C') && !d.isSymbol(c + 1, ',')
                && !(d.isSymbol(a.first() - 1, '(') && d.isSymbol(c + 2, ')'));
        boolean dash = d.isDash(c) && !d.at(c + 1).lineBefore && !d.at(c).paragraphBefore
                && (d.attached(a.last()) == d.attached(c) || leaning);
        boolean to = d.at(c).has(Role.TO) && d.at(c).stemOffset == 0;
        // a level of 12,000 to 16,000 units, at 2.50 dlrs to three dlrs: an estimate's bounds after a word of level
        boolean estimate = to && !between && !from && d.at(prefix).isWord()
                && d.lexicon.in(WordList.ESTIMATE_BEFORE, d.surface(prefix));
        // one to two hours, two to three pct: small bounds spelled in words are one estimate
        boolean spelled = to && !between && !from && a.kind() == FigureKind.NUMBER && a.number() != null
                && d.at(a.number().first()).isNumberWord() && a.value() <= 10;
        // 15 to 20 pct, بعمر 5 إلى 8 سنوات: a bare bound close below a measured one is that measure's range (in
        // Arabic not after a word of change, where the bare number is by how much)
        boolean bare = to && !between && !from && !estimate && a.kind() == FigureKind.NUMBER
                && (d.english || d.arabic && !spelled && !changed(d, a.first()));
        // ما بين ثماني وعشر سنوات: "and" glued to the second bound in words
        boolean glued = between && d.arabic && d.at(c).conjunction && d.at(c).isNumberWord() && !d.at(c).lineBefore
                && a.value() != null && a.value() % 1 == 0;
        boolean word = between && (d.isAndWord(c) || glued) || (between || from || estimate || spelled || bare) && to;
        // من متر ونصف إلى مترين ونصف: an Arabic unit that counts by itself may open a range after "from"
        boolean byItself = a.number() == null && d.arabic && from && to
                && (a.kind() == FigureKind.QUANTITY || a.kind() == FigureKind.DURATION);
        if (a.kind() == FigureKind.DATE || !(dash || word) || a.number() == null && !byItself
                || from && changed(d, prefix) && !height(d, prefix, a)) {
            return null;
        }
        Candidate b = upper(d, a, glued ? c : c + 1, read);
        if (b == null || between && listGoesOn(d, b.last() + 1)) {
            return null;  // بين خمسة أعوام وسبعة أعوام وعشرة أعوام: a list, no range
        }
        boolean compatible = a.kind() == b.kind() && Objects.equals(a.unit(), b.unit())
                && Objects.equals(a.currency(), b.currency()) || a.kind() == FigureKind.NUMBER
                || a.number() != null && elliptical(a);
        double min = a.value();
        NumberPhrase an = a.number();
        NumberPhrase bn = b.number();
        if (a.kind() == FigureKind.NUMBER && bn != null && bn.hasScale() && !an.hasScale() && bn.lastScale() > 1
                && (a.value() < 1000 || a.value() < bn.value() / bn.lastScale())
                && a.value() * bn.lastScale() <= b.value()) {
            min = a.value() * bn.lastScale();  // between 5 and 10 million, بين 3500 وخمسة آلاف مليار
        }
        if (bare && b.kind() == FigureKind.MONEY && bn != null && b.value() < bn.value()) {
            min = min / Math.rint(bn.value() / b.value());  // 75 to 80 cts: the bare bound counts cents too
        }
        if (!compatible || dash && (min >= b.value() || score(d, a, b)) || word && !between && min > b.value()) {
            return null;
        }
        if (dash && amongScores(d, a.first(), b.last())) {
            return null;  // 6 - 3 و5 - 7 و6 - 3: a set lost in a chain of scores, no range
        }
        boolean bothSpelled = spelled && bn != null && d.at(bn.first()).isNumberWord();
        if ((estimate || bothSpelled) && (min >= b.value() || b.value() > 10 * min)) {
            return null;  // at 5 to 100 dlrs names two things; bounds of one estimate lie close
        }
        if (bare && !bothSpelled && (b.kind() == FigureKind.NUMBER || min >= b.value() || b.value() > 2 * min)) {
            return null;  // rose by two to 14 pct, up 1.4 to 615.59 billion dlrs: a change and a level
        }
        int first = (between || from) && word ? prefix : a.first();
        if (d.arabic && between && "ما".equals(d.surface(prefix - 1))) {
            first = prefix - 1;
        }
        String unit = b.unit() != null ? b.unit() : b.kind() == FigureKind.PERCENT ? "percent" : null;
        if (b.kind() == FigureKind.DURATION || b.kind() == FigureKind.QUANTITY || b.kind() == FigureKind.COUNT) {
            unit = b.unit();
        }
        return new Range(a.rangeTo(b, min, unit, first), a, b);
    }

    /**
     * The first figure of an Arabic change measured like the second when it is a bare number (يرفع عددها من 18 إلى
     * 32 مساراً: both count lanes); {@code a} itself otherwise.
     */
    static Candidate changeFrom(Doc d, Candidate a, Function<NumberPhrase, Candidate> read) {
        int prefix = a.first() - 1;
        int c = a.last() + 1;
        if (!d.arabic || a.kind() != FigureKind.NUMBER || a.number() == null || !d.at(prefix).has(Role.FROM)
                || d.at(prefix).stemOffset != 0 || !d.at(c).has(Role.TO) || d.at(c).stemOffset != 0
                || !changed(d, prefix)) {
            return a;
        }
        Candidate b = upper(d, a, c + 1, read);
        if (b == null || b.kind() == FigureKind.MONEY) {
            return b == null ? a : a.money(a.value(), b.currency(), b.family(), b.bareDefault(), false, a.last());
        }
        boolean measured = b.kind() == FigureKind.COUNT || b.kind() == FigureKind.QUANTITY
                || b.kind() == FigureKind.PERCENT;
        return measured ? a.as(b.kind(), b.unit(), null, a.first(), a.last()) : a;
    }

    /**
     * A verb or noun of change just before the Arabic "from" at p: يرفع عددها من 18 إلى 32 is a change, no range; a
     * verbal noun may carry the pronoun of what changed (تمت توسعته من 100 سرير إلى 250).
     */
    private static boolean changed(Doc d, int p) {
        for (int j = p - 1; j >= p - 3 && d.arabic && !d.lineStart(j + 1); j--) {
            String key = d.stemKey(j);
            String bare = key.startsWith("و") && key.length() > 4 ? key.substring(1) : key;
            int pronoun = bare.length() < 5 ? 0 : bare.endsWith("ها") ? 2 : bare.endsWith("ه") ? 1 : 0;
            bare = bare.substring(0, bare.length() - pronoun);
            if (pronoun > 0 && bare.endsWith("ت")) {
                bare = bare.substring(0, bare.length() - 1) + "ه";  // توسعته: the ta marbuta before a pronoun
            }
            if (d.at(j).isWord() && (d.lexicon.in(WordList.CHANGE, key) || d.lexicon.in(WordList.CHANGE, bare))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The noun ارتفاع before a definite noun and lengths after "from" at p names a height, not a rise (وارتفاع الموج
     * من نصف متر إلى متر ونصف).
     */
    private static boolean height(Doc d, int p, Candidate a) {
        String noun = d.stemKey(p - 2);
        noun = noun.startsWith("و") ? noun.substring(1) : noun;
        return a.kind() == FigureKind.QUANTITY && LENGTHS.contains(a.unit()) && noun.equals("ارتفاع")
                && Nouns.arabicDefinite(d, p - 1) && d.at(p - 1).stemOffset == 0;
    }

    private static final java.util.Set<String> LENGTHS = java.util.Set.of("m", "km", "cm", "foot");

    /**
     * Two bare whole numbers up to 20 joined by a dash after a word of a match's result in the sentence (خسر أمام
     * آرسنال صفر - 4, الخسارة أمامهم 1 - 2): a score, two numbers, whichever side is lower.
     */
    private static boolean score(Doc d, Candidate a, Candidate b) {
        return d.arabic && a.kind() == FigureKind.NUMBER && b.kind() == FigureKind.NUMBER && b.value() <= 20
                && a.value() % 1 == 0 && b.value() % 1 == 0 && resultBefore(d, a.first());
    }

    /** A word of a match's result (RESULT) among the eight tokens before {@code first}, in its sentence. */
    static boolean resultBefore(Doc d, int first) {
        for (int j = first - 1; j >= first - 8 && j >= 0 && d.sameSentence(j, first); j--) {
            String key = d.stemKey(j);
            key = key.length() > 4 && "وف".indexOf(key.charAt(0)) >= 0 ? key.substring(1) : key;
            key = key.length() > 4 && "بل".indexOf(key.charAt(0)) >= 0 ? key.substring(1) : key;  // وبخسارته
            key = key.startsWith("ال") && key.length() > 4 ? key.substring(2) : key;
            int pronoun = key.length() < 4 ? 0 : key.endsWith("هما") ? 3 : key.endsWith("هم") || key.endsWith("ها")
                    ? 2 : key.endsWith("ه") ? 1 : 0;
            if (d.at(j).type == TokenType.ARABIC && (d.lexicon.in(WordList.RESULT, key)
                    || d.lexicon.in(WordList.RESULT, key.substring(0, key.length() - pronoun)))) {
                return true;
            }
        }
        return false;
    }

    /** A third Arabic number joined by و at k (English "and" after a range often opens the next clause). */
    private static boolean listGoesOn(Doc d, int k) {
        Token t = d.at(k);
        return d.arabic && (t.conjunction && t.isNumberWord()
                || d.isAndWord(k) && (d.at(k + 1).type == TokenType.DIGITS || d.at(k + 1).isNumberWord()));
    }

    /**
     * A bare scaled number that took its measure from the story ("from 100 mln to one billion dlrs"): the measure
     * of the upper bound, written out, is the range's.
     */
    private static boolean elliptical(Candidate a) {
        NumberPhrase n = a.number();
        return (a.kind() == FigureKind.MONEY || a.kind() == FigureKind.QUANTITY) && n.hasScale()
                && a.first() == n.first() && a.last() == n.last();
    }

    /**
     * من 2000 إلى 4000 ملغ, between 1900 and 2400 tonnes: a first bound that looks like a year, after "from" or
     * "between", is a number when the bound after "to" or "and" is no year and carries a measure; the year itself
     * otherwise, returned as null.
     */
    static Candidate yearBeforeMeasure(Doc d, Candidate a, Function<NumberPhrase, Candidate> read) {
        NumberPhrase n = d.isYear(a.first()) ? NumberRecognizer.at(d, a.first(), false) : null;
        Token before = d.at(a.first() - 1);
        int c = a.last() + 1;
        if (n == null || !n.plainDigits() || a.first() != n.first() || a.last() != n.last() || before.stemOffset != 0
                || !before.has(Role.FROM) && !before.has(Role.BETWEEN)
                || !(d.at(c).has(Role.TO) && d.at(c).stemOffset == 0 || d.isAndWord(c)) || d.at(c + 1).lineBefore) {
            return null;
        }
        NumberPhrase m = NumberRecognizer.at(d, c + 1, false);
        if (m == null || m.first() != c + 1 || !m.plainDigits() || d.isYear(m.first()) || m.value() <= n.value()) {
            return null;
        }
        Candidate b = read.apply(m);
        boolean measured = b.kind() == FigureKind.QUANTITY || b.kind() == FigureKind.MONEY
                || b.kind() == FigureKind.PERCENT || b.kind() == FigureKind.COUNT && b.unit() != null;
        return measured ? Candidate.of(FigureKind.NUMBER, n) : null;
    }

    /** The figure after the connector, at b0: money written like the first bound, or a number read in full. */
    private static Candidate upper(Doc d, Candidate a, int b0, Function<NumberPhrase, Candidate> read) {
        if (a.kind() == FigureKind.MONEY && a.first() < a.number().first()) {
            Candidate money = MoneyRecognizer.prefixed(d, b0);
            if (money != null) {
                return money;
            }
        }
        NumberPhrase n = NumberRecognizer.at(d, b0, a.kind() == FigureKind.MONEY);
        if (n == null && (a.kind() == FigureKind.QUANTITY || a.kind() == FigureKind.DURATION)) {
            Candidate itself = ArabicDuals.byItself(d, b0);  // إلى متر ونصف, إلى يومين: a unit counting by itself
            return itself != null && itself.kind() == a.kind() ? itself : null;
        }
        if (n == null || n.ordinal() || n.first() != b0 || LabelRecognizer.at(d, n) != null) {
            return null;
        }
        Candidate b = read.apply(n);
        return b.kind() == FigureKind.DATE ? Candidate.of(FigureKind.NUMBER, n) : b;
    }

    /** The dash pair from first to last has a score just before or after it: 6 - 3 و5 - 7, 7 - 6 (7 - 5). */
    static boolean amongScores(Doc d, int first, int last) {
        return scoreAt(d, skipBack(d, first - 1) - 2) || scoreAt(d, skipOn(d, last + 1));
    }

    /** A score at i: a dash between two small whole numbers, the first not lower (6 - 3, 7 - 6). */
    private static boolean scoreAt(Doc d, int i) {
        return d.isSmallInt(i, 99) && d.isDash(i + 1) && d.isSmallInt(i + 2, 99) && d.at(i).value >= d.at(i + 2).value;
    }

    /** From k back past the و, brackets and commas that join scores (6 - 3 و5 - 7, 7 - 6 (7 - 5)). */
    private static int skipBack(Doc d, int k) {
        int j = k;
        while (j > k - 2 && joinsScores(d, j)) {
            j--;
        }
        return j;
    }

    /** From k on past the و, brackets and commas that join scores. */
    private static int skipOn(Doc d, int k) {
        int j = k;
        while (j < k + 2 && joinsScores(d, j)) {
            j++;
        }
        return j;
    }

    private static boolean joinsScores(Doc d, int j) {
        return "و".equals(d.surface(j)) || d.isSymbol(j, '(') || d.isSymbol(j, ')') || d.isSymbol(j, '،')
                || d.isSymbol(j, ',');
    }
}
