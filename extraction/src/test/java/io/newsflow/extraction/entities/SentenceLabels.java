package io.newsflow.extraction.entities;

import io.newsflow.extraction.entities.tagger.SequenceTagger;
import io.newsflow.extraction.entities.text.Tokens;
import java.util.ArrayList;
import java.util.List;

/** What a tagger labels each token, each sentence decoded on its own (no document history): for tests of decoding. */
final class SentenceLabels {

    private SentenceLabels() {
    }

    static List<Integer> of(SequenceTagger tagger, Tokens tokens) {
        List<Integer> labels = new ArrayList<>();
        for (int s = 0; s < tokens.sentenceCount(); s++) {
            int from = tokens.sentenceStart(s);
            int to = tokens.sentenceEnd(s);
            if (to == from) {
                continue;
            }
            int[] sentence = new int[to - from];
            tagger.tag(tokens, from, to, new SequenceTagger.Scratch(), sentence, new float[to - from]);
            for (int label : sentence) {
                labels.add(label);
            }
        }
        return labels;
    }
}
