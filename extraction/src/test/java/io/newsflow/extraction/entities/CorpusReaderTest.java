package io.newsflow.extraction.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.extraction.entities.train.CorpusReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unlabeled text the word clusters learn from, in both of its formats. */
class CorpusReaderTest {

    @Test
    void readsJsonLinesOfTheLanguageAndGzippedTextOneDocumentPerLine(@TempDir Path dir) throws IOException {
        Path jsonl = dir.resolve("news.jsonl");
        Files.writeString(jsonl, """
                {"lang": "en", "headline": "Rain", "body": "It rained in Oslo."}
                {"lang": "ar", "headline": "مطر", "body": "أمطرت في القاهرة."}
                """, StandardCharsets.UTF_8);
        Path gz = dir.resolve("ar.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("مطر أمطرت في القاهرة.\n\nثلج تساقط الثلج في عمان.\n".getBytes(StandardCharsets.UTF_8));
        }
        List<String> fromJson = new ArrayList<>();
        List<String> fromText = new ArrayList<>();

        assertThat(CorpusReader.forEach(jsonl, "ar", 10, fromJson::add)).isEqualTo(1);
        assertThat(CorpusReader.forEach(gz, "ar", 10, fromText::add)).isEqualTo(2);

        assertThat(fromJson).containsExactly("مطر\n\nأمطرت في القاهرة.");
        assertThat(fromText).containsExactly("مطر أمطرت في القاهرة.", "ثلج تساقط الثلج في عمان.");
    }
}
