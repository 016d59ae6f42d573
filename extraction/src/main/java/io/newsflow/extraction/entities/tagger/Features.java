package io.newsflow.extraction.entities.tagger;

import io.newsflow.extraction.Folding;
import io.newsflow.extraction.entities.gazetteer.Gazetteer;
import io.newsflow.extraction.entities.text.Clitics;
import io.newsflow.extraction.entities.text.FoldedHash;
import io.newsflow.extraction.entities.text.Tokens;
import java.util.Arrays;

/**
 * Turns a token in its sentence into hashed feature ids: the word and its neighbours, in Arabic the word without
 * its proclitics (chosen by which split the corpus knows best) and the clitics themselves, affixes, shape, the
 * distributional clusters of the word, its word-order classes (its stem's too in Arabic) and its neighbours',
 * gazetteer matches, organization heads and person titles, the word's name cues from the unlabeled news (its own
 * and its neighbours'), and what the document said about the word earlier; when the lexicon asks for them, the
 * character n-grams inside the word's stem.
 * Everything per token is computed once per sentence, as hashes, without allocating.
 */
public final class Features {

    /** Upper bound on the features of one token; sizes caller buffers. */
    public static final int MAX = 80;

    private static final int AFFIXES = 4;
    /** Character n-grams of one size kept per token: the first ones of the stem, enough for most words. */
    private static final int GRAMS_PER_SIZE = 8;
    private static final int GRAM_SIZES = 2;
    private static final long NONE = 0x7e3a_1b2c_9d4f_5a61L;

    private final Lexicon lexicon;
    private final Gazetteer gazetteer;
    private final boolean arabic;
    private final int charGrams;

    public Features(Lexicon lexicon, Gazetteer gazetteer, boolean arabic) {
        this.lexicon = lexicon;
        this.gazetteer = gazetteer;
        this.arabic = arabic;
        this.charGrams = lexicon.charGrams();
    }

    Gazetteer gazetteer() {
        return gazetteer;
    }

    /** The key under which {@link History} remembers token {@code i}: the word without clitics in Arabic. */
    static long memoryKey(Sentence s, int i) {
        return s.memory[i];
    }

    /** Per-token values of one sentence; reused across sentences by one thread. */
    public static final class Sentence {
        int n;
        long[] word = new long[0];
        long[] raw;
        long[] stem;
        long[] bare;
        long[] clitics;
        long[] shape;
        long[] prefix;
        long[] suffix;
        long[] grams;
        int[] gramCount;
        long[] clusters;
        long[] stemClusters;
        int[] classes;
        int[] stemClasses;
        long[] memory;
        int[] frequency;
        int[] gazetteer;
        int[] cues;
        int[] priors;
        boolean[] head;
        boolean[] title;

        void ensure(int size) {
            n = size;
            if (word.length >= size) {
                return;
            }
            int c = Math.max(size, 32);
            word = new long[c];
            raw = new long[c];
            stem = new long[c];
            bare = new long[c];
            clitics = new long[c];
            shape = new long[c];
            prefix = new long[c * AFFIXES];
            suffix = new long[c * AFFIXES];
            grams = new long[c * GRAMS_PER_SIZE * GRAM_SIZES];
            gramCount = new int[c];
            clusters = new long[c];
            stemClusters = new long[c];
            classes = new int[c];
            stemClasses = new int[c];
            memory = new long[c];
            frequency = new int[c];
            gazetteer = new int[c];
            cues = new int[c];
            priors = new int[c];
            head = new boolean[c];
            title = new boolean[c];
        }

        public int size() {
            return n;
        }
    }

