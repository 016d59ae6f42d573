package io.newsflow.pipeline.bench;

/**
 * Stories through one stage of the bench in a wall time, and the CPU time they took (the extraction threads' for the
 * extraction alone, this JVM's and the broker's for the Streams apps alone).
 */
public record Throughput(String stage, int stories, double wallSeconds, double coreSeconds) {

    public double perSecond() {
        return stories / wallSeconds;
    }

    public double coreSecondsPerStory() {
        return coreSeconds / stories;
    }
}
