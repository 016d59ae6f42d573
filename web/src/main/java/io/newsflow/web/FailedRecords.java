package io.newsflow.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.newsflow.schemas.DeadLetterReason;
import io.newsflow.schemas.OpsEvent;
import io.newsflow.ops.OpsPublisher;
import io.newsflow.schemas.RawArticle;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.Topics;
import io.newsflow.web.WebServer.BadRequestException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest dead letters and rejects, read in the background, and the replay of a dead letter: its value
 * republished unchanged to {@code news.raw} (after the cause was fixed upstream), the replay reported on
 * {@code news.ops}.
 */
final class FailedRecords extends BackgroundReader<byte[], byte[]> {

    static final String OPS_STAGE = "web";
    private static final int KEPT_PER_TOPIC = 500;
    /** The headers that name the failed record's own topic: Kafka Streams' (KIP-1034) and Connect's. */
    private static final List<String> SOURCE_TOPIC_HEADERS = List.of("__streams.errors.topic", "__connect.errors.topic");
    private static final Pattern REPLAY = Pattern.compile("/([^/]+)/(\\d+)/(\\d+)/replay");
    private static final Logger log = LoggerFactory.getLogger(FailedRecords.class);

    record Failed(String topic, int partition, long offset, Instant timestamp, String key, Map<String, String> headers,
            String reason, String sourceTopic, boolean replayable, String headline, int valueBytes) {
    }

    private record Kept(Failed failed, byte[] key, byte[] value) {
    }

    private final Deserializer<RawArticle> rawArticles;
    private final Producer<byte[], byte[]> replays;
    private final Producer<String, OpsEvent> opsReports;
    private final String instanceId = OpsPublisher.defaultInstanceId();
    private final Map<String, Deque<Kept>> kept = new HashMap<>();
    private long replayed;

    private FailedRecords(Map<String, Object> settings) {
        super(new KafkaConsumer<>(KafkaClients.consumer(settings, "newsflow-web-failed"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer()), "web-failed-reader");
        rawArticles = RegistrySerdes.valueDeserializer(settings);
        replays = new KafkaProducer<>(KafkaClients.producer(settings), new ByteArraySerializer(),
                new ByteArraySerializer());
        Serializer<OpsEvent> opsValues = RegistrySerdes.valueSerializer(settings);
        opsReports = new KafkaProducer<>(KafkaClients.producer(settings), new StringSerializer(), opsValues);
    }

    static FailedRecords start(Map<String, Object> settings) {
        FailedRecords records = new FailedRecords(settings);
        records.start();
        return records;
    }

    @Override
    void position() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.DEAD_LETTER, Topics.REJECTS)) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    @Override
    void accept(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), readable(header.value()));
        }
        String sourceTopic = SOURCE_TOPIC_HEADERS.stream().map(headers::get).filter(t -> t != null).findFirst()
                .orElse(null);
        String reason = headers.get(DeadLetterReason.HEADER);
        String headline = null;
        boolean replayable = false;
        if (record.topic().equals(Topics.REJECTS)) {
            reason = rejectionReason(record.value());
        } else if (Topics.RAW.equals(sourceTopic) && record.value() != null) {
            replayable = true;
            headline = headline(record.value());
        }
        Failed failed = new Failed(record.topic(), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()), record.key() == null ? null : readable(record.key()), headers,
                reason, sourceTopic, replayable, headline, record.value() == null ? 0 : record.value().length);
        synchronized (this) {
            Deque<Kept> topic = kept.computeIfAbsent(record.topic(), t -> new ArrayDeque<>());
            topic.addLast(new Kept(failed, record.key(), record.value()));
            if (topic.size() > KEPT_PER_TOPIC) {
                topic.removeFirst();
            }
        }
    }

    /** The story's headline when the bytes still read as one; a record that cannot be read shows none. */
    private String headline(byte[] value) {
        try {
            return rawArticles.deserialize(Topics.RAW, value).getHeadline();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static String rejectionReason(byte[] value) {
        try {
            JsonNode json = WebServer.JSON.readTree(value);
            return json.path("reason").asText(null);
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    /** UTF-8 text where the bytes are text (every header the pipeline writes), else hex. */
    private static String readable(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException binary) {
            return "0x" + HexFormat.of().formatHex(bytes);
        }
    }

    void handle(HttpExchange exchange, String method, String rest) throws IOException {
        if (method.equals("GET") && (rest.isEmpty() || rest.equals("/"))) {
            WebServer.send(exchange, 200, Map.of("records", list()));
            return;
        }
        Matcher replay = REPLAY.matcher(rest);
        if (method.equals("POST") && replay.matches()) {
            WebServer.send(exchange, 200, replay(replay.group(1), Integer.parseInt(replay.group(2)),
                    Long.parseLong(replay.group(3))));
            return;
        }
        WebServer.send(exchange, 404, WebServer.error("no such resource: " + method + " /api/failed" + rest));
    }

    /** Newest first. */
    synchronized List<Failed> list() {
        return kept.values().stream().flatMap(Deque::stream).map(Kept::failed)
                .sorted(Comparator.comparing(Failed::timestamp).reversed()).toList();
    }

    Map<String, Object> replay(String topic, int partition, long offset) {
        Kept record;
        synchronized (this) {
            record = kept.getOrDefault(topic, new ArrayDeque<>()).stream()
                    .filter(k -> k.failed().partition() == partition && k.failed().offset() == offset)
                    .findFirst().orElse(null);
        }
        String from = topic + "-" + partition + "@" + offset;
        if (record == null) {
            throw new BadRequestException("no dead letter " + from + " among the latest " + KEPT_PER_TOPIC + " read");
        }
        if (!record.failed().replayable()) {
            throw new BadRequestException(from + " is not a story from " + Topics.RAW + " and cannot be replayed there");
        }
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterReason.REPLAYED_FROM_HEADER, from.getBytes(StandardCharsets.UTF_8));
        RecordMetadata sent;
        try {
            sent = replays.send(new ProducerRecord<>(Topics.RAW, null, record.key(), record.value(), headers))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying " + from, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("replaying " + from + " to " + Topics.RAW + " failed: " + e.getMessage(), e);
        }
        String to = sent.topic() + "-" + sent.partition() + "@" + sent.offset();
        long count;
        synchronized (this) {
            count = ++replayed;
        }
        OpsEvent report = OpsPublisher.report(OPS_STAGE, instanceId, Instant.now(), "REPLAYED " + from + " -> " + to,
                null).setRecordsIn(count).setRecordsOut(count).build();
        opsReports.send(new ProducerRecord<>(Topics.OPS, OPS_STAGE + "/" + instanceId, report), (metadata, e) -> {
            if (e != null) {
                log.warn("could not report the replay of {} on {}: {}", from, Topics.OPS, e.getMessage());
            }
        });
        log.info("replayed {} to {}", from, to);
        return Map.of("replayed", from, "to", to);
    }

    @Override
    public void close() {
        super.close();
        replays.close(Duration.ofSeconds(5));
        opsReports.close(Duration.ofSeconds(5));
        rawArticles.close();
    }
}
