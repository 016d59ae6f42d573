package io.newsflow.sink;

import io.newsflow.store.Articles;
import io.newsflow.store.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.testing.TcpProxy;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.utils.MockTime;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
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

    /**
     * The database behind a proxy that the test cuts: open connections die and new ones are turned away, as when
     * the server restarts. The task keeps its own backoff, never asks the database before an attempt is due, and
     * stores the delivery once when the database is back.
     */
    @Test
    void aDatabaseOutageIsRiddenOutOnTheTasksOwnSchedule() throws Exception {
        String url = db.url();
        URI server = URI.create(url.substring("jdbc:".length()));
        try (TcpProxy proxy = TcpProxy.start(server.getHost(), server.getPort())) {
            task.stop();
            props.put(NewsSinkConfig.CONNECTION_URL, "jdbc:postgresql://127.0.0.1:" + proxy.port() + server.getPath());
            props.put(NewsSinkConfig.RETRY_BACKOFF_MS, "1000");
            props.put(NewsSinkConfig.RETRY_BACKOFF_MAX_MS, "4000");
            MockTime time = new MockTime();
            task = startTask(time);
            task.put(List.of(record(Articles.english("before", 1, "Stored before the outage"))));

            proxy.cut();
            List<SinkRecord> delivery = List.of(record(Articles.english("during", 1, "Sent during the outage")),
                    record(Articles.english("before", 2, "Revised during the outage")));
            List<Long> waits = new ArrayList<>();
            for (int attempt = 1; attempt <= 4; attempt++) {
                int asked = proxy.turnedAway().size();
                assertThatThrownBy(() -> task.put(delivery)).isInstanceOf(RetriableException.class);
                // The first attempt fails on the connection the cut closed; each later one asks for a new one.
                if (attempt > 1) {
                    assertThat(proxy.turnedAway()).as("attempt %d connects", attempt).hasSizeGreaterThan(asked);
                }
                long wait = context.timeoutMs;
                waits.add(wait);

                time.sleep(wait / 2);
                asked = proxy.turnedAway().size();
                assertThatThrownBy(() -> task.put(delivery)).isInstanceOf(RetriableException.class)
                        .hasMessageContaining("is due in " + (wait - wait / 2) + " ms");
                assertThat(context.timeoutMs).isEqualTo(wait - wait / 2);
                assertThat(proxy.turnedAway()).as("a redelivery before attempt %d is due", attempt + 1)
                        .hasSize(asked);
                time.sleep(wait - wait / 2);
            }
            assertThat(waits).containsExactly(1000L, 2000L, 4000L, 4000L);
            assertThat(context.metric("newsflow-sink-task-state", "state", "DEGRADED")).isEqualTo(1.0);

            proxy.restore();
            task.put(delivery);
        }
        assertThat(db.count("SELECT count(*) FROM articles")).isEqualTo(2);
        assertThat(StoredArticle.find(db, "before").orElseThrow().headline()).isEqualTo("Revised during the outage");
        assertThat(db.count("SELECT count(*) FROM article_entities")).isEqualTo(4);
        assertThat(db.count("SELECT count(*) FROM article_figures")).isEqualTo(4);
        assertThat(context.metric("newsflow-sink-task-state", "state", "RUNNING")).isEqualTo(1.0);
    }
}
