package io.newsflow.extraction.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsflow.extraction.EntityMention;
import io.newsflow.extraction.EntityType;
import io.newsflow.extraction.SharedData;
import io.newsflow.extraction.entities.eval.ConllEvaluation;
import io.newsflow.extraction.entities.gazetteer.Gazetteer;
import io.newsflow.extraction.entities.tagger.ConllCorpus;
import io.newsflow.extraction.entities.tagger.SequenceTagger;
import io.newsflow.extraction.entities.train.NerTrainer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

        Path model = NerTrainer.train("en", slice, corpus, dir.resolve("out"), quick, slice,
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