    /** Computes the per-token values of tokens {@code [from, to)} into {@code s}. */
    public void prepare(Tokens tokens, int from, int to, Sentence s) {
        s.ensure(to - from);
        String text = tokens.text();
        int[] splits = new int[Clitics.MAX_SPLITS];
        for (int i = from; i < to; i++) {
            int k = i - from;
            int start = tokens.start(i);
            int end = tokens.end(i);
            long word = FoldedHash.hash(text, start, end);
            int entry = lexicon.find(word);
            s.word[k] = word;
            s.raw[k] = arabic ? word : FoldedHash.rawHash(text, start, end);
            int split = arabic ? bestSplit(lexicon, text, start, end, lexicon.countAt(entry), splits)
                    : Clitics.WHOLE;
            s.stem[k] = split == Clitics.WHOLE ? word : Clitics.stemHash(text, start, end, split);
            s.clitics[k] = split == Clitics.WHOLE ? NONE : Clitics.prefixHash(text, start, split);
            int stemStart = start + Clitics.offset(split);
            boolean article = arabic && (Clitics.restoresArticle(split)
                    || end - stemStart > 4 && text.charAt(stemStart) == 'ا' && text.charAt(stemStart + 1) == 'ل');
            s.bare[k] = article ? FoldedHash.hash(text, Clitics.restoresArticle(split) ? stemStart : stemStart + 2, end)
                    : s.stem[k];
            int bareEntry = s.bare[k] == word ? entry : lexicon.find(s.bare[k]);
            for (int a = 0; a < AFFIXES; a++) {
                s.prefix[k * AFFIXES + a] = FoldedHash.feedFirst(FoldedHash.start(), text, stemStart, end, a + 1);
                s.suffix[k * AFFIXES + a] = FoldedHash.feedLast(FoldedHash.start(), text, stemStart, end, a + 1);
            }
            if (charGrams != 0) {
                int bareStart = article && !Clitics.restoresArticle(split) ? stemStart + 2 : stemStart;
                s.gramCount[k] = charGrams(text, bareStart, end, charGrams, s.grams, k * GRAMS_PER_SIZE * GRAM_SIZES);
            }
            s.shape[k] = shape(text, start, end);
            s.clusters[k] = lexicon.clustersAt(entry);
            s.stemClusters[k] = lexicon.clustersAt(bareEntry);
            s.classes[k] = lexicon.classesAt(entry);
            s.stemClasses[k] = lexicon.classesAt(bareEntry);
            s.memory[k] = arabic ? s.bare[k] : s.raw[k];
            s.priors[k] = lexicon.priors(s.memory[k]);
            s.frequency[k] = 32 - Integer.numberOfLeadingZeros(lexicon.countAt(bareEntry));
            int cues = lexicon.cues(word);
            s.cues[k] = cues != 0 || s.bare[k] == word ? cues : lexicon.cues(s.bare[k]);
            int roles = gazetteer.roles(tokens, i, arabic);
            s.head[k] = (roles & Gazetteer.ORGANIZATION_HEAD) != 0;
            s.title[k] = (roles & Gazetteer.PERSON_TITLE) != 0;
        }
        Arrays.fill(s.gazetteer, 0, to - from, 0);
        for (Gazetteer.Match m : gazetteer.matches(tokens, from, to, arabic)) {
            int code = 1 + 2 * m.entry().type().ordinal();
            for (int i = m.first(); i < m.last(); i++) {
                s.gazetteer[i - from] = i == m.first() ? code : code + 1;
            }
        }
    }

    /**
     * The clitic split of an Arabic token whose remainder the corpus has seen most often; the whole word unless a
     * split beats it. So {@code وفرنسا} splits (فرنسا is common) but {@code وزارة} does not (زارة is rare).
     */
    public static int bestSplit(Lexicon lexicon, String text, int start, int end, int wholeCount, int[] splits) {
        int n = Clitics.splits(text, start, end, splits);
        int best = Clitics.WHOLE;
        int bestCount = wholeCount;
        for (int i = 1; i < n; i++) {
            int count = lexicon.count(Clitics.stemHash(text, start, end, splits[i]));
            if (count > bestCount) {
                best = splits[i];
                bestCount = count;
            }
        }
        return best;
    }

