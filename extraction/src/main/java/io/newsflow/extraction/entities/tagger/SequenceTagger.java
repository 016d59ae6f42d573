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
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained averaged-perceptron BIO tagger for one language, decoded greedily left to right: each token takes the
 * best label that keeps BIO well formed, given the two labels before it. Greedy decoding costs one pass of
 * feature lookups per token, which is what lets a single core tag a thousand articles a second; the label
 * history features recover most of what Viterbi would add. Immutable and thread-safe.
 */
public final class SequenceTagger {

    private static final String MAGIC = "newsflow-ner-tagger";
    private static final int FORMAT = 1;

    private final String language;
    private final Lexicon lexicon;
    private final Weights weights;
    private final Features features;

    public SequenceTagger(String language, Lexicon lexicon, Weights weights, Gazetteer gazetteer) {
        this.language = language;
        this.lexicon = lexicon;
        this.weights = weights;
        this.features = new Features(lexicon, gazetteer, language.equals("ar"));
    }

    public String language() {
        return language;
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    public int featureCount() {
        return weights.size();
    }

    /**
     * One document's tagging state for one thread: buffers, and the {@link History} of what earlier sentences of
     * the document were tagged. Create one per document.
     */
    public static final class Scratch {
        final Features.Sentence sentence = new Features.Sentence();
        final long[] features = new long[Features.MAX];
        final int[] scores = new int[Labels.COUNT];
        final History history = new History();
    }

    /**
     * Labels tokens {@code [from, to)} as the next sentence of the document {@code scratch} is tagging:
     * {@code labels[k]} and {@code confidence[k]} for token {@code from + k}. Confidence is the logistic of the
     * margin between the chosen label and the runner-up.
     */
    public void tag(Tokens tokens, int from, int to, Scratch scratch, int[] labels, float[] confidence) {
        features.prepare(tokens, from, to, scratch.sentence);
        int previous = Labels.START;
        int beforePrevious = Labels.START;
        int[] scores = scratch.scores;
        float scale = weights.scale();
        for (int i = 0; i < to - from; i++) {
            int n = features.extract(scratch.sentence, i, previous, beforePrevious, scratch.history,
                    scratch.features);
            Arrays.fill(scores, 0);
            for (int f = 0; f < n; f++) {
                weights.addTo(scratch.features[f], scores);
            }
            int best = -1;
            int second = Integer.MIN_VALUE;
            for (int l = 0; l < Labels.COUNT; l++) {
                if (!Labels.allowed(previous, l)) {
                    continue;
                }
                if (best < 0 || scores[l] > scores[best]) {
                    if (best >= 0) {
                        second = scores[best];
                    }
                    best = l;
                } else if (scores[l] > second) {
                    second = scores[l];
                }
            }
            labels[i] = best;
            scratch.history.record(Features.memoryKey(scratch.sentence, i), best);
            confidence[i] = (float) (1 / (1 + Math.exp(scale * ((long) second - scores[best]))));
            beforePrevious = previous;
            previous = best;
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
        out.flush();
        out.close();
    }

    public static SequenceTagger read(InputStream source, Gazetteer gazetteer) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source, 1 << 16)));
        if (!MAGIC.equals(in.readUTF()) || in.readInt() != FORMAT) {
            throw new IOException("not a newsflow NER tagger model (or an incompatible format)");
        }
        String language = in.readUTF();
        Lexicon lexicon = Lexicon.read(in);
        Weights weights = Weights.read(in);
        return new SequenceTagger(language, lexicon, weights, gazetteer);
    }
}
