package io.newsflow.extraction.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsflow.extraction.EntityMention;
import io.newsflow.extraction.EntityType;
import io.newsflow.extraction.SharedData;
import io.newsflow.extraction.entities.eval.ConllEvaluation;
import io.newsflow.extraction.entities.gazetteer.Gazetteer;
import io.newsflow.extraction.entities.tagger.ConllCorpus;
import io.newsflow.extraction.entities.tagger.Lexicon;
import io.newsflow.extraction.entities.tagger.SequenceTagger;
import io.newsflow.extraction.entities.text.FoldedHash;
import io.newsflow.extraction.entities.train.NerTrainer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reproduction entry point, on a slice of the shared data small enough for a unit test. */
class NerTrainerTest {

    private static final int SENTENCES = 600;

    @Test
    void trainsALoadableModelThatTagsAKnownSentence(@TempDir Path dir) throws IOException {
        Path conll = SharedData.require("ner/en-train.conll");
        Path corpus = SharedData.require("corpus/news.jsonl");
        Path slice = dir.resolve("slice.conll");
        writeFirstSentences(conll, slice, SENTENCES);
        NerTrainer.Options quick = new NerTrainer.Options(4, 150, 16, 1, new int[]{64, 16, 4}, 5_000, 3, 7L,
                null, 2, null, null, 3);
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        Path model = NerTrainer.train("en", slice, List.of(corpus), dir.resolve("out"), quick, slice,
                new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(model.getFileName().toString()).isEqualTo(NerTrainer.modelFileName("en"));
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("epoch 4: dev F1", "word-order classes",
                "mean of 2");
        Gazetteer gazetteer = Gazetteer.load();
        SequenceTagger tagger;
        try (InputStream in = Files.newInputStream(model)) {
            tagger = SequenceTagger.read(in, gazetteer);
        }
        assertThat(tagger.language()).isEqualTo("en");
        try (InputStream in = Files.newInputStream(model)) {
            assertThat(SequenceTagger.readLexicon(in).charGrams())
                    .as("the character n-grams it was trained with, which tagging must see too").isEqualTo(3);
        }
        assertThat(ConllEvaluation.scoreTagger(tagger, ConllCorpus.read(slice)).f1())
                .as("F1 on its own training slice").isGreaterThan(60);

        List<EntityMention> mentions = EntityRecognizer.of(gazetteer, List.of(tagger), AnnotationConvention.PRODUCT)
                .recognize("Officials in Germany said talks would continue.", "en");
        assertThat(mentions).extracting(EntityMention::type, EntityMention::text, EntityMention::canonicalId)
                .contains(tuple(EntityType.LOCATION, "Germany", "country:DE"));
    }

    @Test
    void learnsTheLexiconFromEveryCorpusFile(@TempDir Path dir) throws IOException {
        Path jsonl = dir.resolve("news.jsonl");
        StringBuilder articles = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            articles.append("{\"lang\": \"en\", \"headline\": \"Harbour\", \"body\": \"Ice closed the harbour")
                    .append(" at Tromso again.\"}\n");
        }
        Files.writeString(jsonl, articles, StandardCharsets.UTF_8);
        Path gz = dir.resolve("en.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("Ferries left Bergen at dawn.\nFerries left Bergen at noon.\nFerries left Bergen late.\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        NerTrainer.Options tiny = new NerTrainer.Options(1, Integer.MAX_VALUE, 4, 1, new int[]{4, 2, 1}, 0, 1, 7L,
                null, 1, null, null, 0);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        Lexicon both = NerTrainer.lexicon("en", List.of(), List.of(jsonl, gz), tiny, quiet);
        Lexicon first = NerTrainer.lexicon("en", List.of(), List.of(jsonl), tiny, quiet);

        assertThat(both.count(FoldedHash.hash("Tromso"))).as("a word of the JSON lines").isEqualTo(4);
        assertThat(both.count(FoldedHash.hash("Bergen"))).as("a word of the text file").isEqualTo(3);
        assertThat(both.count(FoldedHash.hash("at"))).as("counted in both").isEqualTo(6);
        assertThat(first.count(FoldedHash.hash("Bergen"))).isZero();
        assertThat(NerTrainer.lexicon("en", List.of(), List.of(jsonl, gz), tiny.withMaxArticles(6), quiet)
                .count(FoldedHash.hash("Bergen"))).as("the article limit counts both files").isEqualTo(2);
    }

    private static void writeFirstSentences(Path from, Path to, int sentences) throws IOException {
        StringBuilder out = new StringBuilder();
        int seen = 0;
        for (String line : Files.readAllLines(from, StandardCharsets.UTF_8)) {
            out.append(line).append('\n');
            if (line.isBlank() && ++seen == sentences) {
                break;
            }
        }
        Files.writeString(to, out, StandardCharsets.UTF_8);
    }
}
