package io.newsflow.enrichment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What the duplicate filter remembers of the last version of an article it let through.
 *
 * @param seenAt the timestamp of the record that carried it
 */
record SeenArticle(String contentHash, Long version, long seenAt) {

    /**
     * A fixed binary layout (seenAt, version flag and value, hash) rather than Avro: the store is private to this
     * app, and its changelog should not need the registry to be restored.
     */
    static Serde<SeenArticle> serde() {
        Serializer<SeenArticle> serializer = (topic, seen) -> {
            if (seen == null) {
                return null;
            }
            byte[] hash = seen.contentHash().getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(Long.BYTES + 1 + Long.BYTES + hash.length)
                    .putLong(seen.seenAt())
                    .put((byte) (seen.version() == null ? 0 : 1))
                    .putLong(seen.version() == null ? 0 : seen.version())
                    .put(hash)
                    .array();
        };
        Deserializer<SeenArticle> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long seenAt = buffer.getLong();
            boolean versioned = buffer.get() == 1;
            long version = buffer.getLong();
            String hash = StandardCharsets.UTF_8.decode(buffer).toString();
            return new SeenArticle(hash, versioned ? version : null, seenAt);
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
