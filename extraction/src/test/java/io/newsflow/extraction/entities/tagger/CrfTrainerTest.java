package io.newsflow.extraction.entities.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.extraction.entities.eval.ConllEvaluation;
import io.newsflow.extraction.entities.gazetteer.Gazetteer;
import io.newsflow.extraction.entities.text.LongIntMap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The CRF learner on a toy problem that a linear-chain model separates exactly. */
class CrfTrainerTest {

    private static final String[] FIRST = {"Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid"};
    private static final String[] LAST = {"Kovac", "Lindqvist", "Moreau", "Novak", "Ortega", "Petrov"};
    private static final String[] PLACES = {"Quibdo", "Rovaniemi", "Salalah", "Tromso", "Ushuaia", "Vaduz"};
    private static final String[] VERBS = {"visited", "left", "praised", "described"};

    /**
     * Two-word people, one-word places and the label of a word that is both a place's and a person's (B-PER before
     * a surname, B-LOC otherwise) only follow from neighbours and transitions.
     */
    private static List<ConllCorpus.Sentence> toySentences(int count, long seed) {
        Random random = new Random(seed);
        List<ConllCorpus.Sentence> sentences = new ArrayList<>();
        int bPer = Labels.begin(io.newsflow.extraction.EntityType.PERSON);
        int bLoc = Labels.begin(io.newsflow.extraction.EntityType.LOCATION);
        for (int s = 0; s < count; s++) {
            List<String> words = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            words.add(FIRST[random.nextInt(FIRST.length)]);
            labels.add(bPer);
            words.add(LAST[random.nextInt(LAST.length)]);
            labels.add(bPer + 1);
            words.add(VERBS[random.nextInt(VERBS.length)]);
            labels.add(Labels.O);
            if (random.nextBoolean()) {
                words.add(PLACES[random.nextInt(PLACES.length)]);
                labels.add(bLoc);
            } else {
                words.add("Vaduz");
                labels.add(bPer);
                words.add(LAST[random.nextInt(LAST.length)]);
                labels.add(bPer + 1);
            }
            words.add(".");
            labels.add(Labels.O);
            sentences.add(new ConllCorpus.Sentence(words, labels.stream().mapToInt(Integer::intValue).toArray()));
        }
        return sentences;
    }

    private static Lexicon emptyLexicon() {
        return new Lexicon(new LongIntMap(16), new int[0], new long[0], new int[0]);
    }

    @Test
    void learnsASeparableToySequenceProblemAndTagsUnseenSentencesOfIt() throws IOException {
        Gazetteer gazetteer = Gazetteer.load();
        List<Double> perEpoch = new ArrayList<>();
        SequenceTagger tagger = new CrfTrainer("en", emptyLexicon(), gazetteer).train(toySentences(200, 1), 5, 3,
                t -> perEpoch.add(ConllEvaluation.scoreTagger(t, toySentences(100, 2)).f1()));

        assertThat(perEpoch).hasSize(5);
        assertThat(ConllEvaluation.scoreTagger(tagger, toySentences(100, 2)).f1())
                .as("F1 on unseen sentences of the toy problem").isEqualTo(100.0);

        ByteArrayOutputStream written = new ByteArrayOutputStream();
        tagger.write(written);
        SequenceTagger read = SequenceTagger.read(new ByteArrayInputStream(written.toByteArray()), gazetteer);
        assertThat(ConllEvaluation.scoreTagger(read, toySentences(100, 2)).f1())
                .as("the same weights after writing and reading the model").isEqualTo(100.0);
    }
}
