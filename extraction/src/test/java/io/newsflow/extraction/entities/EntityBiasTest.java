package io.newsflow.extraction.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.extraction.entities.gazetteer.Gazetteer;
import io.newsflow.extraction.entities.tagger.EntityBias;
import io.newsflow.extraction.entities.tagger.Labels;
import io.newsflow.extraction.entities.tagger.SequenceTagger;
import io.newsflow.extraction.entities.text.Tokenizer;
import io.newsflow.extraction.entities.text.Tokens;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The entity bias on the shipped Arabic tagger, on sentences written for this test. */
class EntityBiasTest {

    private static final String TEXT = "وقالت أمل إن الحفل تأجل إلى الأسبوع المقبل. وتحدث فراس مع الصحفيين بعد المباراة. "
            + "وشارك نبيل وسعيد في اللقاء الذي عقد مساء أمس في عمان. وأعلن نادي الوحدات تعاقده مع اللاعب باسل. "
            + "وأوضح الباحث طارق المصري أن النتائج أولية. وحضر الاجتماع سفير النرويج ومدير معهد هوفمان للدراسات.";

    @Test
    void aLargerBiasNeverNamesFewerTokens() throws IOException {
        SequenceTagger tagger;
        try (InputStream in = getClass().getResourceAsStream("/io/newsflow/extraction/entities/ner-ar.model.gz")) {
            tagger = SequenceTagger.read(in, Gazetteer.load());
        }
        Tokens tokens = Tokenizer.tokenize(TEXT);
        float[] biases = {-1e4f, -32, -8, 0, 8, 32, 64, 128, 1e4f};
        int[] named = new int[biases.length];
        for (int b = 0; b < biases.length; b++) {
            named[b] = namedTokens(tagger.withEntityBias(EntityBias.global(biases[b])), tokens);
            if (b > 0) {
                // per sentence, a sequence's score rises by the bias times its named tokens: the best one at a
                // larger bias names at least as many
                assertThat(named[b]).as("named tokens at bias %s", biases[b]).isGreaterThanOrEqualTo(named[b - 1]);
            }
        }
        assertThat(named[0]).isZero();
        assertThat(named[3]).isEqualTo(namedTokens(tagger, tokens)).isPositive();
        assertThat(named[7]).as("more names at bias 128 than at 0").isGreaterThan(named[3]);
        assertThat(named[8]).isEqualTo(tokens.size());
    }

    /** Tokens the tagger labels as part of a name, each sentence decoded on its own (no document history). */
    private static int namedTokens(SequenceTagger tagger, Tokens tokens) {
        return (int) SentenceLabels.of(tagger, tokens).stream().filter(label -> label != Labels.O).count();
    }
}
