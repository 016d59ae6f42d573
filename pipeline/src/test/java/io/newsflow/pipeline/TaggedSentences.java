package io.newsflow.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A CoNLL file of sentences "PERSON VERB CITY ." with the two-word person and the city tagged, for the NER commands. */
record TaggedSentences(String[] people, String verb, String[] cities) {

    static final TaggedSentences ENGLISH = new TaggedSentences(
            new String[] {"John Smith", "Maria Garcia", "Ahmed Hassan", "Olga Petrova"}, "visited",
            new String[] {"Paris", "Cairo", "Lima"});
    static final TaggedSentences ARABIC = new TaggedSentences(
            new String[] {"محمد علي", "سارة حسن", "خالد منصور", "ليلى عمر"}, "زار",
            new String[] {"باريس", "القاهرة", "ليما"});

    /** Writes sentences {@code [from, to)} to {@code file}. */
    Path write(Path file, int from, int to) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            String[] person = people[i % people.length].split(" ");
            b.append(person[0]).append("\tB-PER\n").append(person[1]).append("\tI-PER\n")
                    .append(verb).append("\tO\n").append(cities[i % cities.length]).append("\tB-LOC\n.\tO\n\n");
        }
        Files.writeString(file, b, StandardCharsets.UTF_8);
        return file;
    }
}