    /**
     * Writes the hashes of the folded character n-grams of 3 to {@code longest} characters inside
     * {@code text[from, to)}, at most {@link #GRAMS_PER_SIZE} of each size from the start, into {@code out} from
     * {@code at}; returns how many. Inner letter sequences tell transliterated names apart where affixes do not.
     */
    private static int charGrams(String text, int from, int to, int longest, long[] out, int at) {
        int n = 0;
        int threes = 0;
        int fours = 0;
        char c1 = 0;
        char c2 = 0;
        char c3 = 0;
        int seen = 0;
        for (int i = from; i < to; i++) {
            char c = Folding.fold(text.charAt(i));
            if (c == Folding.DROP) {
                continue;
            }
            seen++;
            if (seen >= 3 && threes < GRAMS_PER_SIZE) {
                out[at + n++] = FoldedHash.feedChar(FoldedHash.feedChar(FoldedHash.feedChar(3, c2), c3), c);
                threes++;
            }
            if (longest >= 4 && seen >= 4 && fours < GRAMS_PER_SIZE) {
                out[at + n++] = FoldedHash.feedChar(
                        FoldedHash.feedChar(FoldedHash.feedChar(FoldedHash.feedChar(4, c1), c2), c3), c);
                fours++;
            }
            c1 = c2;
            c2 = c3;
            c3 = c;
        }
        return n;
    }

