package io.newsflow.ingest.source;

import io.newsflow.ingest.format.RejectedStoryException;
import io.newsflow.ingest.format.Rejection;
import io.newsflow.ingest.StoryFiles;
import io.newsflow.ingest.format.StoryFormats;
import io.newsflow.schemas.RawArticle;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Parses story files exactly as an ingest run would, without Kafka, and prints each article and each rejection
 * as one JSON line: a way to check a delivery, or to feed the stories to another tool.
 */
public final class DryRun {

    private final int maxStoryBytes;
    private final Clock clock;

    public DryRun(int maxStoryBytes, Clock clock) {
        this.maxStoryBytes = maxStoryBytes;
        this.clock = clock;
    }

    /** @return the number of inputs and feed items rejected */
    public int run(List<Path> paths, PrintStream out) {
        int rejected = 0;
        for (Path file : StoryFiles.expand(paths)) {
            String source = file.toString();
            try {
                StoryFormats.Parsed parsed = StoryFormats.parse(source, StoryFiles.read(file, maxStoryBytes), clock.instant());
                for (RawArticle article : parsed.articles()) {
                    out.println(ArticleJson.line(article));
                }
                for (Rejection item : parsed.rejections()) {
                    out.println(ArticleJson.line(item));
                }
                rejected += parsed.rejections().size();
            } catch (RejectedStoryException e) {
                out.println(ArticleJson.line(new Rejection(source, e.getMessage(), clock.instant())));
                rejected++;
            }
        }
        out.flush();
        return rejected;
    }
}
