package io.newsflow.extraction;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds {@code ../shared/data}: the surefire property, else beside the checkout; tests skip when it is absent.
 * Not test-support's {@code SharedData}: test-support brings a Kafka broker, and extraction stays free of Kafka.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path dir() {
        String configured = System.getProperty("newsflow.shared.dir");
        Path shared = configured != null ? Path.of(configured) : Path.of("../../shared");
        return shared.resolve("data");
    }

    /** {@code relative} under the shared data, or a skipped test saying what is missing. */
    public static Path require(String relative) {
        Path file = dir().resolve(relative);
        assumeTrue(Files.exists(file), () -> "skipped: shared data " + file
                + " is absent (set -Dnewsflow.shared.dir or put the shared folder beside the checkout)");
        return file;
    }
}
