package io.newsflow.schemas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Every topic of the pipeline, with its layout. The one place where topics are named and created. */
public final class Topics {

    /** Stories as delivered, keyed by article id. */
    public static final String RAW = "news.raw";
    /** Enriched stories keyed by article id; compacted, so it always holds the latest version of each story. */
    public static final String ENRICHED = "news.enriched";
    /** Records no stage could process, with headers naming the error and where the record came from. */
    public static final String DEAD_LETTER = "news.deadletter";
    /** Input the ingest stage refused (malformed file, empty body, unsafe XML), with the source and reason. */
    public static final String REJECTS = "news.rejects";
    /** Periodic OpsEvent reports from every stage instance. */
    public static final String OPS = "news.ops";

    private static final long DAY_MS = 24L * 60 * 60 * 1000;

    public record TopicSpec(String name, int partitions, Map<String, String> configs) {
    }

    /**
     * The codec a topic's batches are stored in ({@code compression.type}), chosen for who reads it: kafkajs, a
     * common non-Java client, decodes gzip and nothing else without plugins; librdkafka-based and Java clients decode
     * every codec. Topics that services outside the pipeline consume are gzip (records with text) or uncompressed
     * (single small reports); lz4, cheap to write, only where only the pipeline's own stages read. The broker
     * re-compresses a batch a producer sent with another codec, so the main writers send their topic's codec
     * already; the few rejects (ingest's lz4 producer) and the sink's dead letters (Connect's own producer) are
     * re-compressed by the broker.
     */
    public static List<TopicSpec> all() {
        return List.of(
                new TopicSpec(RAW, 6, Map.of(
                        TopicConfig.RETENTION_MS_CONFIG, String.valueOf(7 * DAY_MS),
                        TopicConfig.COMPRESSION_TYPE_CONFIG, "lz4")),
                new TopicSpec(ENRICHED, 6, Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        // Kill notices (tombstones) must stay long enough for every consumer to see them.
                        TopicConfig.DELETE_RETENTION_MS_CONFIG, String.valueOf(7 * DAY_MS),
                        TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, String.valueOf(DAY_MS / 24),
                        TopicConfig.COMPRESSION_TYPE_CONFIG, "gzip")),
                new TopicSpec(DEAD_LETTER, 3, Map.of(
                        TopicConfig.RETENTION_MS_CONFIG, String.valueOf(30 * DAY_MS),
                        TopicConfig.COMPRESSION_TYPE_CONFIG, "gzip")),
                new TopicSpec(REJECTS, 3, Map.of(
                        TopicConfig.RETENTION_MS_CONFIG, String.valueOf(30 * DAY_MS),
                        TopicConfig.COMPRESSION_TYPE_CONFIG, "gzip")),
                new TopicSpec(OPS, 1, Map.of(
                        TopicConfig.RETENTION_MS_CONFIG, String.valueOf(DAY_MS),
                        TopicConfig.COMPRESSION_TYPE_CONFIG, "uncompressed")));
    }

    /**
     * Creates the topics that do not exist yet. Replication follows the cluster's size (3 where it can, with two
     * in-sync replicas required), so the same call serves a laptop broker and a production cluster.
     */
    public static void ensureCreated(Admin admin) {
        try {
            int brokers = admin.describeCluster().nodes().get().size();
            short replication = (short) Math.min(3, Math.max(1, brokers));
            Set<String> existing = admin.listTopics().names().get();
            Collection<NewTopic> missing = new ArrayList<>();
            for (TopicSpec spec : all()) {
                if (!existing.contains(spec.name())) {
                    Map<String, String> configs = new java.util.HashMap<>(spec.configs());
                    configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, replication >= 3 ? "2" : "1");
                    missing.add(new NewTopic(spec.name(), spec.partitions(), replication).configs(configs));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create the pipeline's topics", e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    private Topics() {
    }
}
