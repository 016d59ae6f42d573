package io.newsflow.extraction.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.extraction.entities.gazetteer.Gazetteer;
import io.newsflow.extraction.entities.tagger.ExtraScores;
import io.newsflow.extraction.entities.tagger.Labels;
import io.newsflow.extraction.entities.tagger.SequenceTagger;
import io.newsflow.extraction.entities.text.Tokenizer;
import io.newsflow.extraction.entities.text.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Another model's scores in the shipped Arabic tagger's decoding, on sentences written for this test. */
class ExtraScoresTest {

    private static final String TEXT = "وقالت سلمى إن المعرض سيفتتح في الشهر المقبل. والتقى وزير الخارجية نظيره في بيروت. "
            + "وأكد المدرب حسان أن الفريق جاهز. وزار الوفد مصنع الإسمنت في حمص صباح اليوم.";

    private static final int SENTENCES = 4;

    private static SequenceTagger tagger;
    private static Tokens tokens;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ExtraScoresTest.class.getResourceAsStream(
                "/io/newsflow/extraction/entities/ner-ar.model.gz")) {
            tagger = SequenceTagger.read(in, Gazetteer.load());
        }
        tokens = Tokenizer.tokenize(TEXT);
    }

    @Test
    void scoresAddedBeforeDecodingDecideWhereTheyOutweighTheTagger() {
        assertThat(names(tagger)).as("the tagger alone names something").anyMatch(label -> label != Labels.O);
        assertThat(names(tagger.withExtraScores(noNames(new AtomicInteger(), Float.POSITIVE_INFINITY), 1)))
                .as("scores that rule out every name").containsOnly(Labels.O);
    }

    @Test
    void scoresAskedForOnlyBelowAMarginAreNotAskedWhereTheTaggerIsSure() {
        AtomicInteger never = new AtomicInteger();
        assertThat(names(tagger.withExtraScores(noNames(never, 0), 1))).as("no margin is under 0")
                .isEqualTo(names(tagger));
        assertThat(never).hasValue(0);

        AtomicInteger always = new AtomicInteger();
        assertThat(names(tagger.withExtraScores(noNames(always, 1e30f), 1))).containsOnly(Labels.O);
        assertThat(always).as("every sentence").hasValue(SENTENCES);
    }

    /** Scores that make O win by far, counting the sentences they are asked for. */
    private static ExtraScores noNames(AtomicInteger asked, float belowMargin) {
        return new ExtraScores() {
            @Override
            public void score(Tokens tokens, int from, int to, float[] out) {
                asked.incrementAndGet();
                for (int i = 0; i < to - from; i++) {
                    out[i * Labels.COUNT + Labels.O] = 1e6f;
                }
            }

            @Override
            public float belowMargin() {
                return belowMargin;
            }
        };
    }

    private static List<Integer> names(SequenceTagger decoding) {
        return SentenceLabels.of(decoding, tokens);
    }
}
