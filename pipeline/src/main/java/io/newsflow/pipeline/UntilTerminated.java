package io.newsflow.pipeline;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a command running until SIGTERM or Ctrl-C, then lets it close what it opened: the shutdown hook waits
 * until this is closed, so open it before the resources it outlives.
 */
final class UntilTerminated implements AutoCloseable {

    private static final long CLOSING_SECONDS = 60;

    private final CountDownLatch terminated = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    UntilTerminated(String command) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            terminated.countDown();
            try {
                closed.await(CLOSING_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, command + "-shutdown"));
    }

    void await() throws InterruptedException {
        terminated.await();
    }

    @Override
    public void close() {
        closed.countDown();
    }
}
