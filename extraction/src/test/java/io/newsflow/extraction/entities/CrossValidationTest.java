package io.newsflow.extraction.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.extraction.EntityType;
import io.newsflow.extraction.entities.eval.CrossValidation;
import io.newsflow.extraction.entities.eval.CrossValidation.Fold;
import io.newsflow.extraction.entities.neural.AdamTrainer;
import io.newsflow.extraction.entities.neural.NeuralTagger;
import io.newsflow.extraction.entities.tagger.ConllCorpus;
import io.newsflow.extraction.entities.tagger.EntityBias;
import io.newsflow.extraction.entities.train.NerTrainer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** K-fold cross-validation on a tiny CoNLL file the test writes. */
class CrossValidationTest {

    private static final String[] FIRST = {"John", "Maria", "Ahmed", "Li", "Olga", "Pedro", "Sara"};
    private static final String[] LAST = {"Smith", "Garcia", "Hassan", "Wei", "Petrova", "Alves", "Cohen"};
    private static final String[] CITY = {"Paris", "Cairo", "Lima", "Oslo", "Dakar"};

    @Test
    void foldsAreContiguousDisjointAndCoverEverySentence() {
        for (int sentences = 2; sentences <= 60; sentences++) {
            for (int k = 2; k <= Math.min(sentences, 7); k++) {
                List<Fold> folds = CrossValidation.folds(sentences, k);
                assertThat(folds).hasSize(k);
                assertThat(folds.get(0).from()).isZero();
                assertThat(folds.get(k - 1).to()).isEqualTo(sentences);
                for (int f = 0; f < k; f++) {
                    assertThat(folds.get(f).number()).isEqualTo(f + 1);
                    assertThat(folds.get(f).to() - folds.get(f).from())
                            .isBetween(sentences / k, sentences / k + 1);
                    if (f > 0) {
                        assertThat(folds.get(f).from()).as("fold %d starts where %d ends", f + 1, f)
                                .isEqualTo(folds.get(f - 1).to());
                    }
                }
            }
        }
        assertThat(CrossValidation.folds(10, 3)).containsExactly(new Fold(1, 0, 3), new Fold(2, 3, 6),
                new Fold(3, 6, 10));
        assertThatThrownBy(() -> CrossValidation.folds(3, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CrossValidation.folds(3, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runsEachFoldOnItsOwnBlockAndReportsMeanAndSpread(@TempDir Path dir) throws IOException {
        Path conll = writeFixture(dir.resolve("tiny.conll"), 40);
        Path corpus = writeCorpus(dir.resolve("corpus.jsonl"));
        List<ConllCorpus.Sentence> sentences = ConllCorpus.read(conll);
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        CrossValidation.Result result = CrossValidation.run("en", sentences, 4, null, 2, quick(), List.of(corpus),
                new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(result.folds()).extracting(CrossValidation.FoldScore::fold).containsExactly(
                new Fold(1, 0, 10), new Fold(2, 10, 20), new Fold(3, 20, 30), new Fold(4, 30, 40));
        // every fold holds 10 sentences of one person and one city each
        assertThat(result.folds()).allSatisfy(f -> {
            assertThat(f.score().gold(io.newsflow.extraction.EntityType.PERSON)).isEqualTo(10);
            assertThat(f.score().gold(io.newsflow.extraction.EntityType.LOCATION)).isEqualTo(10);
        });
        String report = result.report();
        assertThat(report).contains("cross-validation (en): 4 folds of contiguous sentences over 40 sentences",
                "4 fold(s) run", "annotation convention product: mean ± sample standard deviation over 4 fold(s)");
        assertThat(report.lines()).anyMatch(l -> l.matches("1 +1-10 +20 +\\d+\\.\\d\\d( +\\d+\\.\\d\\d){4}"));
        assertThat(report.lines()).anyMatch(l -> l.matches("4 +31-40 +20 +\\d+\\.\\d\\d( +\\d+\\.\\d\\d){4}"));
        assertThat(report.lines()).anyMatch(l -> l.matches("PER +\\d+\\.\\d\\d ± +\\d+\\.\\d\\d +\\d+\\.\\d\\d ± +"
                + "\\d+\\.\\d\\d"));
        assertThat(report.lines()).anyMatch(l -> l.startsWith("overall "));
        assertThat(result.meanF1()).as("names and cities that recur across folds").isGreaterThan(50);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("fold 3 of 4: F1");
    }

    @Test
    void runsOnlyTheChosenFolds(@TempDir Path dir) throws IOException {
        Path conll = writeFixture(dir.resolve("tiny.conll"), 30);
        Path corpus = writeCorpus(dir.resolve("corpus.jsonl"));

        CrossValidation.Result result = CrossValidation.run("en", ConllCorpus.read(conll), 3, Set.of(2), 1,
                quick(), List.of(corpus), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(result.folds()).extracting(CrossValidation.FoldScore::fold).containsExactly(new Fold(2, 10, 20));
        assertThat(result.report()).contains("3 folds of contiguous sentences over 30 sentences", "1 fold(s) run");
    }

    @Test
    void reusesTheFoldModelsItKept(@TempDir Path dir) throws IOException {
        List<ConllCorpus.Sentence> sentences = ConllCorpus.read(writeFixture(dir.resolve("tiny.conll"), 30));
        Path corpus = writeCorpus(dir.resolve("corpus.jsonl"));
        Path models = dir.resolve("models");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        CrossValidation.Result first = CrossValidation.run("en", sentences, 3, null, 1, quick(), List.of(corpus),
                models, quiet);
        assertThat(models.resolve("ner-en-fold2-of-3.model.gz")).isRegularFile();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        CrossValidation.Result again = CrossValidation.run("en", sentences, 3, null, 1, quick(), List.of(corpus),
                models, new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("lexicon:");
        assertThat(again.report()).isEqualTo(first.report());
    }

    @Test
    void scoresEveryEntityBiasOnTheSameFoldTaggers(@TempDir Path dir) throws IOException {
        List<ConllCorpus.Sentence> sentences = ConllCorpus.read(writeFixture(dir.resolve("tiny.conll"), 30));
        Path corpus = writeCorpus(dir.resolve("corpus.jsonl"));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        CrossValidation.Result plain = CrossValidation.run("en", sentences, 3, null, 1, quick(), List.of(corpus),
                quiet);
        CrossValidation.Result biased = CrossValidation.run("en", sentences, 3, null, 1, quick(), List.of(corpus), null,
                List.of(EntityBias.NONE, EntityBias.global(-1e4f), EntityBias.parse("LOC=1e4")), quiet);

        assertThat(biased.decodings()).extracting(CrossValidation.Decoding::bias).containsExactly(EntityBias.NONE,
                EntityBias.global(-1e4f), new EntityBias(0, 0, 1e4f, 0));
        assertThat(biased.folds()).as("bias 0 decodes as the recognizer does")
                .extracting(f -> f.score().f1()).containsExactlyElementsOf(
                        plain.folds().stream().map(f -> f.score().f1()).toList());
        assertThat(biased.decodings().get(1).folds()).as("no token outweighs that bias against names")
                .allSatisfy(f -> assertThat(f.score().recall(EntityType.PERSON)).isZero());
        assertThat(biased.decodings().get(2).folds()).as("every token a place")
                .allSatisfy(f -> {
                    assertThat(f.score().recall(EntityType.PERSON)).isZero();
                    assertThat(f.score().precision()).isLessThan(50);
                });
        String report = biased.report();
        assertThat(report.lines()).contains("entity bias 0");
        assertThat(report).contains("differences paired per fold against bias 0");
        assertThat(report.lines()).anyMatch(l -> l.matches("0 +product( +\\d+\\.\\d\\d){3} +\\d+\\.\\d\\d ± +"
                + "\\d+\\.\\d\\d +\\+0\\.00 ± +0\\.00( +\\d+\\.\\d\\d){6}"));
        assertThat(report.lines()).anyMatch(l -> l.matches("LOC=10000 +product( +\\d+\\.\\d\\d){3} .*"));
    }

    @Test
    void trainsTheNeuralTaggerPerFoldAndCombinesItWithThePerceptron(@TempDir Path dir) throws IOException {
        List<ConllCorpus.Sentence> sentences = ConllCorpus.read(writeFixture(dir.resolve("tiny.conll"), 30));
        Path corpus = writeCorpus(dir.resolve("corpus.jsonl"));
        Path vectors = dir.resolve("vectors.bin.gz");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CrossValidation.Neural neural = new CrossValidation.Neural(vectors, List.of(0f, 1e4f), List.of(),
                new NeuralTagger.Shape(4, 8, 8), new AdamTrainer.Settings(20, 0.01, 0, 5, 3));

        CrossValidation.Result plain = CrossValidation.run("en", sentences, 3, null, 1, quick(), List.of(corpus),
                quiet);
        CrossValidation.Result combined = CrossValidation.run("en", sentences, 3, null, 1, quick(), List.of(corpus),
                null,
                List.of(), neural, quiet);

        assertThat(vectors).as("the word vectors are cached for the next run").isRegularFile();
        assertThat(combined.decodings()).extracting(CrossValidation.Decoding::setting)
                .containsExactly("lambda 0", "lambda 10000", "NN alone");
        assertThat(combined.folds()).as("lambda 0 decodes as the recognizer does")
                .extracting(f -> f.score().f1()).containsExactlyElementsOf(
                        plain.folds().stream().map(f -> f.score().f1()).toList());
        assertThat(combined.decodings().get(1).folds()).as("a weight that drowns the perceptron decodes as the "
                        + "network alone").extracting(f -> f.score().f1()).containsExactlyElementsOf(
                combined.decodings().get(2).folds().stream().map(f -> f.score().f1()).toList());
        assertThat(combined.decodings().get(2).folds()).as("the network finds the names of other folds")
                .allSatisfy(f -> assertThat(f.score().recall(EntityType.PERSON)).isGreaterThan(50));
        assertThat(combined.report()).contains("differences paired per fold against lambda 0");
    }

    @Test
    void readsAnEntityBiasForEveryTypeOrPerType() {
        assertThat(EntityBias.parse("8")).isEqualTo(EntityBias.global(8));
        assertThat(EntityBias.parse("PER=2/ORG=4")).isEqualTo(new EntityBias(2, 4, 0, 0));
        assertThat(EntityBias.parse("6/misc=0")).isEqualTo(new EntityBias(6, 6, 6, 0));
        for (String text : List.of("8", "PER=2/ORG=4", "PER=6/ORG=6/LOC=6", "1.5")) {
            assertThat(EntityBias.parse(text).toString()).isEqualTo(text);
        }
        assertThatThrownBy(() -> EntityBias.parse("PERS=2")).hasMessageContaining("unknown entity type PERS");
        assertThatThrownBy(() -> EntityBias.parse("high")).hasMessageContaining("not an entity bias: high");
    }

    private static NerTrainer.Options quick() {
        return new NerTrainer.Options(3, 100, 8, 1, new int[]{8, 4, 2}, 0, 1, 7L, null, 1, null, null, 0);
    }

    /** Sentence {@code i}: "FIRST LAST visited CITY ." with the person and the city tagged. */
    static Path writeFixture(Path file, int sentences) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            b.append(FIRST[i % FIRST.length]).append("\tB-PER\n");
            b.append(LAST[(i / 2) % LAST.length]).append("\tI-PER\n");
            b.append(i % 2 == 0 ? "visited" : "left").append("\tO\n");
            b.append(CITY[i % CITY.length]).append("\tB-LOC\n");
            b.append(".\tO\n\n");
        }
        Files.writeString(file, b, StandardCharsets.UTF_8);
        return file;
    }

    static Path writeCorpus(Path file) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            b.append("{\"lang\": \"en\", \"headline\": \"News\", \"body\": \"")
                    .append(FIRST[i % FIRST.length]).append(' ').append(LAST[i % LAST.length])
                    .append(" arrived in ").append(CITY[i % CITY.length]).append(" on Monday.\"}\n");
        }
        Files.writeString(file, b, StandardCharsets.UTF_8);
        return file;
    }
}
