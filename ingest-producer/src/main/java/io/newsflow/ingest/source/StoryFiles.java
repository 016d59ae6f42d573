package io.newsflow.ingest.source;

import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.RejectedStoryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Story files on disk: which files a set of paths names, and reading one within the size limit. */
public final class StoryFiles {

    private StoryFiles() {
    }

    /**
     * Every regular file under {@code paths}: directories recursively and in path order, hidden files and
     * directories skipped. A path that does not exist is kept, so that it is reported rather than silently skipped.
     */
    public static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.isDirectory(path)) {
                files.add(path);
                continue;
            }
            try (Stream<Path> tree = Files.walk(path)) {
                tree.filter(Files::isRegularFile)
                        .filter(file -> !hidden(path.relativize(file)))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("could not list " + path, e);
            }
        }
        return files;
    }

    /** The file's bytes, or the reason it cannot be a story; an oversized file is refused unread. */
    public static byte[] read(Path file, int maxStoryBytes) throws RejectedStoryException {
        try {
            long size = Files.size(file);
            if (size > maxStoryBytes) {
                throw oversized(size + " bytes", maxStoryBytes);
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new RejectedStoryException("no such file");
        } catch (IOException e) {
            throw new RejectedStoryException("unreadable: " + e);
        }
    }

    static RejectedStoryException oversized(String size, int maxStoryBytes) {
        return new RejectedStoryException("oversized: " + size + ", over the limit of " + maxStoryBytes
                + " (" + IngestConfig.MAX_STORY_BYTES_CONFIG + ")");
    }

    /** Editors' swap files and directories such as {@code .git} are not stories. */
    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
