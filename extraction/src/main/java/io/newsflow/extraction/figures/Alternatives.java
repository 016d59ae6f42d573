package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;
import java.util.function.Function;

/**
 * Alternatives: in "four or five days", "خمسة أو ستة أيام", "two or three billion dlrs" the first number is a figure
 * of the same measure as the second, written once after both. The first figure spans only its number, as an
 * elliptical figure does.
 */
final class Alternatives {

    private Alternatives() {
    }

    /**
     * The figure the bare number phrase {@code n} is when "or" at {@code k} joins it to a measured figure, or null.
     *
     * @param read how the resolver reads a number phrase
     */
    static Candidate before(Doc d, NumberPhrase n, int k, Function<NumberPhrase, Candidate> read) {
        if (!isOr(d, k) || d.at(k + 1).lineBefore) {
            return null;
        }
        NumberPhrase next = NumberRecognizer.at(d, k + 1, false);
        if (next == null || next.first() != k + 1 || next.ordinal() || LabelRecognizer.at(d, next) != null) {
            return null;
        }
        Candidate b = read.apply(next);
        if (!measured(b.kind()) || b.value() == null || b.last() == next.last() && b.kind() != FigureKind.PERCENT) {
            return null;  // the second number must carry the measure: "two or three" alone says nothing
        }
        double value = n.value();
        if (next.hasScale() && !n.hasScale() && value < 1000 && next.lastScale() > 1) {
            value *= next.lastScale();  // two or three billion
        }
        if (value >= b.value() * 10 || value * 10 <= b.value()) {
            return null;  // alternatives lie close; 1987 or 10 days names two things
        }
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
