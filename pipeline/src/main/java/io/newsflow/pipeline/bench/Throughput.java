package io.newsflow.pipeline.bench;

/**
 * Stories through one stage of the bench in a wall time; {@code coreSeconds} is the CPU time they took where the
 * stage measures it, else NaN.
 */
public record Throughput(String stage, int stories, double wallSeconds, double coreSeconds) {

    public Throughput(String stage, int stories, double wallSeconds) {
        this(stage, stories, wallSeconds, Double.NaN);
    }

    public double perSecond() {
        return stories / wallSeconds;
    }

    public double coreSecondsPerStory() {
        return coreSeconds / stories;
    }
}
