package io.newsflow.ingest.source;

import io.newsflow.ingest.IngestListener;
import io.newsflow.ingest.IngestSummary;
import io.newsflow.ingest.format.RejectedStoryException;
import io.newsflow.ingest.format.Rejection;
import io.newsflow.ingest.format.StoryFormats;
import io.newsflow.ingest.StoryPublisher;
import io.newsflow.ingest.format.StoryType;
import io.newsflow.schemas.RawArticle;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the long-running sources (watched inbox, feeds, HTTP endpoint) deliver: parses bytes, publishes the stories
 * and records rejections, keeping the totals of the whole process. Thread-safe; the sources call it concurrently.
 */
public final class StoryIntake {

    private static final Logger log = LoggerFactory.getLogger(StoryIntake.class);

    private final StoryPublisher publisher;
    private final Clock clock;
    private final IngestListener listener;
    private final LongAdder published = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder failed = new LongAdder();

    public StoryIntake(StoryPublisher publisher, Clock clock, IngestListener listener) {
        this.publisher = publisher;
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * The stories in the bytes. A feed item that holds no story is recorded as rejected on its own; input with no
     * story at all is recorded as rejected before the exception reaches the caller.
     *
     * @param type what the input's type (a file's extension, a declared media type) says of its format
     */
    public List<RawArticle> parse(String source, byte[] bytes, StoryType type) throws RejectedStoryException {
        StoryFormats.Parsed parsed;
        try {
            parsed = StoryFormats.parse(source, bytes, type, clock.instant());
        } catch (RejectedStoryException e) {
            reject(source, e.getMessage());
            throw e;
        }
        parsed.rejections().forEach(this::reject);
        if (parsed.articles().isEmpty()) {
            // Only a feed whose every item was refused gets here; each is recorded already.
            throw new RejectedStoryException(parsed.rejections().get(0).reason());
        }
        return parsed.articles();
    }

    /**
     * Completes once the brokers acknowledged the article, or exceptionally when it could not be delivered: the
     * brokers refused it or timed out, or it could not be written at all (the registry unreachable when the schema
     * is first resolved). Every source then keeps what it could not publish, to try again.
     */
    public CompletableFuture<RawArticle> publish(RawArticle article) {
        CompletableFuture<RawArticle> acknowledged = new CompletableFuture<>();
        try {
            publisher.publish(article, (metadata, e) -> {
                if (e == null) {
                    published.increment();
                    listener.published(article);
                    acknowledged.complete(article);
                } else {
                    failed(article, e, acknowledged);
                }
            });
        } catch (RuntimeException e) {
            failed(article, e, acknowledged);
        }
        return acknowledged;
    }

    private void failed(RawArticle article, Exception e, CompletableFuture<RawArticle> acknowledged) {
        log.error("could not publish {} from {}: {}", article.getId(), article.getSource(), e.toString());
        failed.increment();
        listener.failed(article, e);
        acknowledged.completeExceptionally(e);
    }

    /**
     * Publishes the articles; completes when all are acknowledged, or exceptionally when any could not be. Once one
     * has failed the rest are not sent: the source tries them all again, and each would only wait out the same
     * failure.
     */
    public CompletableFuture<List<RawArticle>> publishAll(List<RawArticle> articles) {
        List<CompletableFuture<RawArticle>> sends = new ArrayList<>(articles.size());
        for (RawArticle article : articles) {
            CompletableFuture<RawArticle> send = publish(article);
            sends.add(send);
            if (send.isCompletedExceptionally()) {
                break;
            }
        }
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                .thenApply(done -> sends.stream().map(CompletableFuture::join).toList());
    }

    public void reject(String source, String reason) {
        reject(new Rejection(source, reason, clock.instant()));
    }

    private void reject(Rejection rejection) {
        log.warn("rejected {}: {}", rejection.source(), rejection.reason());
        publisher.reject(rejection);
        rejected.increment();
        listener.rejected(rejection);
    }

    /** Counts a story the source had already delivered and therefore did not publish again. */
    public void duplicate(RawArticle article) {
        duplicates.increment();
        listener.duplicate(article);
    }

    /** The totals so far; stories still in flight are in none of them. */
    public IngestSummary summary() {
        long p = published.sum();
        long r = rejected.sum();
        long d = duplicates.sum();
        long f = failed.sum();
        return new IngestSummary(p + r + d + f, p, r, d, f);
    }
}
