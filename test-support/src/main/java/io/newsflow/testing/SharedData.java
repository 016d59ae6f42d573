package io.newsflow.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The development data in {@code ../shared/data}: present in CI and on developers' machines, absent in a user's
 * clone, where the tests that need it are skipped with a message saying so.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path dir() {
        String configured = System.getProperty("newsflow.shared.dir");
        for (Path candidate : new Path[] {
                configured == null ? null : Path.of(configured), Path.of("../shared"), Path.of("../../shared")}) {
            if (candidate != null && Files.isDirectory(candidate.resolve("data"))) {
                return candidate.resolve("data").toAbsolutePath().normalize();
            }
        }
        return null;
    }

    /** Skips the calling test when the shared data is absent, and returns the path of {@code relative} in it. */
    public static Path require(String relative) {
        Path dir = dir();
        Assumptions.assumeTrue(dir != null && Files.exists(dir.resolve(relative)),
                "skipped: ../shared/data/" + relative + " is not here (development data; present in CI)");
        return dir.resolve(relative);
    }
}
