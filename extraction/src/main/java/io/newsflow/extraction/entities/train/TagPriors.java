package io.newsflow.extraction.entities.train;

import io.newsflow.extraction.entities.tagger.Labels;
import io.newsflow.extraction.entities.tagger.Lexicon;
import io.newsflow.extraction.entities.tagger.SequenceTagger;
import io.newsflow.extraction.entities.text.LongIntMap;
import io.newsflow.extraction.entities.text.Tokenizer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Self-training's cheapest form: a first tagger labels the unlabeled news, and each word keeps how often it was
 * labelled with each entity type there (per type, the share of its occurrences on the scale of
 * {@link Lexicon#cueLevel}). The second tagger sees these shares as features, so a name the training text shows
 * once, in weak context, inherits what the many strong contexts of the news said about it.
 */
public final class TagPriors {

    private static final int TYPES = Labels.COUNT / 2;
    /** Labellings of a word with a type below which it gets no prior for that type. */
    private static final int MIN_LABELLINGS = 2;

    private TagPriors() {
    }

    /** Tags the documents of {@code corpus} with {@code tagger}; returns per history key its packed priors. */
    public static LongIntMap learn(SequenceTagger tagger, String language, Path corpus, PrintStream log)
            throws IOException {
        long started = System.nanoTime();
        LongIntMap ids = new LongIntMap(1 << 18);
        int[][] counts = {new int[1 << 18]};
        int[] words = {0};
        long[] tokens = {0};
        int documents = CorpusReader.forEach(corpus, language, Integer.MAX_VALUE, text ->
                tagger.tagDocument(Tokenizer.tokenize(text), (key, label) -> {
                    int id = ids.get(key, -1);
                    if (id < 0) {
                        id = words[0]++;
                        ids.put(key, id);
                        if ((id + 1) * (1 + TYPES) > counts[0].length) {
                            counts[0] = Arrays.copyOf(counts[0], counts[0].length * 2);
                        }
                    }
                    counts[0][id * (1 + TYPES) + (label == Labels.O ? 0 : 1 + (label - 1) / 2)]++;
                    tokens[0]++;
                }));
        LongIntMap priors = new LongIntMap(1 << 14);
        ids.forEach((key, id) -> {
            int base = id * (1 + TYPES);
            int total = 0;
            for (int c = 0; c <= TYPES; c++) {
                total += counts[0][base + c];
            }
            int packed = 0;
            for (int t = 0; t < TYPES; t++) {
                int labelled = counts[0][base + 1 + t];
                if (labelled >= MIN_LABELLINGS) {
                    packed |= Lexicon.cueLevel(labelled, total) << (Lexicon.CUE_BITS * t);
                }
            }
            if (packed != 0) {
                priors.put(key, packed);
            }
        });
        log.printf(Locale.ROOT, "type priors: %d documents, %d tokens tagged, %d words with a prior (%.0f s)%n",
                documents, tokens[0], priors.size(), (System.nanoTime() - started) / 1e9);
        return priors;
    }
}
