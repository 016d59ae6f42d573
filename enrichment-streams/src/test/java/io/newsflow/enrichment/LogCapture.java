package io.newsflow.enrichment;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * Collects what the tests' logging backend (log4j2, behind SLF4J) writes at WARN and above, from every logger and
 * thread, while open: what an operator would find in the app's log.
 */
final class LogCapture implements AutoCloseable {

    /** One log line as written: its level, logger, formatted message and whether a stack trace went with it. */
    record Line(Level level, String logger, String message, boolean stackTrace) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender;
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);

    private LogCapture() {
        appender = new AbstractAppender("capture-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel().isMoreSpecificThan(Level.WARN)) {
                    lines.add(new Line(event.getLevel(), event.getLoggerName(),
                            event.getMessage().getFormattedMessage(), event.getThrown() != null));
                }
            }
        };
        appender.start();
        context.getConfiguration().getRootLogger().addAppender(appender, Level.WARN, null);
        context.updateLoggers();
    }

    static LogCapture start() {
        return new LogCapture();
    }

    /** The lines so far from loggers whose name starts with one of {@code prefixes}. */
    List<Line> from(String... prefixes) {
        return lines.stream().filter(line -> {
            for (String prefix : prefixes) {
                if (line.logger().startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }).toList();
    }

    @Override
    public void close() {
        context.getConfiguration().getRootLogger().removeAppender(appender.getName());
        context.updateLoggers();
        appender.stop();
    }
}
