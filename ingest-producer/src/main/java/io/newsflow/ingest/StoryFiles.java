package io.newsflow.ingest;

import io.newsflow.ingest.format.RejectedStoryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

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
            List<Path> tree = new ArrayList<>();
            try {
                // A visitor rather than Files.walk: the attributes it read already tell a regular file, and a hidden
                // directory is skipped whole instead of every path under it being checked.
                Files.walkFileTree(path, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                        return dir.equals(path) || !hidden(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        boolean regular = attributes.isRegularFile()
                                || attributes.isSymbolicLink() && Files.isRegularFile(file);
                        if (regular && !hidden(file)) {
                            tree.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("could not list " + path, e);
            }
            tree.sort(null);
            files.addAll(tree);
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

    public static RejectedStoryException oversized(String size, int maxStoryBytes) {
        return new RejectedStoryException("oversized: " + size + ", over the limit of " + maxStoryBytes
                + " (" + IngestConfig.MAX_STORY_BYTES_CONFIG + ")");
    }

    /** Editors' swap files and directories such as {@code .git} are not stories. */
    private static boolean hidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }
}
