package io.newsflow.extraction.entities.tagger;

import io.newsflow.extraction.entities.gazetteer.Gazetteer;
import io.newsflow.extraction.entities.text.Tokens;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained averaged-perceptron BIO tagger for one language, decoded with first-order Viterbi over well-formed BIO
 * sequences (see {@link Lattice}). Each token costs one pass of label-independent feature lookups plus a few
 * lookups per possible previous label. Immutable and thread-safe.
 */
public final class SequenceTagger {

    private static final String MAGIC = "newsflow-ner-tagger";
    private static final int FORMAT = 5;
    /** The last format without the character n-gram switch in the lexicon, still read. */
    private static final int FORMAT_WITHOUT_CHAR_GRAMS = 4;
    /** The last format without name cues and type priors in the lexicon, still read. */
    private static final int FORMAT_WITHOUT_CUES = 3;
    /** The last format without word-order classes in the lexicon, still read for {@code --reuse-lexicon}. */
    private static final int FORMAT_WITHOUT_CLASSES = 2;

    private final String language;
    private final Lexicon lexicon;
    private final Weights weights;
    /** Weights of the transition features, one per (previous label, label): {@link Lattice#PREVIOUS} rows. */
    private final Weights transitions;
    private final Features features;
    private final EntityBias bias;
    /** {@link #bias} per label, added to each token's label scores before decoding. */
    private final float[] labelBias;
    /** Another model's scores added before decoding, or null; see {@link #withExtraScores}. */
    private final ExtraScores extra;
    /** The factor on this tagger's own scores: 1 but when another model decodes alone. */
    private final float ownWeight;

    public SequenceTagger(String language, Lexicon lexicon, Weights weights, Weights transitions,
                          Gazetteer gazetteer) {
        this(language, lexicon, weights, transitions, new Features(lexicon, gazetteer, language.equals("ar")),
                EntityBias.NONE, null, 1);
    }

    private SequenceTagger(String language, Lexicon lexicon, Weights weights, Weights transitions,
                           Features features, EntityBias bias, ExtraScores extra, float ownWeight) {
        this.language = language;
        this.lexicon = lexicon;
        this.weights = weights;
        this.transitions = transitions;
        this.features = features;
        this.bias = bias;
        this.labelBias = bias.perLabel();
        this.extra = extra;
        this.ownWeight = ownWeight;
    }

    /**
     * The same model decoding with {@code bias} added to the entity labels' scores (sharing the weights); a
     * decoding setting, not part of the model file.
     */
    public SequenceTagger withEntityBias(EntityBias other) {
        return other.equals(bias) ? this
                : new SequenceTagger(language, lexicon, weights, transitions, features, other, extra, ownWeight);
    }

    /**
     * The same model decoding with {@code scores} (null: none) added to its label scores and its own scores times
     * {@code ownWeight} (1 to combine; 0 lets {@code scores} decode alone, history features and all, under the same
     * Viterbi); a decoding setting, not part of the model file: the recognizer adds the neural tagger's this way.
     */
    public SequenceTagger withExtraScores(ExtraScores scores, float ownWeight) {
        return new SequenceTagger(language, lexicon, weights, transitions, features, bias, scores, ownWeight);
    }

    /** One tagger scoring as the mean of {@code taggers}' scores, which must share a lexicon and language. */
    public static SequenceTagger mean(List<SequenceTagger> taggers) {
        SequenceTagger first = taggers.get(0);
        if (taggers.size() == 1) {
            return first;
        }
        return new SequenceTagger(first.language, first.lexicon,
                Weights.mean(taggers.stream().map(t -> t.weights).toList()),
                Weights.mean(taggers.stream().map(t -> t.transitions).toList()), first.features.gazetteer());
    }

