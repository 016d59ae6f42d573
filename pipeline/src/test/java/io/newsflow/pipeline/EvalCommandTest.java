package io.newsflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.newsflow.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval ner --cv} on a tiny CoNLL training and dev file the test writes; {@code eval figures --unseen} on the
 * shared corpus.
 */
class EvalCommandTest {

    @Test
    void crossValidatesOverTrainAndDevAndPrintsMeanAndSpreadPerType(@TempDir Path dir) throws IOException {
        Path train = TaggedSentences.ENGLISH.write(dir.resolve("train.conll"), 0, 24);
        Path dev = TaggedSentences.ENGLISH.write(dir.resolve("dev.conll"), 24, 30);
        Path corpus = dir.resolve("corpus.jsonl");
        Files.writeString(corpus, "{\"lang\": \"en\", \"headline\": \"News\", \"body\": \"John Smith went to Paris.\"}\n"
                .repeat(5), StandardCharsets.UTF_8);

        InProcessRun run = InProcessRun.of("eval", "ner", "--cv", "3", "--lang", "en", "--train", train.toString(), "--dev",
                dev.toString(), "--corpus", corpus.toString(), "--models", "1", "--epochs", "2");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("cross-validation (en): 3 folds of contiguous sentences over 30 sentences",
                "annotation convention product: mean ± sample standard deviation over 3 fold(s)");
        // the dev file's six sentences are the end of the last fold
        assertThat(run.out().lines()).anyMatch(l -> l.matches("3 +21-30 +20 +\\d+\\.\\d\\d( +\\d+\\.\\d\\d){4}"));
        assertThat(run.out().lines()).anyMatch(l -> l.matches("LOC +\\d+\\.\\d\\d ± +\\d+\\.\\d\\d +\\d+\\.\\d\\d ± +"
                + "\\d+\\.\\d\\d"));
    }

    @Test
    void comparesEntityBiasesOnTheSameFolds(@TempDir Path dir) throws IOException {
        Path train = TaggedSentences.ENGLISH.write(dir.resolve("train.conll"), 0, 30);
        Path corpus = dir.resolve("corpus.jsonl");
        Files.writeString(corpus, "{\"lang\": \"en\", \"headline\": \"News\", \"body\": \"John Smith went to Paris.\"}\n"
                .repeat(5), StandardCharsets.UTF_8);
        String[] cv = {"eval", "ner", "--cv", "3", "--lang", "en", "--train", train.toString(), "--dev",
                dir.resolve("none.conll").toString(), "--corpus", corpus.toString(), "--models", "1", "--epochs", "2",
                "--entity-bias"};

        InProcessRun run = InProcessRun.of(concat(cv, "0,4,PER=2/ORG=3"));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("differences paired per fold against bias 0");
        for (String bias : new String[]{"0", "4", "PER=2/ORG=3"}) {
            assertThat(run.out().lines()).anyMatch(l -> l.matches(bias + " +product( +\\d+\\.\\d\\d){3} .*"));
        }
        InProcessRun wrong = InProcessRun.of(concat(cv, "0,PERSON=2"));
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("unknown entity type PERSON");
    }

    private static String[] concat(String[] head, String last) {
        String[] all = java.util.Arrays.copyOf(head, head.length + 1);
        all[head.length] = last;
        return all;
    }

    @Test
    void wantsEitherAFileOrFolds() {
        InProcessRun run = InProcessRun.of("eval", "ner", "--lang", "en");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("give either --conll FILE or --cv K");
    }

    @Test
    void scoresTheUnseenStoriesPerLanguage() {
        Path corpus = SharedData.require("corpus/news.jsonl");

        InProcessRun run = InProcessRun.of("eval", "figures", "--unseen", corpus.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("unseen stories (ar)", "unseen stories (en)");
        assertThat(run.out().lines().filter(l -> l.matches("by value: F1 \\d+\\.\\d \\(P .*")))
                .as(run.out()).hasSize(2);
        assertThat(run.out().lines()).anyMatch(l -> l.matches("MONEY +\\d+ +\\d+ .*"));
    }

    @Test
    void unseenStoriesShowNoMissesAndNeedTheirCorpus(@TempDir Path dir) {
        InProcessRun misses = InProcessRun.of("eval", "figures", "--unseen", dir.resolve("news.jsonl").toString(), "--misses");
        assertThat(misses.exit()).isEqualTo(2);
        assertThat(misses.err()).contains("--unseen takes no --misses");
        assertThat(misses.out()).isEmpty();

        InProcessRun absent = InProcessRun.of("eval", "figures", "--unseen", dir.resolve("news.jsonl").toString());
        assertThat(absent.exit()).isEqualTo(2);
        assertThat(absent.err()).contains("no corpus file at");
    }
}
