package io.newsflow.extraction.figures;

import io.newsflow.extraction.FigureKind;
import io.newsflow.extraction.FigureMention;
import java.util.List;

/**
 * A headline names an amount before its story says what it is (السحوبات تتجاوز 67 مليارا): a bare number of the
 * headline takes the kind, unit and currency of the body's first figure of the same value.
 */
final class HeadlineMeasures {

    private HeadlineMeasures() {
    }

    /** Rewrites, in place, the bare numbers of {@code out} that stand before the story's first paragraph break. */
    static void fill(Doc d, List<FigureMention> out) {
        int body = Integer.MAX_VALUE;
        for (int i = 1; i < d.size(); i++) {
            if (d.at(i).paragraphBefore) {
                body = d.at(i).start;
                break;
            }
        }
        for (int i = 0; i < out.size() && out.get(i).start() < body; i++) {
            FigureMention f = out.get(i);
            if (f.kind() != FigureKind.NUMBER || f.value() == null || !Character.isDigit(f.text().charAt(0))) {
                continue;  // digits only: a number word in a headline (السبع, واحد) names no amount of the body
            }
            for (FigureMention g : out.subList(i + 1, out.size())) {
                // a small count may meet its value again by chance
                boolean measure = g.kind() == FigureKind.MONEY || g.kind() == FigureKind.QUANTITY
                        || g.kind() == FigureKind.COUNT && f.value() >= 10;
                if (g.start() >= body && measure && f.value().equals(g.value())) {
                    out.set(i, new FigureMention(g.kind(), f.value(), null, null, null, g.unit(), g.currency(),
                            f.text(), f.start(), f.end()));
                    break;
                }
            }
        }
    }
}