    public String language() {
        return language;
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    public int featureCount() {
        return weights.size() + transitions.size();
    }

    /**
     * One document's tagging state for one thread: buffers, and the {@link History} of what earlier sentences of
     * the document were tagged. Create one per document.
     */
    public static final class Scratch {
        final Features.Sentence sentence = new Features.Sentence();
        final long[] features = new long[Features.MAX];
        final int[] emission = new int[Labels.COUNT];
        final float[] emitted = new float[Labels.COUNT];
        final int[] pair = new int[Lattice.PREVIOUS * Labels.COUNT];
        final Lattice lattice = new Lattice();
        final History history = new History();
    }

    /**
     * Labels tokens {@code [from, to)} as the next sentence of the document {@code scratch} is tagging:
     * {@code labels[k]} and {@code confidence[k]} for token {@code from + k}. Confidence is the logistic of the
     * margin between the best sequence and the best one that labels the token otherwise.
     */
    public void tag(Tokens tokens, int from, int to, Scratch scratch, int[] labels, float[] confidence) {
        int n = to - from;
        Features.Sentence sentence = scratch.sentence;
        features.prepare(tokens, from, to, sentence);
        Lattice lattice = scratch.lattice;
        lattice.ensure(n);
        float[] score = lattice.score;
        float scale = weights.scale() * ownWeight;
        float pairScale = transitions.scale() * ownWeight;
        int[] emission = scratch.emission;
        float[] emitted = scratch.emitted;
        float[] labelBias = this.labelBias;
        int[] pair = scratch.pair;
        for (int i = 0; i < n; i++) {
            Arrays.fill(emission, 0);
            int count = features.emission(sentence, i, scratch.history, scratch.features);
            for (int f = 0; f < count; f++) {
                weights.addTo(scratch.features[f], emission);
            }
            Arrays.fill(pair, 0);
            count = features.transition(sentence, i, scratch.features);
            for (int f = 0; f < count; f++) {
                transitions.addTo(scratch.features[f], pair);
            }
            for (int l = 0; l < Labels.COUNT; l++) {
                emitted[l] = emission[l] * scale + labelBias[l];
            }
            for (int p = i == 0 ? Labels.START : 0; p < (i == 0 ? Labels.START + 1 : Labels.COUNT); p++) {
                int at = Lattice.at(i, p);
                for (int l = 0; l < Labels.COUNT; l++) {
                    score[at + l] = emitted[l] + pair[p * Labels.COUNT + l] * pairScale;
                }
            }
        }
        if (extra == null) {
            lattice.decode(n, labels, confidence);
        } else if (extra.belowMargin() == Float.POSITIVE_INFINITY) {
            addExtra(tokens, from, to, lattice);
            lattice.decode(n, labels, confidence);
        } else {
            lattice.decode(n, labels, confidence);
            float least = Float.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                least = Math.min(least, confidence[i]);
            }
            if (least < extra.belowMargin()) {
                addExtra(tokens, from, to, lattice);
                lattice.decode(n, labels, confidence);
            }
        }
        for (int i = 0; i < n; i++) {
            scratch.history.record(Features.memoryKey(sentence, i), labels[i]);
            confidence[i] = (float) (1 / (1 + Math.exp(-confidence[i])));
        }
    }

    /** Adds the other model's scores of tokens {@code [from, to)} to every label score of the lattice. */
    private void addExtra(Tokens tokens, int from, int to, Lattice lattice) {
        int n = to - from;
        float[] added = new float[n * Labels.COUNT];
        extra.score(tokens, from, to, added);
        float[] score = lattice.score;
        for (int i = 0; i < n; i++) {
            for (int p = i == 0 ? Labels.START : 0; p < (i == 0 ? Labels.START + 1 : Labels.COUNT); p++) {
                int at = Lattice.at(i, p);
                for (int l = 0; l < Labels.COUNT; l++) {
                    score[at + l] += added[i * Labels.COUNT + l];
                }
            }
        }
    }

    /** Receives each token of a document tagged by {@link #tagDocument}: the word as the history keys it, its label. */
    @FunctionalInterface
    public interface TokenLabels {
        void accept(long memoryKey, int label);
    }

    /** Tags every sentence of {@code tokens} as one document and hands each token's key and label to {@code sink}. */
    public void tagDocument(Tokens tokens, TokenLabels sink) {
        Scratch scratch = new Scratch();
        int[] labels = new int[64];
        float[] confidence = new float[64];
        for (int s = 0; s < tokens.sentenceCount(); s++) {
            int from = tokens.sentenceStart(s);
            int to = tokens.sentenceEnd(s);
            if (to == from) {
                continue;
            }
            if (to - from > labels.length) {
                labels = new int[to - from];
                confidence = new float[to - from];
            }
            tag(tokens, from, to, scratch, labels, confidence);
            for (int i = 0; i < to - from; i++) {
                sink.accept(Features.memoryKey(scratch.sentence, i), labels[i]);
            }
        }
    }

    Features features() {
        return features;
    }

    public void write(OutputStream target) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(target, 1 << 16)));
        out.writeUTF(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(language);
        lexicon.write(out);
        weights.write(out);
        transitions.write(out);
        out.flush();
        out.close();
    }

    public static SequenceTagger read(InputStream source, Gazetteer gazetteer) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source, 1 << 16)));
        if (!MAGIC.equals(in.readUTF())) {
            throw new IOException("not a newsflow NER tagger model");
        }
        int format = in.readInt();
        if (format < FORMAT_WITHOUT_CUES || format > FORMAT) {
            throw new IOException("a newsflow NER tagger model of an incompatible format: " + format);
        }
        String language = in.readUTF();
        Lexicon lexicon = Lexicon.read(in, true, format > FORMAT_WITHOUT_CUES, format > FORMAT_WITHOUT_CHAR_GRAMS);
        Weights weights = Weights.read(in);
        Weights transitions = Weights.read(in);
        return new SequenceTagger(language, lexicon, weights, transitions, gazetteer);
    }

    /**
     * Only the lexicon of a model of any format version: the corpus clusters outlive changes to the features, so
     * a retrained tagger can reuse them.
     */
    public static Lexicon readLexicon(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source, 1 << 16)));
        if (!MAGIC.equals(in.readUTF())) {
            throw new IOException("not a newsflow NER tagger model");
        }
        int format = in.readInt();
        in.readUTF();
        return Lexicon.read(in, format > FORMAT_WITHOUT_CLASSES, format > FORMAT_WITHOUT_CUES,
                format > FORMAT_WITHOUT_CHAR_GRAMS);
    }
}
