package io.newsflow.pipeline.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestListener;
import io.newsflow.ingest.IngestRun;
import io.newsflow.ingest.StoryPublisher;
import io.newsflow.pipeline.CorpusStories;
import io.newsflow.schemas.RawArticle;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands stories to the ingest stage as a newsroom system would, NINJS files dropped in an inbox, one directory per
 * second, and notes when the broker acknowledged each one's raw record.
 */
public final class StoryFeeder {

    private final StoryPublisher publisher;
    private final IngestConfig ingest;

    public StoryFeeder(StoryPublisher publisher, IngestConfig ingest) {
        this.publisher = publisher;
        this.ingest = ingest;
    }

    /**
     * Feeds {@code batch}, {@code perSecond} stories each second (0: all at once), and returns once all were
     * published.
     *
     * @param acknowledged filled with each story's id and the {@link System#nanoTime()} of its acknowledgement
     * @param started      the {@link System#nanoTime()} the first story is handed over; seconds count from it
     */
    public void feed(List<ObjectNode> batch, int perSecond, Path inbox, Map<String, Long> acknowledged, long started)
            throws IOException, InterruptedException {
        IngestListener listener = new IngestListener() {
            @Override
            public void published(RawArticle article) {
                acknowledged.putIfAbsent(article.getId(), System.nanoTime());
            }
        };
        int step = perSecond == 0 ? batch.size() : perSecond;
        for (int second = 0; second * step < batch.size(); second++) {
            long wait = started + second * 1_000_000_000L - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000);
            }
            Path dir = inbox.resolve(String.valueOf(second));
            CorpusStories.write(batch.subList(second * step, Math.min(batch.size(), (second + 1) * step)), dir);
            new IngestRun(publisher, ingest.maxStoryBytes(), Clock.systemUTC(), listener).run(List.of(dir));
        }
    }

    /** Feeds {@code batch} all at once and returns how many stories the broker acknowledged. */
    public int feedAll(List<ObjectNode> batch, Path inbox) throws IOException, InterruptedException {
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        feed(batch, 0, inbox, acknowledged, System.nanoTime());
        return acknowledged.size();
    }
}
