package io.newsflow.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.schemas.DeadLetterReason;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Entity;
import io.newsflow.schemas.OpsEvent;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.Topics;
import io.newsflow.store.AvroJson;
import io.newsflow.web.KafkaClients;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Follows one of the pipeline's topics, each record decoded through the registry, without a consumer group. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Print the records of one of the pipeline's topics as they arrive, decoded through the registry.",
                "Example: tail news.enriched --from-beginning --entity country:EG --json"})
final class TailCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TOPICS = List.of(Topics.RAW, Topics.ENRICHED, Topics.DEAD_LETTER, Topics.REJECTS,
            Topics.OPS);

    @Mixin
    SettingsOptions settings;

    @Parameters(paramLabel = "TOPIC", description = "news.raw, news.enriched, news.deadletter, news.rejects or news.ops.")
    String topic;

    @Option(names = "--from-beginning", description = "Start at the oldest record the topic keeps, not at its end.")
    boolean fromBeginning;

    @Option(names = "--json", description = "One JSON line per record: position, key, headers, the decoded value.")
    boolean json;

    @Option(names = "--lang", paramLabel = "ar|en", description = "Only stories in this language (news.raw, news.enriched).")
    String language;

    @Option(names = "--entity", paramLabel = "ID_OR_TEXT",
            description = "Only stories naming this canonical id or entity text (news.enriched).")
    String entity;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
    Long max;

    @Option(names = "--exit-at-end", description = "Stop at the end the topic had when tail started, instead of waiting.")
    boolean exitAtEnd;

    private Deserializer<SpecificRecord> values;

    @Override
    public Integer call() throws IOException {
        if (!TOPICS.contains(topic)) {
            System.err.println("tail: not one of the pipeline's topics: " + topic + " (" + String.join(", ", TOPICS) + ")");
            return 2;
        }
        if (language != null && !topic.equals(Topics.RAW) && !topic.equals(Topics.ENRICHED)) {
            System.err.println("tail: --lang applies to " + Topics.RAW + " and " + Topics.ENRICHED);
            return 2;
        }
        if (entity != null && !topic.equals(Topics.ENRICHED)) {
            System.err.println("tail: --entity applies to " + Topics.ENRICHED);
            return 2;
        }
        return follow(settings.resolve(), new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }

    int follow(Map<String, Object> config, PrintStream out) throws IOException {
        values = RegistrySerdes.valueDeserializer(config);
        long printed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (max == null || printed < max) {
                if (exitAtEnd && partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                    break;
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Object value = decode(record);
                    if (!wanted(value)) {
                        continue;
                    }
                    out.println(json ? jsonLine(record, value) : row(record, value));
                    if (max != null && ++printed >= max) {
                        break;
                    }
                }
            }
        } finally {
            values.close();
        }
        return 0;
    }

    private Object decode(ConsumerRecord<byte[], byte[]> record) throws IOException {
        if (record.value() == null) {
            return null;
        }
        return switch (topic) {
            case Topics.REJECTS -> JSON.readTree(record.value());
            case Topics.DEAD_LETTER -> null;
            default -> {
                try {
                    yield values.deserialize(topic, record.headers(), record.value());
                } catch (RuntimeException e) {
                    yield DeadLetterReason.unreadable(record.value(), e);
                }
            }
        };
    }

    private boolean wanted(Object value) {
        if (language != null) {
            String lang = value instanceof EnrichedArticle enriched ? enriched.getLanguage()
                    : value instanceof RawArticle raw ? raw.getLanguage() : null;
            if (lang == null || !lang.equalsIgnoreCase(language.strip())) {
                return false;
            }
        }
        if (entity != null) {
            return value instanceof EnrichedArticle enriched && enriched.getEntities().stream().anyMatch(e ->
                    entity.strip().equals(e.getCanonicalId()) || entity.strip().equalsIgnoreCase(e.getText()));
        }
        return true;
    }

    private String jsonLine(ConsumerRecord<byte[], byte[]> record, Object value) throws IOException {
        ObjectNode line = JSON.createObjectNode()
                .put("topic", record.topic()).put("partition", record.partition()).put("offset", record.offset())
                .put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString())
                .put("key", record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));
        ObjectNode headers = line.putObject("headers");
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        if (value instanceof IndexedRecord avro) {
            line.set("value", JSON.readTree(AvroJson.write(avro)));
        } else if (value instanceof JsonNode node) {
            line.set("value", node);
        } else if (value instanceof String unreadable) {
            line.put("unreadable", unreadable);
        } else if (record.value() != null) {
            line.put("valueBytes", record.value().length);
        }
        return JSON.writeValueAsString(line);
    }

    private static String row(ConsumerRecord<byte[], byte[]> record, Object value) {
        String time = Instant.ofEpochMilli(record.timestamp()).toString().substring(0, 19).replace('T', ' ');
        String position = record.partition() + "@" + record.offset();
        String rest;
        if (value instanceof EnrichedArticle e) {
            rest = e.getLanguage() + "  " + e.getArticle().getHeadline() + "  ["
                    + e.getEntities().stream().map(Entity::getCanonicalId).filter(id -> id != null).distinct()
                            .collect(Collectors.joining(" ")) + "] " + e.getFigures().size() + " figures";
        } else if (value instanceof RawArticle r) {
            rest = (r.getLanguage() == null ? "-" : r.getLanguage()) + "  " + r.getHeadline() + "  (" + r.getSource() + ")";
        } else if (value instanceof OpsEvent o) {
            rest = String.format(Locale.ROOT, "%s/%s %s in=%d out=%d lag=%s dead=%d%s", o.getStage(),
                    o.getInstanceId(), o.getState(), o.getRecordsIn(), o.getRecordsOut(),
                    o.getConsumerLag() == null ? "-" : o.getConsumerLag(), o.getDeadLettered(),
                    o.getLastError() == null ? "" : " error: " + o.getLastError());
        } else if (value instanceof JsonNode reject) {
            rest = reject.path("source").asText() + ": " + reject.path("reason").asText();
        } else if (value instanceof String unreadable) {
            rest = "unreadable: " + unreadable;
        } else if (record.value() == null) {
            rest = "tombstone " + (record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8));
        } else {
            Header reason = record.headers().lastHeader(DeadLetterReason.HEADER);
            Header source = record.headers().lastHeader("__streams.errors.topic");
            if (source == null) {
                source = record.headers().lastHeader("__connect.errors.topic");
            }
            rest = (source == null ? "?" : new String(source.value(), StandardCharsets.UTF_8)) + ": "
                    + (reason == null ? "(no reason header)" : new String(reason.value(), StandardCharsets.UTF_8));
        }
        return time + "  " + position + "  " + rest.replaceAll("\\s+", " ");
    }

    private static KafkaConsumer<byte[], byte[]> consumer(Map<String, Object> config) {
        return new KafkaConsumer<>(KafkaClients.consumer(config, "newsflow-tail"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }
}
