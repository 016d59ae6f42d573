package io.newsflow.system;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestListener;
import io.newsflow.ingest.IngestRun;
import io.newsflow.ingest.format.Rejection;
import io.newsflow.ingest.StoryPublisher;
import io.newsflow.pipeline.CorpusStories;
import io.newsflow.schemas.RawArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real corpus stories into the ingest stage at a steady rate, as NINJS files dropped into an inbox a second's worth at
 * a time, through one long-lived publisher, as the ingest daemon runs. Counts what the stage published, rejected and
 * failed to publish, per batch.
 */
final class StoryFeeder implements AutoCloseable {

    private final Path inbox;
    private final StoryPublisher publisher;
    private final int maxStoryBytes;
    private final List<ObjectNode> stories;
    private int next;

    StoryFeeder(Map<String, Object> settings, Path corpus, int count, Path inbox) throws IOException {
        IngestConfig config = new IngestConfig(settings);
        this.publisher = new StoryPublisher(config);
        this.maxStoryBytes = config.maxStoryBytes();
        this.inbox = inbox;
        this.stories = CorpusStories.read(corpus, count, "urn:newsflow:corpus:");
        if (stories.size() < count) {
            throw new IllegalStateException("the corpus has " + stories.size() + " usable stories, " + count
                    + " wanted");
        }
    }

    /** Starts feeding the next {@code count} stories at {@code perSecond}; each story is fed once in the suite. */
    synchronized Batch feed(String name, int count, int perSecond) {
        if (next + count > stories.size()) {
            throw new IllegalStateException("only " + (stories.size() - next) + " stories left");
        }
        Batch batch = new Batch(name, stories.subList(next, next + count), perSecond);
        next += count;
        batch.thread.start();
        return batch;
    }

    /** Ingests files written by the caller (malformed input), counted like the batch's own. */
    void ingest(Path dir, Batch batch) {
        new IngestRun(publisher, maxStoryBytes, Clock.systemUTC(), batch).run(List.of(dir));
    }

    @Override
    public void close() {
        publisher.close();
    }

    /** One scenario's stories, fed on a thread of their own; its listener counts the outcome. */
    final class Batch implements IngestListener {

        final String name;
        final Set<String> published = ConcurrentHashMap.newKeySet();
        final AtomicLong rejected = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        /** Records of random bytes the scenario wrote straight to news.raw, which must come out dead-lettered. */
        volatile int noise;
        /** Malformed files the scenario gave the ingest stage, which must each be rejected with a reason. */
        volatile int malformedFiles;
        private final AtomicLong fed = new AtomicLong();
        private final Thread thread;
        private volatile RuntimeException error;

        private Batch(String name, List<ObjectNode> stories, int perSecond) {
            this.name = name;
            this.thread = new Thread(() -> run(stories, perSecond), "feeder-" + name);
        }

        private void run(List<ObjectNode> stories, int perSecond) {
            try {
                long start = System.nanoTime();
                for (int second = 0; second * perSecond < stories.size(); second++) {
                    long due = start + second * 1_000_000_000L;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    Path dir = inbox.resolve(name).resolve(String.valueOf(second));
                    List<ObjectNode> slice = stories.subList(second * perSecond,
                            Math.min(stories.size(), (second + 1) * perSecond));
                    CorpusStories.write(slice, dir);
                    new IngestRun(publisher, maxStoryBytes, Clock.systemUTC(), this).run(List.of(dir));
                    fed.addAndGet(slice.size());
                }
            } catch (IOException e) {
                error = new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = new IllegalStateException("feeder interrupted", e);
            } catch (RuntimeException e) {
                error = e;
            }
        }

        /** Stories handed to the ingest stage so far. */
        long fed() {
            return fed.get();
        }

        void awaitDone() throws InterruptedException {
            thread.join();
            if (error != null) {
                throw error;
            }
        }

        @Override
        public void published(RawArticle article) {
            published.add(article.getId());
        }

        @Override
        public void rejected(Rejection rejection) {
            rejected.incrementAndGet();
        }

        @Override
        public void failed(RawArticle article, Exception cause) {
            failed.incrementAndGet();
        }
    }
}
