package io.newsflow.ingest;

/**
 * What one ingest run did. Every story read is counted once in exactly one of the other four.
 *
 * @param read       stories read from the inputs (each feed item counts; a rejected file counts once)
 * @param published  stories acknowledged by the brokers on {@code news.raw}
 * @param rejected   inputs refused (invalid UTF-8, empty body, oversized, unreadable), recorded on {@code news.rejects}
 * @param duplicates stories identical (id, version and content) to one already published in this run, not sent again
 * @param failed     stories the producer could not deliver (brokers unreachable past {@code delivery.timeout.ms})
 */
public record IngestSummary(long read, long published, long rejected, long duplicates, long failed) {

    @Override
    public String toString() {
        return "read " + read + ", published " + published + ", rejected " + rejected + ", duplicates " + duplicates
                + (failed > 0 ? ", FAILED " + failed : "");
    }
}
