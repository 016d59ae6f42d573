package io.newsflow.ingest;

import io.newsflow.ingest.format.StoryFormats;
import io.newsflow.ingest.format.RejectedStoryException;
import io.newsflow.ingest.format.Rejection;
import io.newsflow.schemas.RawArticle;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over story files and directories: each file read, its format recognized, its stories published, or
 * the file (or a feed item) rejected with its reason. Bad input never stops the run; the stories around it still
 * go out.
 */
public final class IngestRun {

    private static final Logger log = LoggerFactory.getLogger(IngestRun.class);

    private final StoryPublisher publisher;
    private final int maxStoryBytes;
    private final Clock clock;
    private final IngestListener listener;

    public IngestRun(StoryPublisher publisher, int maxStoryBytes, Clock clock, IngestListener listener) {
        this.publisher = publisher;
        this.maxStoryBytes = maxStoryBytes;
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * Publishes the stories under {@code paths} with a producer of its own and closes it.
     *
     * @param settings {@link IngestConfig} keys plus any Kafka producer and {@code apicurio.*} settings
     */
    public static IngestSummary ingest(Map<?, ?> settings, List<Path> paths, IngestListener listener) {
        IngestConfig config = new IngestConfig(settings);
        try (StoryPublisher publisher = new StoryPublisher(config)) {
            return new IngestRun(publisher, config.maxStoryBytes(), Clock.systemUTC(), listener).run(paths);
        }
    }

    /**
     * Reads every regular file under {@code paths} (directories recursively, in path order, hidden files skipped)
     * and returns once every published story is acknowledged.
     */
    public IngestSummary run(List<Path> paths) {
        List<Path> files = StoryFiles.expand(paths);
        listener.started(files.size());
        Set<Seen> seen = new HashSet<>();
        long read = 0;
        long rejected = 0;
        long duplicates = 0;
        AtomicLong published = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        for (Path file : files) {
            String source = file.toString();
            StoryFormats.Parsed parsed;
            try {
                parsed = StoryFormats.parse(source, StoryFiles.read(file, maxStoryBytes), clock.instant());
            } catch (RejectedStoryException e) {
                reject(new Rejection(source, e.getMessage(), clock.instant()));
                read++;
                rejected++;
                continue;
            }
            for (Rejection rejection : parsed.rejections()) {
                reject(rejection);
                read++;
                rejected++;
            }
            for (RawArticle article : parsed.articles()) {
                read++;
                // Keyed by id and version: a feed may carry a story and its correction side by side.
                if (!seen.add(new Seen(article.getId(), article.getVersion(), article.getContentHash()))) {
                    listener.duplicate(article);
                    duplicates++;
                    continue;
                }
                publisher.publish(article, (metadata, e) -> {
                    if (e == null) {
                        published.incrementAndGet();
                        listener.published(article);
                    } else {
                        log.error("could not publish {} from {}", article.getId(), article.getSource(), e);
                        failed.incrementAndGet();
                        listener.failed(article, e);
                    }
                });
            }
        }
        publisher.flush();
        return new IngestSummary(read, published.get(), rejected, duplicates, failed.get());
    }

    /** A story as the duplicate check tells it apart; a record rather than a joined string, which cost a copy. */
    private record Seen(String id, Long version, String contentHash) {
    }

    private void reject(Rejection rejection) {
        publisher.reject(rejection);
        listener.rejected(rejection);
    }
}
