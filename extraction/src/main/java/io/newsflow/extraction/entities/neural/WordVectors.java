package io.newsflow.extraction.entities.neural;

import io.newsflow.extraction.entities.tagger.ConllCorpus;
import io.newsflow.extraction.entities.tagger.Features;
import io.newsflow.extraction.entities.tagger.Lexicon;
import io.newsflow.extraction.entities.text.Clitics;
import io.newsflow.extraction.entities.text.FoldedHash;
import io.newsflow.extraction.entities.text.LongIntMap;
import io.newsflow.extraction.entities.text.Tokenizer;
import io.newsflow.extraction.entities.text.Tokens;
import io.newsflow.extraction.entities.train.CorpusReader;
import io.newsflow.extraction.entities.train.Embeddings;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Skip-gram vectors per word (see {@link Embeddings}), keyed as the tagger keys a word's stem: in Arabic without
 * its fused conjunction, preposition and article ({@link #key}), so {@code وفرنسا} and {@code الفرنسية}'s neighbours
 * share the vectors of {@code فرنسا} and {@code فرنسية}. Each vector has length √dimensions, about one per component.
 */
public final class WordVectors {

    private static final String MAGIC = "newsflow word vectors, one byte per component";
    private static final int MIN_COUNT = 3;
    private static final int WINDOW = 5;
    private static final int NEGATIVES = 5;
    private static final int EPOCHS = 3;

    private final LongIntMap rows;
    private final float[][] vectors;

    private WordVectors(LongIntMap rows, float[][] vectors) {
        this.rows = rows;
        this.vectors = vectors;
    }

    public int dimensions() {
        return vectors.length == 0 ? 0 : vectors[0].length;
    }

    public int size() {
        return vectors.length;
    }

    /** The vector of the word keyed {@code key}, or null. Shared: do not modify. */
    public float[] of(long key) {
        int row = rows.get(key, -1);
        return row < 0 ? null : vectors[row];
    }

    /**
     * The folded hash a word's vector is keyed by: in Arabic the word without the clitics the lexicon's counts
     * favour ({@link Features#bestSplit}) and without its article, as the tagger's stem features; in English the word.
     */
    public static long key(Lexicon lexicon, String text, int start, int end, boolean arabic) {
        long word = FoldedHash.hash(text, start, end);
        if (!arabic) {
            return word;
        }
        int split = Features.bestSplit(lexicon, text, start, end, lexicon.count(word), new int[Clitics.MAX_SPLITS]);
        int stemStart = start + Clitics.offset(split);
        if (Clitics.restoresArticle(split)) {
            return FoldedHash.hash(text, stemStart, end);
        }
        if (end - stemStart > 4 && text.charAt(stemStart) == 'ا' && text.charAt(stemStart + 1) == 'ل') {
            return FoldedHash.hash(text, stemStart + 2, end);
        }
        return split == Clitics.WHOLE ? word : Clitics.stemHash(text, start, end, split);
    }

    /** As {@link #learn(String, Lexicon, List, List, int, long, PrintStream)}, with the networks' size and seed. */
    public static WordVectors learn(String language, Lexicon lexicon, List<Path> corpora,
                                    List<ConllCorpus.Sentence> sentences, PrintStream log) throws IOException {
        return learn(language, lexicon, corpora, sentences, 64, 20240611L, log);
    }

    /**
     * Learns vectors from the articles of {@code corpora} in {@code language} plus the words (not labels) of
     * {@code sentences}; deterministic for a seed.
     */
    private static WordVectors learn(String language, Lexicon lexicon, List<Path> corpora,
                                     List<ConllCorpus.Sentence> sentences, int dimensions, long seed, PrintStream log)
            throws IOException {
        boolean arabic = language.equals("ar");
        long started = System.nanoTime();
        Text text = new Text();
        int articles = 0;
        for (Path corpus : corpora) {
            articles += CorpusReader.forEach(corpus, language, Integer.MAX_VALUE, article -> {
                Tokens tokens = Tokenizer.tokenize(article);
                for (int s = 0; s < tokens.sentenceCount(); s++) {
                    for (int i = tokens.sentenceStart(s); i < tokens.sentenceEnd(s); i++) {
                        text.add(key(lexicon, article, tokens.start(i), tokens.end(i), arabic));
                    }
                    text.endSentence();
                }
            });
        }
        for (ConllCorpus.Sentence sentence : sentences) {
            for (String word : sentence.words()) {
                text.add(key(lexicon, word, 0, word.length(), arabic));
            }
            text.endSentence();
        }
        int[] vocabularyId = new int[text.words];
        int vocabulary = 0;
        for (int id = 0; id < text.words; id++) {
            vocabularyId[id] = text.counts[id] >= MIN_COUNT ? vocabulary++ : -1;
        }
        int[] keptCounts = new int[vocabulary];
        long[] keptKeys = new long[vocabulary];
        for (int id = 0; id < text.words; id++) {
            if (vocabularyId[id] >= 0) {
                keptCounts[vocabularyId[id]] = text.counts[id];
                keptKeys[vocabularyId[id]] = text.keys[id];
            }
        }
        int[] kept = new int[text.length];
        int n = 0;
        for (int k = 0; k < text.length; k++) {
            int id = text.ids[k];
            if (id < 0) {
                kept[n++] = -1;
            } else if (vocabularyId[id] >= 0) {
                kept[n++] = vocabularyId[id];
            }
        }
        log.printf(Locale.ROOT, "word vectors: %d articles, %d tokens, %d words seen %d+ times%n", articles,
                text.length, vocabulary, MIN_COUNT);
        float[] flat = Embeddings.train(Arrays.copyOf(kept, n), keptCounts, dimensions, WINDOW, NEGATIVES, EPOCHS,
                seed);
        LongIntMap rows = new LongIntMap(vocabulary);
        float[][] vectors = new float[vocabulary][dimensions];
        for (int r = 0; r < vocabulary; r++) {
            rows.put(keptKeys[r], r);
            double norm = 0;
            for (int x = 0; x < dimensions; x++) {
                norm += flat[r * dimensions + x] * flat[r * dimensions + x];
            }
            double scale = norm == 0 ? 0 : Math.sqrt(dimensions / norm);
            for (int x = 0; x < dimensions; x++) {
                vectors[r][x] = (float) (flat[r * dimensions + x] * scale);
            }
            quantize(vectors[r]);
        }
        log.printf(Locale.ROOT, "word vectors: %d x %d (%.0f s)%n", vocabulary, dimensions,
                (System.nanoTime() - started) / 1e9);
        return new WordVectors(rows, vectors);
    }

    /** The text as word ids in order (-1 between sentences), with each id's key and count. */
    private static final class Text {
        private final LongIntMap index = new LongIntMap(1 << 16);
        long[] keys = new long[1 << 16];
        int[] counts = new int[1 << 16];
        int words;
        int[] ids = new int[1 << 22];
        int length;

        void add(long key) {
            int id = index.get(key, -1);
            if (id < 0) {
                id = words++;
                index.put(key, id);
                if (id == keys.length) {
                    keys = Arrays.copyOf(keys, id * 2);
                    counts = Arrays.copyOf(counts, id * 2);
                }
                keys[id] = key;
            }
            counts[id]++;
            append(id);
        }

        void endSentence() {
            append(-1);
        }

        private void append(int id) {
            if (length == ids.length) {
                ids = Arrays.copyOf(ids, length * 2);
            }
            ids[length++] = id;
        }
    }

    /**
     * Rounds each component to one of 255 steps of the vector's largest: a model file ships one byte per component,
     * and the vectors are rounded as soon as they are learned, so what cross-validation measures is what ships.
     */
    private static void quantize(float[] vector) {
        float scale = quantizationStep(vector);
        if (scale == 0) {
            return;
        }
        for (int x = 0; x < vector.length; x++) {
            vector[x] = Math.round(vector[x] / scale) * scale;
        }
    }

    private static float quantizationStep(float[] vector) {
        float largest = 0;
        for (float v : vector) {
            largest = Math.max(largest, Math.abs(v));
        }
        return largest / 127;
    }

    /** Writes the vectors one byte per component, as {@link #readFrom} reads them back. */
    void writeTo(DataOutputStream out) throws IOException {
        out.writeUTF(MAGIC);
        out.writeInt(vectors.length);
        out.writeInt(dimensions());
        long[] keys = new long[vectors.length];
        rows.forEach((hash, row) -> keys[row] = hash);
        byte[] steps = new byte[dimensions()];
        for (int r = 0; r < vectors.length; r++) {
            float scale = quantizationStep(vectors[r]);
            out.writeLong(keys[r]);
            out.writeFloat(scale);
            for (int x = 0; x < steps.length; x++) {
                steps[x] = (byte) (scale == 0 ? 0 : Math.round(vectors[r][x] / scale));
            }
            out.write(steps);
        }
    }

    static WordVectors readFrom(DataInputStream in) throws IOException {
        if (!MAGIC.equals(in.readUTF())) {
            throw new IOException("not newsflow word vectors of this format");
        }
        int size = in.readInt();
        int dimensions = in.readInt();
        LongIntMap rows = new LongIntMap(size);
        float[][] vectors = new float[size][dimensions];
        byte[] steps = new byte[dimensions];
        for (int r = 0; r < size; r++) {
            rows.put(in.readLong(), r);
            float scale = in.readFloat();
            in.readFully(steps);
            for (int x = 0; x < dimensions; x++) {
                vectors[r][x] = steps[x] * scale;
            }
        }
        return new WordVectors(rows, vectors);
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(
                Files.newOutputStream(file), 1 << 16)))) {
            writeTo(out);
        }
    }

    public static WordVectors read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(
                Files.newInputStream(file), 1 << 16)))) {
            return readFrom(in);
        }
    }

    /** The vectors cached in {@code file}, learned and written there first when it does not exist yet. */
    public static WordVectors cached(Path file, String language, Lexicon lexicon, List<Path> corpora,
                                     List<ConllCorpus.Sentence> sentences, PrintStream log) throws IOException {
        if (Files.isRegularFile(file)) {
            try {
                WordVectors vectors = read(file);
                log.printf(Locale.ROOT, "word vectors: %d x %d from %s%n", vectors.size(), vectors.dimensions(),
                        file);
                return vectors;
            } catch (IOException e) {
                log.printf(Locale.ROOT, "word vectors: %s is unreadable (%s), learning them again%n", file,
                        e.getMessage());
            }
        }
        WordVectors vectors = learn(language, lexicon, corpora, sentences, log);
        vectors.write(file);
        return vectors;
    }
}
