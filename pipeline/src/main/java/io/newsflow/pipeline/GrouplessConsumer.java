package io.newsflow.pipeline;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/** Consumer settings for reading a topic without a consumer group or commits: watching leaves no trace. */
final class GrouplessConsumer {

    private GrouplessConsumer() {
    }

    /** The consumer's own keys from the stage settings, with a unique client id starting with {@code clientIdPrefix}. */
    static Map<String, Object> config(Map<String, Object> settings, String clientIdPrefix) {
        Map<String, Object> consumerConfig = new HashMap<>();
        settings.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                consumerConfig.put(key, value);
            }
        });
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, clientIdPrefix + "-" + UUID.randomUUID());
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return consumerConfig;
    }
}
