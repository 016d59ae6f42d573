package io.newsflow.extraction.entities.tagger;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads CoNLL files: {@code token<TAB or space>...tag} per line, blank lines between sentences. */
public final class ConllCorpus {

    /** One sentence: its words and gold labels (see {@link Labels}). */
    public record Sentence(List<String> words, int[] labels) {
    }

    private ConllCorpus() {
    }

    public static List<Sentence> read(Path file) throws IOException {
        List<Sentence> sentences = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("-DOCSTART-")) {
                    flush(words, labels, sentences);
                    continue;
                }
                String[] columns = trimmed.split("[\\t ]+");
                words.add(columns[0]);
                labels.add(Labels.parse(columns[columns.length - 1]));
            }
        }
        flush(words, labels, sentences);
        return sentences;
    }

    private static void flush(List<String> words, List<Integer> labels, List<Sentence> sentences) {
        if (words.isEmpty()) {
            return;
        }
        sentences.add(new Sentence(List.copyOf(words), labels.stream().mapToInt(Integer::intValue).toArray()));
        words.clear();
        labels.clear();
    }
}
