package io.newsflow.extraction.entities.tagger;

import io.newsflow.extraction.EntityType;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Entity-level precision, recall and F1 with conlleval's semantics: an entity counts only when its span and type
 * both match exactly, and an I- tag that does not continue an entity of its type starts a new one.
 */
public final class ChunkScore {

    private final int[] gold = new int[EntityType.values().length];
    private final int[] guessed = new int[EntityType.values().length];
    private final int[] correct = new int[EntityType.values().length];
    private long tokens;

    /** Adds one sentence's gold and predicted labels. */
    public void add(int[] goldLabels, int[] predictedLabels) {
        Set<Long> goldChunks = chunks(goldLabels, gold);
        Set<Long> predictedChunks = chunks(predictedLabels, guessed);
        for (long chunk : predictedChunks) {
            if (goldChunks.contains(chunk)) {
                correct[(int) (chunk & 0xFF)]++;
            }
        }
        tokens += goldLabels.length;
    }

    /** Encodes each chunk as start, end and type, counting them per type into {@code counts}. */
    private static Set<Long> chunks(int[] labels, int[] counts) {
        Set<Long> found = new HashSet<>();
        int start = -1;
        int type = -1;
        for (int i = 0; i <= labels.length; i++) {
            int label = i < labels.length ? labels[i] : Labels.O;
            boolean continues = Labels.isInside(label) && start >= 0 && Labels.type(label).ordinal() == type;
            if (continues) {
                continue;
            }
            if (start >= 0) {
                found.add(((long) start << 40) | ((long) i << 8) | type);
                counts[type]++;
            }
            start = label == Labels.O ? -1 : i;
            type = label == Labels.O ? -1 : Labels.type(label).ordinal();
        }
        return found;
    }

    public double f1() {
        return f1(sum(correct), sum(guessed), sum(gold));
    }

    public double f1(EntityType type) {
        int t = type.ordinal();
        return f1(correct[t], guessed[t], gold[t]);
    }

    public double precision() {
        return precision(sum(correct), sum(guessed));
    }

    public double recall() {
        return recall(sum(correct), sum(gold));
    }

    public double recall(EntityType type) {
        int t = type.ordinal();
        return recall(correct[t], gold[t]);
    }

    /** Gold entities of {@code type}. */
    public int gold(EntityType type) {
        return gold[type.ordinal()];
    }

    private static double f1(int correct, int guessed, int gold) {
        double p = precision(correct, guessed);
        double r = recall(correct, gold);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static double precision(int correct, int guessed) {
        return guessed == 0 ? 0 : 100.0 * correct / guessed;
    }

    private static double recall(int correct, int gold) {
        return gold == 0 ? 0 : 100.0 * correct / gold;
    }

    private static int sum(int[] values) {
        int s = 0;
        for (int v : values) {
            s += v;
        }
        return s;
    }

    /** A conlleval-style table: one row per type and the overall row. */
    public String report() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "processed %d tokens with %d entities; found %d; correct %d.%n",
                tokens, sum(gold), sum(guessed), sum(correct)));
        b.append(String.format(Locale.ROOT, "%-8s %9s %9s %9s %7s %7s%n", "type", "precision", "recall", "F1",
                "gold", "found"));
        for (EntityType type : EntityType.values()) {
            int t = type.ordinal();
            b.append(row(Labels.conllType(type), correct[t], guessed[t], gold[t]));
        }
        b.append(row("overall", sum(correct), sum(guessed), sum(gold)));
        return b.toString();
    }

    private static String row(String name, int correct, int guessed, int gold) {
        return String.format(Locale.ROOT, "%-8s %9.2f %9.2f %9.2f %7d %7d%n", name, precision(correct, guessed),
                recall(correct, gold), f1(correct, guessed, gold), gold, guessed);
    }
}