    /** Character classes with repeats collapsed: "Xx", "X.X.", "d,d", "a" for Arabic letters. */
    private static long shape(String text, int start, int end) {
        long h = FoldedHash.start();
        char previous = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            char cls = c >= '\u0621' && c <= '\u064A' ? 'a' : Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x'
                    : Character.isDigit(c) ? 'd' : Character.isLetter(c) ? 'a' : c;
            if (cls != previous) {
                h = FoldedHash.feedChar(h, cls);
                previous = cls;
            }
        }
        return h;
    }

    /** The type a word's priors favour most, with its level; -1 when it has none. */
    private static int dominant(int priors) {
        int best = -1;
        int bestLevel = Integer.MAX_VALUE;
        for (int t = 0; t < Lexicon.CUES; t++) {
            int level = Lexicon.cue(priors, t);
            if (level != 0 && level < bestLevel) {
                best = t;
                bestLevel = level;
            }
        }
        return best < 0 ? -1 : best << Lexicon.CUE_BITS | bestLevel;
    }

    private static long f(int template, long value) {
        return FoldedHash.combine(template * 0x632BE59BD9B4E019L, value);
    }

    private static long f(int template, long a, long b) {
        return FoldedHash.combine(f(template, a), b);
    }

    /**
     * Writes the features of token {@code i} (0-based in the sentence) that do not depend on the label before it,
     * given what the document said earlier; returns how many.
     */
    int emission(Sentence s, int i, History history, long[] out) {
        int n = 0;
        int remembered = history.code(s.memory[i]);
        out[n++] = f(51, remembered);
        out[n++] = f(52, remembered, s.frequency[i]);
        out[n++] = f(53, i + 1 < s.n ? history.code(s.memory[i + 1]) : -1);
        out[n++] = f(54, s.frequency[i]);
        long w = s.word[i];
        long wPrev = i > 0 ? s.word[i - 1] : NONE;
        long wNext = i + 1 < s.n ? s.word[i + 1] : NONE;
        out[n++] = f(1, 0);
        out[n++] = f(2, w);
        if (!arabic) {
            out[n++] = f(3, s.raw[i]);
        }
        out[n++] = f(4, wPrev);
        out[n++] = f(5, wNext);
        out[n++] = f(6, i > 1 ? s.word[i - 2] : NONE);
        out[n++] = f(7, i + 2 < s.n ? s.word[i + 2] : NONE);
        out[n++] = f(8, wPrev, w);
        out[n++] = f(9, w, wNext);
        for (int a = 0; a < AFFIXES; a++) {
            out[n++] = f(10 + a, s.prefix[i * AFFIXES + a]);
            out[n++] = f(14 + a, s.suffix[i * AFFIXES + a]);
        }
        for (int g = 0, base = i * GRAMS_PER_SIZE * GRAM_SIZES; charGrams != 0 && g < s.gramCount[i]; g++) {
            out[n++] = f(84, s.grams[base + g]);
        }
        long shape = s.shape[i];
        out[n++] = f(18, shape);
        if (!arabic) {
            // Arabic has no capitals: its shapes only tell letters from digits and punctuation
            out[n++] = f(19, i > 0 ? s.shape[i - 1] : NONE, shape);
            out[n++] = f(20, shape, i + 1 < s.n ? s.shape[i + 1] : NONE);
            out[n++] = f(21, i == 0 ? 1 : 0, shape);
        }
        for (int d = -1; d <= 1; d++) {
            int j = i + d;
            long packed = j >= 0 && j < s.n ? s.clusters[j] : -2L;
            for (int level = 0; level < Lexicon.LEVELS; level++) {
                out[n++] = f(22 + 3 * (d + 1) + level, Lexicon.level(packed, level));
            }
        }
        out[n++] = f(70, Lexicon.classLevel(s.classes[i], 0));
        out[n++] = f(72, Lexicon.classLevel(s.classes[i], 1));
        out[n++] = f(74, Lexicon.classLevel(i > 0 ? s.classes[i - 1] : -1, 1));
        out[n++] = f(75, Lexicon.classLevel(i + 1 < s.n ? s.classes[i + 1] : -1, 1));
        if (arabic) {
            out[n++] = f(82, Lexicon.classLevel(s.stemClasses[i], 0));
        }
        if (lexicon.hasCues()) {
            int cues = s.cues[i];
            for (int c = 0; c < Lexicon.CUES; c++) {
                out[n++] = f(56 + c, Lexicon.cue(cues, c));
            }
            out[n++] = f(60, Lexicon.cue(i > 0 ? s.cues[i - 1] : 0, Lexicon.CUE_AFTER_TITLE));
            out[n++] = f(61, Lexicon.cue(i + 1 < s.n ? s.cues[i + 1] : 0, Lexicon.CUE_AFTER_TITLE));
        }
        if (lexicon.hasPriors()) {
            int priors = s.priors[i];
            for (int t = 0; t < Lexicon.CUES; t++) {
                out[n++] = f(62 + t, Lexicon.cue(priors, t));
            }
            out[n++] = f(66, dominant(i > 0 ? s.priors[i - 1] : 0));
            out[n++] = f(67, dominant(i + 1 < s.n ? s.priors[i + 1] : 0));
        }
        out[n++] = f(31, s.gazetteer[i]);
        out[n++] = f(32, i > 0 ? s.gazetteer[i - 1] : -1);
        out[n++] = f(33, i + 1 < s.n ? s.gazetteer[i + 1] : -1);
        out[n++] = f(34, s.head[i] ? 1 : 0, i > 0 && s.head[i - 1] ? 1 : 0);
        out[n++] = f(35, s.title[i] ? 1 : 0, i > 0 && s.title[i - 1] ? 1 : 0);
        if (arabic) {
            out[n++] = f(41, s.stem[i]);
            out[n++] = f(42, s.bare[i]);
            out[n++] = f(43, s.clitics[i]);
            out[n++] = f(44, i > 0 ? s.bare[i - 1] : NONE);
            out[n++] = f(45, i + 1 < s.n ? s.bare[i + 1] : NONE);
            for (int level = 0; level < Lexicon.LEVELS; level++) {
                out[n++] = f(46 + level, Lexicon.level(s.stemClusters[i], level));
            }
        }
        return n;
    }

    /**
     * Writes the keys of token {@code i}'s transition features, whose weights depend on both its label and the
     * label before it (see {@link Lattice}): the transition alone, and with the word's middle cluster and, in
     * Arabic, its stem's, or in English its shape; returns how many. Pairing the previous label with the word
     * itself was tried and gained nothing over the clusters.
     */
    int transition(Sentence s, int i, long[] out) {
        int n = 0;
        out[n++] = f(36, 0);
        out[n++] = f(40, Lexicon.level(s.clusters[i], 1));
        if (arabic) {
            out[n++] = f(50, Lexicon.level(s.stemClusters[i], 1));
        } else {
            out[n++] = f(39, s.shape[i]);
        }
        return n;
    }
}
