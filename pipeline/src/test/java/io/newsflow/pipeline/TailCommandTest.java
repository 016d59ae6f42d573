package io.newsflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schemas.EnrichedArticle;
import io.newsflow.schemas.Entity;
import io.newsflow.schemas.EntityType;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.schemas.Topics;
import io.newsflow.store.Articles;
import io.newsflow.testing.KafkaTestCluster;
import io.newsflow.testing.TestRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code tail} on the real broker and registry: records decoded through the registry, filtered, as a table or JSON. */
class TailCommandTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String EGYPT_ID = "test:eg-" + RUN;
    private static Map<String, Object> config;

    @BeforeAll
    static void publishStories() {
        KafkaTestCluster kafka = KafkaTestCluster.shared();
        String registryUrl = TestRegistry.shared().apiUrl();
        config = new HashMap<>();
        config.put("bootstrap.servers", kafka.bootstrapServers());
        config.put(RegistrySerdes.REGISTRY_URL, registryUrl);
        SetupCommand.prepare(config);
        Map<String, Object> producerConfig = new HashMap<>();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, EnrichedArticle> producer = new KafkaProducer<>(producerConfig,
                new StringSerializer(), RegistrySerdes.<EnrichedArticle>valueSerializer(registryUrl))) {
            for (EnrichedArticle article : List.of(
                    Articles.english("tail-en-" + RUN, 1, "Egypt refers 771 defendants to trial " + RUN),
                    Articles.arabic("tail-ar-" + RUN, 1, "إحالة 771 متهماً إلى المحاكمة " + RUN),
                    Articles.english("tail-en2-" + RUN, 1, "Central bank raises rates " + RUN))) {
                if (article.getArticle().getId().startsWith("tail-ar-")) {
                    Entity egypt = article.getEntities().get(0);
                    egypt.setCanonicalId(EGYPT_ID);
                }
                producer.send(new ProducerRecord<>(Topics.ENRICHED, article.getArticle().getId(), article));
            }
            producer.flush();
        }
    }

    @Test
    void printsTheStoriesNamingAnEntityIdAsJsonLinesDecodedThroughTheRegistry() throws Exception {
        String out = tail(command -> {
            command.entity = EGYPT_ID;
            command.json = true;
            command.max = 1L;
        });

        JsonNode line = new ObjectMapper().readTree(out.lines().findFirst().orElseThrow());
        assertThat(line.get("topic").asText()).isEqualTo(Topics.ENRICHED);
        assertThat(line.get("key").asText()).isEqualTo("tail-ar-" + RUN);
        assertThat(line.at("/value/language").asText()).isEqualTo("ar");
        assertThat(line.at("/value/article/headline").asText()).isEqualTo("إحالة 771 متهماً إلى المحاكمة " + RUN);
        assertThat(line.at("/value/entities/0/canonicalId").asText()).isEqualTo(EGYPT_ID);
        assertThat(line.at("/value/entities/0/type").asText()).isEqualTo(EntityType.LOCATION.name());
    }

    @Test
    void printsATableRowPerStoryInTheLanguageAsked() throws Exception {
        String out = tail(command -> {
            command.language = "en";
            command.exitAtEnd = true;
        });

        String row = out.lines().filter(l -> l.contains("Central bank raises rates " + RUN)).findFirst().orElseThrow();
        assertThat(row).contains(" en ", "country:EG", "2 figures");
        assertThat(out).doesNotContain("إحالة");
    }

    private interface Options {
        void set(TailCommand command);
    }

    private static String tail(Options options) throws Exception {
        TailCommand command = new TailCommand();
        command.topic = Topics.ENRICHED;
        command.fromBeginning = true;
        options.set(command);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        command.follow(config, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
