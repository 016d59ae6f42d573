package io.newsflow.ingest.source;

import io.newsflow.ingest.StoryPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running ingest process: watched inboxes and feeds on their schedules, story endpoints, all publishing
 * through one producer. Each scheduled source has a thread of its own, so a slow feed never delays the inbox.
 * {@link #close} stops the sources, lets the scan, poll or request in progress finish, then flushes and closes the
 * producer: every story a source has handed over by then is acknowledged.
 */
public final class IngestDaemon implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestDaemon.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    /** One round of a scheduled source. */
    @FunctionalInterface
    public interface Round {
        void run() throws InterruptedException;
    }

    private final StoryPublisher publisher;
    private final List<ScheduledExecutorService> schedules = new ArrayList<>();
    private final List<StoryEndpoint> endpoints = new ArrayList<>();

    public IngestDaemon(StoryPublisher publisher) {
        this.publisher = publisher;
    }

    /** Runs {@code round} now and then {@code interval} after each round ends; a failing round is logged, not fatal. */
    public synchronized void every(String name, Duration interval, Round round) {
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
                runnable -> new Thread(runnable, name));
        schedule.scheduleWithFixedDelay(() -> {
            try {
                round.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.error("{} failed; trying again in {}", name, interval, e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        schedules.add(schedule);
    }

    /** Takes over an endpoint, to be stopped with the rest. */
    public synchronized void serve(StoryEndpoint endpoint) {
        endpoints.add(endpoint);
    }

    @Override
    public synchronized void close() {
        endpoints.forEach(StoryEndpoint::close);
        schedules.forEach(ScheduledExecutorService::shutdown);
        for (ScheduledExecutorService schedule : schedules) {
            try {
                if (!schedule.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    log.warn("a source did not finish its round within {}", STOP_WAIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        publisher.close();
    }
}
