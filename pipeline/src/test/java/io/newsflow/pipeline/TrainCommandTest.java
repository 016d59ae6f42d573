package io.newsflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.newsflow.extraction.EntityMention;
import io.newsflow.extraction.EntityType;
import io.newsflow.extraction.entities.AnnotationConvention;
import io.newsflow.extraction.entities.EntityRecognizer;
import io.newsflow.extraction.entities.gazetteer.Gazetteer;
import io.newsflow.extraction.entities.neural.NeuralTagger;
import io.newsflow.extraction.entities.tagger.Lexicon;
import io.newsflow.extraction.entities.tagger.SequenceTagger;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train ner}, the command that reproduces the shipped models, on a tiny Arabic training file the test writes. */
class TrainCommandTest {

    @Test
    void trainsOnTrainAndDevTheSameModelTwice(@TempDir Path dir) throws IOException {
        Path train = TaggedSentences.ARABIC.write(dir.resolve("train.conll"), 0, 24);
        Path dev = TaggedSentences.ARABIC.write(dir.resolve("dev.conll"), 24, 30);
        Path corpus = fiveArticles(dir);

        Path[] models = new Path[2];
        Path[] networks = new Path[2];
        for (int run = 0; run < 2; run++) {
            Path out = dir.resolve("out" + run);
            InProcessRun result = InProcessRun.of("train", "ner", "--lang", "ar", "--train", train.toString(), "--dev", dev.toString(),
                    "--corpus", corpus.toString(), "--out", out.toString(),
                    "--epochs", "3");
            assertThat(result.exit()).as(result.err()).isZero();
            assertThat(result.err()).contains("word-order classes", "lexicon:");
            models[run] = out.resolve("ner-ar.model.gz");
            networks[run] = out.resolve("ner-ar.neural.gz");
            assertThat(result.out()).contains("wrote " + models[run], "wrote " + networks[run]);
        }

        assertThat(Files.readAllBytes(models[1])).as("the same model from the same data")
                .isEqualTo(Files.readAllBytes(models[0]));
        assertThat(Files.readAllBytes(networks[1])).as("the same network from the same data")
                .isEqualTo(Files.readAllBytes(networks[0]));
        Gazetteer gazetteer = Gazetteer.load();
        SequenceTagger tagger;
        try (InputStream in = Files.newInputStream(models[0])) {
            tagger = SequenceTagger.read(in, gazetteer);
        }
        NeuralTagger.Shipped network;
        try (InputStream in = Files.newInputStream(networks[0])) {
            network = NeuralTagger.read(in, "ar", tagger.lexicon());
        }
        assertThat(network.weight()).as("the Arabic default").isEqualTo(4);
        assertThat(network.belowMargin()).as("the default bound").isEqualTo(20);
        List<EntityMention> mentions = EntityRecognizer.of(gazetteer,
                        List.of(tagger.withExtraScores(network.scores(), 1)), AnnotationConvention.PRODUCT)
                .recognize("ليلى عمر زار القاهرة .", "ar");
        assertThat(mentions).extracting(EntityMention::type, EntityMention::text)
                .contains(tuple(EntityType.PERSON, "ليلى عمر"), tuple(EntityType.LOCATION, "القاهرة"));
    }

    @Test
    void aNetworkIsReadOnlyBesideTheModelItWasTrainedWith(@TempDir Path dir) throws IOException {
        Path train = TaggedSentences.ARABIC.write(dir.resolve("train.conll"), 0, 12);
        Path corpus = fiveArticles(dir);
        Path out = dir.resolve("out");
        InProcessRun run = InProcessRun.of("train", "ner", "--lang", "ar", "--train", train.toString(),
                "--dev", dir.resolve("no-dev.conll").toString(), "--corpus", corpus.toString(), "--out",
                out.toString(), "--epochs", "1", "--neural-weight", "2.5");
        assertThat(run.exit()).as(run.err()).isZero();

        Path network = out.resolve("ner-ar.neural.gz");
        try (InputStream in = Files.newInputStream(network);
             InputStream model = Files.newInputStream(out.resolve("ner-ar.model.gz"))) {
            assertThat(NeuralTagger.read(in, "ar", SequenceTagger.readLexicon(model)).weight()).isEqualTo(2.5f);
        }
        try (InputStream in = Files.newInputStream(network);
             InputStream shipped = EntityRecognizer.class.getResourceAsStream("ner-ar.model.gz")) {
            Lexicon other = SequenceTagger.readLexicon(shipped);
            assertThatThrownBy(() -> NeuralTagger.read(in, "ar", other)).isInstanceOf(IOException.class)
                    .hasMessageContaining("trained beside another model");
        }

        InProcessRun alone = InProcessRun.of("train", "ner", "--lang", "ar", "--train", train.toString(),
                "--dev", dir.resolve("no-dev.conll").toString(), "--corpus", corpus.toString(), "--out",
                out.toString(), "--epochs", "1", "--no-neural");
        assertThat(alone.exit()).as(alone.err()).isZero();
        assertThat(network).as("a network beside a model it was not trained with is removed").doesNotExist();
    }

    @Test
    void learnsTheClustersFromEveryCorpusFileGiven(@TempDir Path dir) throws IOException {
        Path train = TaggedSentences.ARABIC.write(dir.resolve("train.conll"), 0, 12);
        Path jsonl = fiveArticles(dir);
        Path lines = dir.resolve("ar.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(lines))) {
            out.write("عاد خالد منصور من ليما.\n".repeat(3).getBytes(StandardCharsets.UTF_8));
        }

        InProcessRun run = InProcessRun.of("train", "ner", "--lang", "ar", "--train", train.toString(),
                "--dev", dir.resolve("no-dev.conll").toString(), "--corpus", jsonl + "," + lines,
                "--out", dir.resolve("out").toString(), "--epochs", "1");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).as("five articles of the JSON lines and three of the text file")
                .contains("corpus: 8 articles");
    }

    @Test
    void saysWhichInputIsMissing(@TempDir Path dir) {
        Path missing = dir.resolve("none.txt.gz");

        InProcessRun run = InProcessRun.of("train", "ner", "--lang", "ar", "--train", missing.toString(), "--out", dir.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no such file: " + missing);
    }

    /** An unlabeled corpus of five one-sentence Arabic articles in the corpus's JSON lines. */
    private static Path fiveArticles(Path dir) throws IOException {
        Path corpus = dir.resolve("corpus.jsonl");
        Files.writeString(corpus, "{\"lang\": \"ar\", \"headline\": \"أخبار\", \"body\": \"سافر خالد منصور إلى ليما.\"}\n"
                .repeat(5), StandardCharsets.UTF_8);
        return corpus;
    }
}
