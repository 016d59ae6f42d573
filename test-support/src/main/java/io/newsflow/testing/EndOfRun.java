package io.newsflow.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.common.utils.Exit;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the servers a module's test classes share once all of them have run, while the JVM is still whole.
 * Stopped from a JVM shutdown hook instead, an in-process broker races the Kafka test kit's own hook, which
 * deletes the broker's directories: the broker then finds every log directory gone and halts the JVM with status
 * 1, failing a run whose tests all passed. Registered with the JUnit launcher through {@code META-INF/services}.
 */
public final class EndOfRun implements LauncherSessionListener {

    private static final Deque<AutoCloseable> servers = new ArrayDeque<>();
    private static boolean jvmExitFallback;

    /** Closes {@code server} when the test run ends, after any server registered later. */
    public static synchronized void close(AutoCloseable server) {
        servers.push(server);
        if (!jvmExitFallback) {
            Runtime.getRuntime().addShutdownHook(new Thread(EndOfRun::closeAtJvmExit, "end-of-run-servers"));
            jvmExitFallback = true;
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        closeAll();
    }

    /** Only reached when no launcher session was closed, e.g. a test run from a plain main method. */
    private static void closeAtJvmExit() {
        Exit.setHaltProcedure((status, message) -> { });
        Exit.setExitProcedure((status, message) -> { });
        closeAll();
    }

    private static synchronized void closeAll() {
        while (!servers.isEmpty()) {
            try {
                servers.pop().close();
            } catch (Exception e) {
                System.err.println("A shared test server did not stop cleanly: " + e);
            }
        }
    }
}
