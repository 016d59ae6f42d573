package io.newsflow.store.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.store.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteArticleQueryTest extends AbstractArticleQueryTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.sqlite();
    }

    @Test
    void aMistypedPathIsReportedWithoutCreatingAFile(@TempDir Path dir) {
        Path missing = dir.resolve("newsflow.db");

        assertThatThrownBy(() -> ArticleQuery.open(missing.toString())).hasMessageContaining("no SQLite database at");
        assertThat(Files.exists(missing)).isFalse();
    }
}
