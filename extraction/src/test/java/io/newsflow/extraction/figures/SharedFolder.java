package io.newsflow.extraction.figures;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared data folder beside the checkout; tests that read it skip when it is absent. */
final class SharedFolder {

    private SharedFolder() {
    }

    static Path data(String sub) {
        String configured = System.getProperty("newsflow.shared.dir");
        Path shared = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
        Path dir = shared.resolve("data").resolve(sub);
        assumeTrue(Files.isDirectory(dir), "shared data absent (" + dir.toAbsolutePath()
                + "): set -Dnewsflow.shared.dir or check out ../shared beside the project");
        return dir;
    }
}
