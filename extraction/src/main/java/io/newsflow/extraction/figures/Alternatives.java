package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;
import java.util.function.Function;

/**
 * Alternatives: in "four or five days", "خمسة أو ستة أيام", "two or three billion dlrs" the first number is a figure
 * of the same measure as the second, written once after both; and so is a part before the whole it is taken from
 * (سبعة من أصل 115 معتقلا) and a number in digits restated in words ((97) سبعة وتسعين موقوفا). The first figure
 * spans only its number, as an elliptical figure does.
 */
final class Alternatives {

    private Alternatives() {
    }

    /**
     * The figure the bare number phrase {@code n} is when "or" at {@code k} joins it to a measured figure, or when
     * the words at {@code k} restate its bracketed digits; else null.
     *
     * @param read how the resolver reads a number phrase
     */
    static Candidate before(Doc d, NumberPhrase n, int k, Function<NumberPhrase, Candidate> read) {
        int words = n.last() + 2;
        if (d.arabic && n.plainDigits() && d.isSymbol(n.first() - 1, '(') && d.isSymbol(n.last() + 1, ')')
                && (k == words || k == words - 1) && !d.at(words).lineBefore) {
            // (97) سبعة وتسعين موقوفا: digits in brackets restated in words take the measure written after them
            Candidate b = measuredAt(d, words, read);
            return b != null && b.value() == n.value() ? taking(n, n.value(), b) : null;
        }
        if (!isOr(d, k) || d.at(k + 1).lineBefore) {
            return null;
        }
        Candidate b = measuredAt(d, k + 1, read);
        if (b == null) {
            return null;  // the second number must carry the measure: "two or three" alone says nothing
        }
        NumberPhrase next = NumberRecognizer.at(d, k + 1, false);
        double value = n.value();
        if (next.hasScale() && !n.hasScale() && value < 1000 && next.lastScale() > 1) {
            value *= next.lastScale();  // two or three billion
        }
        if (value >= b.value() * 10 || value * 10 <= b.value()) {
            return null;  // alternatives lie close; 1987 or 10 days names two things
        }
        return taking(n, value, b);
    }

    /**
     * The figure the bare Arabic number phrase {@code n} is when "out of" (من أصل, من بين, من مجموع, من إجمالي:
     * {@code OUT_OF}) follows it, past على الأقل or فقط, and the whole after it is a larger count or measure
     * written with its noun (سبعة على الأقل من أصل 228 شهرا, ثمانية من بين 14 ضريحا); else null.
     */
    static Candidate partOf(Doc d, NumberPhrase n, int k, Function<NumberPhrase, Candidate> read) {
        if (!d.arabic || n.value() < 1 || n.value() % 1 != 0) {
            return null;
        }
        int j = k;
        if ("على".equals(d.surface(j)) && "الأقل".equals(d.surface(j + 1))) {
            j += 2;
        } else if ("فقط".equals(d.surface(j))) {
            j++;
        }
        if (!"من".equals(d.surface(j)) || !d.sameSentence(n.last(), j + 2) || d.at(j + 1).type != TokenType.ARABIC
                || !d.lexicon.in(WordList.OUT_OF, Normalizer.key(d.surface(j + 1)))) {
            return null;
        }
        int whole = d.isSymbol(j + 2, '(') ? j + 3 : j + 2;  // من إجمالي (511) مركزا
        Candidate b = measuredAt(d, whole, read);
        return b != null && (b.kind() == FigureKind.COUNT || b.kind() == FigureKind.DURATION)
                && n.value() < b.value() ? taking(n, n.value(), b) : null;
    }

    /** The figure the number phrase at i is when a measure is written after it (its noun, unit or currency). */
    private static Candidate measuredAt(Doc d, int i, Function<NumberPhrase, Candidate> read) {
        NumberPhrase next = NumberRecognizer.at(d, i, false);
        if (next == null || next.first() != i || next.ordinal() || LabelRecognizer.at(d, next) != null) {
            return null;
        }
        Candidate b = read.apply(next);
        boolean written = b.last() > next.last() || b.kind() == FigureKind.PERCENT;
        return measured(b.kind()) && b.value() != null && written ? b : null;
    }

    /** n, of the value given, in the measure of b. */
    private static Candidate taking(NumberPhrase n, double value, Candidate b) {
        String iso = b.kind() == FigureKind.DURATION ? scaledIso(b.iso(), value / b.value()) : null;
        return new Candidate(b.kind(), n.first(), n.last(), value, null, null, iso, b.unit(), b.currency(), n,
                b.family(), b.bareDefault(), b.countryCurrency());
    }

    private static boolean isOr(Doc d, int k) {
        Token t = d.at(k);
        if (!t.isWord() || t.stemOffset != 0) {
            return false;
        }
        String w = d.surface(k);
        return d.english ? w.equals("or") : w.equals("أو") || w.equals("او");
    }

    private static boolean measured(FigureKind kind) {
        return kind == FigureKind.DURATION || kind == FigureKind.QUANTITY || kind == FigureKind.MONEY
                || kind == FigureKind.PERCENT || kind == FigureKind.COUNT;
    }

    /** P6Y scaled by 5/6 is P5Y; PT3H by 2/3 is PT2H. */
    private static String scaledIso(String iso, double factor) {
        if (iso == null) {
            return null;
        }
        int start = iso.startsWith("PT") ? 2 : 1;
        int end = start;
        while (end < iso.length() && (Character.isDigit(iso.charAt(end)) || iso.charAt(end) == '.')) {
            end++;
        }
        double v = Double.parseDouble(iso.substring(start, end)) * factor;
        String num = v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
        return iso.substring(0, start) + num + iso.substring(end);
    }
}
