package io.newsflow.ingest.format;

import java.time.Instant;

/** Input the ingest stage refused: where it came from and why. Published as JSON on {@code news.rejects}. */
public record Rejection(String source, String reason, Instant rejectedAt) {
}
