package io.newsflow.ingest.source;

import io.newsflow.ingest.format.RejectedStoryException;
import io.newsflow.ingest.StoryFiles;
import io.newsflow.ingest.format.StoryType;
import io.newsflow.schemas.RawArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A drop directory: each story file put into it is published and then moved to {@code done/}, or, when rejected,
 * to {@code error/} with a {@code .reason} file beside it. Only the directory's top level is watched.
 *
 * <p>A file is taken only once its size and modification time held still from one {@link #scan} to the next, so a
 * file still being copied in is left alone (a file renamed into the directory is complete, and is taken one scan
 * after it appears). Hidden files and the usual temporary names ({@code .tmp}, {@code .part}, ...) are never taken: writers
 * can use them and rename when done. A file whose stories were not all acknowledged (the brokers away, or the
 * registry when the schema is first resolved) stays where it is and is tried again, so nothing is lost meanwhile;
 * only a file that cannot be a story goes to {@code error/}.
 */
public final class InboxWatcher {

    private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);
    private static final List<String> TEMPORARY_SUFFIXES =
            List.of(".tmp", ".temp", ".part", ".partial", ".filepart", ".crdownload", ".swp", "~");

    private final Path inbox;
    private final Path done;
    private final Path error;
    private final StoryIntake intake;
    private final int maxStoryBytes;
    private Map<Path, FileState> previousScan = Map.of();

    private record FileState(long size, FileTime modified) {
    }

    public InboxWatcher(Path inbox, StoryIntake intake, int maxStoryBytes) {
        this.inbox = inbox;
        this.done = inbox.resolve("done");
        this.error = inbox.resolve("error");
        this.intake = intake;
        this.maxStoryBytes = maxStoryBytes;
        try {
            Files.createDirectories(done);
            Files.createDirectories(error);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the inbox " + inbox, e);
        }
    }

    /**
     * Takes every file unchanged since the previous scan, waits until the brokers acknowledged its stories and
     * moves it out of the inbox. One thread scans.
     *
     * @return the number of files moved to {@code done/} or {@code error/}
     */
    public int scan() {
        Map<Path, FileState> current = candidates();
        Map<Path, CompletableFuture<List<RawArticle>>> sent = new LinkedHashMap<>();
        Set<Path> moved = new HashSet<>();
        for (Map.Entry<Path, FileState> entry : current.entrySet()) {
            Path file = entry.getKey();
            if (!entry.getValue().equals(previousScan.get(file))) {
                continue;
            }
            try {
                sent.put(file, intake.publishAll(intake.parse(file.toString(), read(file), StoryType.ofFileName(file.toString()))));
            } catch (RejectedStoryException e) {
                if (moveToError(file, e.getMessage())) {
                    moved.add(file);
                }
            }
        }
        for (Map.Entry<Path, CompletableFuture<List<RawArticle>>> publishing : sent.entrySet()) {
            try {
                publishing.getValue().join();
                if (move(publishing.getKey(), done)) {
                    moved.add(publishing.getKey());
                }
            } catch (CompletionException e) {
                // Still settled next time, so it is taken again at once.
                log.error("{} stays in the inbox to be tried again: not all its stories were published ({})",
                        publishing.getKey(), e.getCause().toString());
            }
        }
        // A new file under a taken file's name must settle on its own, even with the same size and timestamp.
        current.keySet().removeAll(moved);
        previousScan = current;
        return moved.size();
    }

    private byte[] read(Path file) throws RejectedStoryException {
        try {
            return StoryFiles.read(file, maxStoryBytes);
        } catch (RejectedStoryException e) {
            intake.reject(file.toString(), e.getMessage());
            throw e;
        }
    }

    private Map<Path, FileState> candidates() {
        Map<Path, FileState> files = new HashMap<>();
        try (Stream<Path> entries = Files.list(inbox)) {
            entries.filter(InboxWatcher::mayBeStory).forEach(file -> {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    if (attributes.isRegularFile()) {
                        files.put(file, new FileState(attributes.size(), attributes.lastModifiedTime()));
                    }
                } catch (IOException e) {
                    // Gone since the listing: nothing to take.
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the inbox " + inbox, e);
        }
        return files;
    }

    private static boolean mayBeStory(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && TEMPORARY_SUFFIXES.stream().noneMatch(name::endsWith);
    }

    private boolean moveToError(Path file, String reason) {
        try {
            Path target = freeName(error, file.getFileName().toString());
            // The reason is written first, so a file in error/ always has its reason beside it.
            Files.writeString(target.resolveSibling(target.getFileName() + ".reason"), reason + "\n",
                    StandardCharsets.UTF_8);
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            log.error("cannot move rejected {} to {}", file, error, e);
            return false;
        }
    }

    private boolean move(Path file, Path directory) {
        try {
            Files.move(file, freeName(directory, file.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            log.error("cannot move {} to {}; it will be published again", file, directory, e);
            return false;
        }
    }

    /** A story delivered twice under one name keeps both files: the later one gets a numbered name. */
    private static Path freeName(Path directory, String name) {
        Path target = directory.resolve(name);
        for (int n = 1; Files.exists(target); n++) {
            target = directory.resolve(name + "." + n);
        }
        return target;
    }
}
