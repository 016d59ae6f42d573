package io.newsflow.extraction.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.extraction.SharedData;
import io.newsflow.extraction.entities.gazetteer.Gazetteer;
import io.newsflow.extraction.entities.tagger.ConllCorpus;
import io.newsflow.extraction.entities.tagger.Lexicon;
import io.newsflow.extraction.entities.tagger.PerceptronTrainer;
import io.newsflow.extraction.entities.tagger.SequenceTagger;
import io.newsflow.extraction.entities.text.Tokens;
import io.newsflow.extraction.entities.train.NerTrainer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The story pass ({@code --story-pass}): recorded in the model, so a model read back tags as the one trained, and
 * changing the tagging only when the recipe asked for it. Trained on a slice of the English data, scored on the
 * sentences after it.
 */
class NerStoryPassTest {

    private static final int TRAINING = 600;
    private static final int HELD_OUT = 300;

    private static Gazetteer gazetteer;
    private static List<Tokens> documents;
    private static SequenceTagger without;
    private static SequenceTagger with;

    @BeforeAll
    static void train() throws IOException {
        List<ConllCorpus.Sentence> all = ConllCorpus.read(SharedData.require("ner/en-train.conll"));
        Path corpus = SharedData.require("corpus/news.jsonl");
        List<ConllCorpus.Sentence> training = all.subList(0, TRAINING);
        documents = new ArrayList<>();
        for (int d = TRAINING; d < TRAINING + HELD_OUT; d += PerceptronTrainer.DOCUMENT_SENTENCES) {
            documents.add(Tokens.ofSentences(all.subList(d, d + PerceptronTrainer.DOCUMENT_SENTENCES).stream()
                    .map(ConllCorpus.Sentence::words).toList()));
        }
        NerTrainer.Options quick = new NerTrainer.Options(4, 150, 16, 1, new int[]{64, 16, 4}, 5_000, 3, 7L,
                null, 2, null, null, 0, false);
        PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        gazetteer = Gazetteer.load();
        Lexicon lexicon = NerTrainer.lexicon("en", training, corpus, quick, log);
        without = NerTrainer.trainTagger("en", lexicon, gazetteer, training, quick, List.of(), log);
        with = NerTrainer.trainTagger("en", lexicon, gazetteer, training, quick.withStoryPass(true), List.of(),
                log);
    }

    @Test
    void theModelRecordsTheStoryPassAndTagsAsTrainedWhenReadBack() throws IOException {
        SequenceTagger withRead = roundTrip(with);
        SequenceTagger withoutRead = roundTrip(without);

        assertThat(with.hasStoryPass()).isTrue();
        assertThat(withRead.hasStoryPass()).as("read back from the model file").isTrue();
        assertThat(withoutRead.hasStoryPass()).isFalse();
        for (Tokens document : documents) {
            assertThat(labels(withRead, document)).isEqualTo(labels(with, document));
            assertThat(labels(withoutRead, document)).isEqualTo(labels(without, document));
        }
    }

    @Test
    void theStoryPassChangesTaggingOnlyWhenOn() {
        int changed = 0;
        for (Tokens document : documents) {
            int[] plain = labels(without, document);
            assertThat(labels(with.withStoryPass(null), document))
                    .as("the first pass is the model trained without the option").isEqualTo(plain);
            assertThat(plain).as("without a story pass, the document is tagged sentence by sentence as before")
                    .isEqualTo(sentenceBySentence(without, document));
            int[] story = labels(with, document);
            for (int t = 0; t < story.length; t++) {
                changed += story[t] != plain[t] ? 1 : 0;
            }
        }
        assertThat(changed).as("tokens whose label the story pass changed").isPositive();
    }

    private static SequenceTagger roundTrip(SequenceTagger tagger) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        tagger.write(bytes);
        return SequenceTagger.read(new ByteArrayInputStream(bytes.toByteArray()), gazetteer);
    }

    private static int[] labels(SequenceTagger tagger, Tokens document) {
        int[] labels = new int[document.size()];
        tagger.tagDocument(document, new SequenceTagger.Scratch(), labels, new float[document.size()], () -> { });
        return labels;
    }

    private static int[] sentenceBySentence(SequenceTagger tagger, Tokens document) {
        int[] labels = new int[document.size()];
        SequenceTagger.Scratch scratch = new SequenceTagger.Scratch();
        for (int s = 0; s < document.sentenceCount(); s++) {
            int from = document.sentenceStart(s);
            int to = document.sentenceEnd(s);
            int[] sentence = new int[to - from];
            tagger.tag(document, from, to, scratch, sentence, new float[to - from]);
            System.arraycopy(sentence, 0, labels, from, to - from);
        }
        return labels;
    }
}
