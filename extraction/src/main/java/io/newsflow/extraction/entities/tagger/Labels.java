package io.newsflow.extraction.entities.tagger;

import io.newsflow.extraction.EntityType;

/** The BIO label set: O, then B and I for each entity type, in {@link EntityType} order. */
public final class Labels {

    public static final int O = 0;
    public static final int COUNT = 1 + 2 * EntityType.values().length;
    /** The history value before a sentence's first tokens. */
    public static final int START = COUNT;

    private static final String[] CONLL = {"PER", "ORG", "LOC", "MISC"};

    private Labels() {
    }

    public static int begin(EntityType type) {
        return 1 + 2 * type.ordinal();
    }

    public static boolean isBegin(int label) {
        return label != O && (label & 1) == 1;
    }

    public static boolean isInside(int label) {
        return label != O && (label & 1) == 0;
    }

    public static EntityType type(int label) {
        return EntityType.values()[(label - 1) / 2];
    }

    /** Whether {@code label} may follow {@code previous} in well-formed BIO. */
    public static boolean allowed(int previous, int label) {
        return !isInside(label) || (previous != O && previous != START && type(previous) == type(label));
    }

    /** Parses a CoNLL tag (B-PER, I-LOC, O, with ANERcorp's PERS too). */
    public static int parse(String tag) {
        if (tag.equals("O")) {
            return O;
        }
        String name = tag.substring(2);
        for (int t = 0; t < CONLL.length; t++) {
            if (name.equals(CONLL[t]) || (t == 0 && name.equals("PERS"))) {
                return (tag.charAt(0) == 'B' ? 1 : 2) + 2 * t;
            }
        }
        throw new IllegalArgumentException("unknown NER tag " + tag);
    }

    public static String conllType(EntityType type) {
        return CONLL[type.ordinal()];
    }

    public static String format(int label) {
        return label == O ? "O" : (isBegin(label) ? "B-" : "I-") + CONLL[(label - 1) / 2];
    }
}
