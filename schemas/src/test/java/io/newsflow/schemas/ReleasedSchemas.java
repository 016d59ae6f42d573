package io.newsflow.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/** The schema versions kept in {@code schemas/released}, oldest first. */
final class ReleasedSchemas {

    static final Path DIR = Path.of("released");

    /** version folder name to (subject to schema) */
    static Map<String, Map<String, Schema>> byVersion() {
        Map<String, Map<String, Schema>> versions = new LinkedHashMap<>();
        for (Path dir : versionDirs()) {
            Map<String, Schema> subjects = new LinkedHashMap<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList()) {
                    String subject = file.getFileName().toString().replace(".avsc", "");
                    subjects.put(subject, new Schema.Parser().parse(file.toFile()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            versions.put(dir.getFileName().toString(), subjects);
        }
        return versions;
    }

    private static List<Path> versionDirs() {
        try (Stream<Path> dirs = Files.list(DIR)) {
            return dirs.filter(Files::isDirectory)
                    .sorted((a, b) -> Integer.compare(number(a), number(b)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int number(Path versionDir) {
        return Integer.parseInt(versionDir.getFileName().toString().substring(1));
    }

    private ReleasedSchemas() {
    }
}
