package io.newsflow.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.EnrichedArticle;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PostgresSinkTaskTest extends AbstractSinkTaskTest {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }

    /**
     * Another writer's insert, not yet committed when the task looks up stored versions, makes the task's COPY wait
     * on the primary key and then fail once it commits; the batch is written again record by record and the newer
     * version replaces the other writer's article, with nothing reported.
     */
    @Test
    void anArticleInsertedByAnotherWriterDuringTheBatchIsUpserted() throws Exception {
        EnrichedArticle newer = Articles.english("race", 2, "Newer, from the task");
        try (Connection other = db.connect()) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("INSERT INTO articles (id, version, content_hash,"
                    + " language, headline, body, source, received_at, enriched_at, enricher_version, metadata,"
                    + " record) VALUES ('race', 1, 'h', 'en', 'Older, from another writer', 'b', 'test', now(),"
                    + " now(), 'x', '{}', '{}')")) {
                insert.executeUpdate();
            }
            CompletableFuture<Void> put = CompletableFuture.runAsync(() -> task.put(List.of(record(newer))));
            Thread.sleep(Duration.ofSeconds(1).toMillis());
            assertThat(put).as("the task's insert waits for the other transaction").isNotDone();
            other.commit();
            put.get();
        }

        StoredArticle stored = StoredArticle.find(db, "race").orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.headline()).isEqualTo("Newer, from the task");
        assertThat(stored.entities()).hasSize(2);
        assertThat(context.reports).isEmpty();
    }
}
