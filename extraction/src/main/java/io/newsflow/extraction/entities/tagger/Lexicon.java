package io.newsflow.extraction.entities.tagger;

import io.newsflow.extraction.entities.text.LongIntMap;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What the unlabeled news corpus taught about each word (keyed by its folded hash): how often it occurs, which
 * distributional cluster it belongs to at three granularities (fine, middle, coarse), and its word-order classes
 * at two: the word-class features that let the tagger generalize from names it saw in training to names it
 * never saw. Optionally also name cues and type priors learned from unlabeled news (see {@code NameCues},
 * {@code TagPriors}), which become features when present. It also records whether the taggers see the
 * character n-grams inside words ({@link #charGrams}), a choice of the recipe that tagging repeats.
 */
public final class Lexicon {

    public static final int LEVELS = 3;
    /** Cluster id meaning "not in the corpus vocabulary". */
    public static final int UNKNOWN = 0xFFFF;

    /** Granularities of the word-order classes, finest first, and the bits each takes in a packed int. */
    public static final int[] CLASS_COUNTS = {1024, 64};
    private static final int[] CLASS_SHIFTS = {0, 10};
    private static final int[] CLASS_BITS = {10, 6};

    private final LongIntMap index;
    private final int[] counts;
    /** Per word, LEVELS cluster ids of 16 bits each (fine in the low bits). */
    private final long[] clusters;
    /** Per word, its word-order classes packed at {@link #CLASS_SHIFTS}, or -1; null when the model has none. */
    private final int[] classes;
    /** Folded word hash → its name cues packed {@link #CUE_BITS} each; null when the model has none. */
    private final LongIntMap cues;
    /**
     * The word as the document history keys it → how often a first tagger labelled it with each entity type in
     * the unlabeled news, packed {@link #CUE_BITS} per type; null when the model has none.
     */
    private final LongIntMap priors;
    /** Longest character n-gram (from 3) inside a word's stem that becomes a feature; 0 for none. */
    private final int charGrams;

    /** Name cues (see {@code NameCues}): which patterns of the unlabeled news a word stands in. */
    public static final int CUES = 4;
    public static final int CUE_AFTER_TITLE = 0;
    public static final int CUE_SECOND_NAME = 1;
    public static final int CUE_NAME_CHAIN = 2;
    public static final int CUE_AFTER_HEAD = 3;
    public static final int CUE_BITS = 4;
    /** Shares of a word's occurrences told apart: 1, 1/2, 1/4, 1/8, and less. */
    private static final int CUE_SHARES = 5;
    /** Sightings from which a cue counts as well attested. */
    private static final int CUE_ATTESTED = 10;

    public Lexicon(LongIntMap index, int[] counts, long[] clusters, int[] classes) {
        this(index, counts, clusters, classes, null, null, 0);
    }

    private Lexicon(LongIntMap index, int[] counts, long[] clusters, int[] classes, LongIntMap cues,
                    LongIntMap priors, int charGrams) {
        this.index = index;
        this.counts = counts;
        this.clusters = clusters;
        this.classes = classes;
        this.cues = cues;
        this.priors = priors;
        this.charGrams = charGrams;
    }

    /** The same words and clusters with word-order classes, given per entry. */
    public Lexicon withClasses(int[] packedClasses) {
        return new Lexicon(index, counts, clusters, packedClasses, cues, priors, charGrams);
    }

    /** The same lexicon with name cues by folded word hash (packed as {@link #cueLevel} per cue). */
    public Lexicon withCues(LongIntMap packedCues) {
        return new Lexicon(index, counts, clusters, classes, packedCues, priors, charGrams);
    }

    /** The same lexicon with type priors by history key (packed as {@link #cueLevel} per entity type). */
    public Lexicon withPriors(LongIntMap packedPriors) {
        return new Lexicon(index, counts, clusters, classes, cues, packedPriors, charGrams);
    }

    /**
     * The same lexicon whose taggers see the character n-grams of 3 to {@code longest} characters inside each
     * word's stem; 0 for none.
     */
    public Lexicon withCharGrams(int longest) {
        if (longest != 0 && (longest < 3 || longest > 4)) {
            throw new IllegalArgumentException("character n-grams go up to 3 or 4 characters, not " + longest);
        }
        return new Lexicon(index, counts, clusters, classes, cues, priors, longest);
    }

    /** The longest character n-gram inside a word that is a feature; 0 for none. */
    public int charGrams() {
        return charGrams;
    }

    public boolean hasPriors() {
        return priors != null;
    }

    /** The packed type priors of a word as the history keys it; 0 when it has none. */
    public int priors(long memoryKey) {
        return priors == null ? 0 : priors.get(memoryKey, 0);
    }

    public boolean hasCues() {
        return cues != null;
    }

    /**
     * A cue's level, from 1: the share of the word's {@code total} occurrences that were {@code seen} in the
     * pattern, halving per level, and whether the pattern is well attested.
     */
    public static int cueLevel(int seen, int total) {
        int share = Math.min(CUE_SHARES - 1, 31 - Integer.numberOfLeadingZeros(Math.max(1, total / Math.max(1, seen))));
        return 1 + 2 * share + (seen >= CUE_ATTESTED ? 1 : 0);
    }

    /** The packed cues of a folded word hash; 0 when it has none. */
    public int cues(long word) {
        return cues == null ? 0 : cues.get(word, 0);
    }

    /** One cue's level from packed cues; 0 when the word never stood in that pattern (often enough). */
    public static int cue(int packed, int cue) {
        return packed >>> (CUE_BITS * cue) & (1 << CUE_BITS) - 1;
    }

    public boolean hasClasses() {
        return classes != null;
    }

    /** Packs a word's class at each granularity of {@link #CLASS_COUNTS}. */
    public static int packClasses(int[] classIds) {
        int packed = 0;
        for (int level = 0; level < CLASS_COUNTS.length; level++) {
            packed |= classIds[level] << CLASS_SHIFTS[level];
        }
        return packed;
    }

    /** The packed word-order classes of an entry, or -1 when it has none. */
    public int classesAt(int entry) {
        return entry < 0 || classes == null ? -1 : classes[entry];
    }

    /** One granularity of packed word-order classes; a value past every class id when there are none. */
    public static int classLevel(int packed, int level) {
        return packed < 0 ? 1 << 12 : packed >>> CLASS_SHIFTS[level] & (1 << CLASS_BITS[level]) - 1;
    }

    /** The word's entry for {@link #countAt} and {@link #clustersAt}, or -1 when the corpus never had it. */
    public int find(long word) {
        return index.get(word, -1);
    }

    public int count(long word) {
        return countAt(find(word));
    }

    public int countAt(int entry) {
        return entry < 0 ? 0 : counts[entry];
    }

    /** All levels packed as 16-bit ids, or every level {@link #UNKNOWN}. */
    public long clustersAt(int entry) {
        return entry < 0 ? -1L : clusters[entry];
    }

    public static int level(long packed, int level) {
        return (int) (packed >>> (16 * level)) & 0xFFFF;
    }

    /** Visits every word's hash and entry. */
    public void forEachWord(LongIntMap.Visitor visitor) {
        index.forEach(visitor);
    }

    public int size() {
        return counts.length;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(counts.length);
        long[] keys = new long[counts.length];
        index.forEach((key, i) -> keys[i] = key);
        for (int i = 0; i < counts.length; i++) {
            out.writeLong(keys[i]);
            out.writeInt(counts[i]);
            out.writeLong(clusters[i]);
        }
        out.writeBoolean(classes != null);
        if (classes != null) {
            for (int c : classes) {
                out.writeInt(c);
            }
        }
        writeMap(cues, out);
        writeMap(priors, out);
        out.writeByte(charGrams);
    }

    private static void writeMap(LongIntMap map, DataOutputStream out) throws IOException {
        out.writeBoolean(map != null);
        if (map == null) {
            return;
        }
        out.writeInt(map.size());
        try {
            map.forEach((key, value) -> {
                try {
                    out.writeLong(key);
                    out.writeInt(value);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static LongIntMap readMap(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        int size = in.readInt();
        LongIntMap map = new LongIntMap(size);
        for (int i = 0; i < size; i++) {
            map.put(in.readLong(), in.readInt());
        }
        return map;
    }

    /**
     * Reads a lexicon written by {@link #write}; {@code withClasses} is false for models before the classes,
     * {@code withCues} for models before the name cues and type priors, {@code withCharGrams} for models before
     * the character n-grams.
     */
    static Lexicon read(DataInputStream in, boolean withClasses, boolean withCues, boolean withCharGrams)
            throws IOException {
        int n = in.readInt();
        LongIntMap index = new LongIntMap(n);
        int[] counts = new int[n];
        long[] clusters = new long[n];
        for (int i = 0; i < n; i++) {
            index.put(in.readLong(), i);
            counts[i] = in.readInt();
            clusters[i] = in.readLong();
        }
        int[] classes = null;
        if (withClasses && in.readBoolean()) {
            classes = new int[n];
            for (int i = 0; i < n; i++) {
                classes[i] = in.readInt();
            }
        }
        LongIntMap cues = withCues ? readMap(in) : null;
        LongIntMap priors = withCues ? readMap(in) : null;
        int charGrams = withCharGrams ? in.readByte() : 0;
        return new Lexicon(index, counts, clusters, classes, cues, priors, charGrams);
    }
}
