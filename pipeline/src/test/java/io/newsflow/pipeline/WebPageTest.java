package io.newsflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.enrichment.EnrichmentApp;
import io.newsflow.enrichment.EnrichmentConfig;
import io.newsflow.ingest.IngestListener;
import io.newsflow.ingest.IngestRun;
import io.newsflow.pipeline.local.LocalConnectWorker;
import io.newsflow.pipeline.local.LocalKafkaBroker;
import io.newsflow.registry.RegistryServer;
import io.newsflow.schemas.RegistrySerdes;
import io.newsflow.store.Database;
import io.newsflow.testing.TestRegistry;
import io.newsflow.web.WebServer;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web view in a real headless Chromium against the demo's stack (a KRaft broker and a Connect worker in child
 * JVMs, the registry, the enrichment app): an Arabic story with its entities highlighted right to left, a filter by
 * entity id, a dead letter with its headers, and its replay once the cause is fixed upstream.
 */
class WebPageTest {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    /** Small enough that the oversized story below is dead-lettered, large enough for every sample. */
    private static final int SMALL_ARTICLE_LIMIT = 2_000;
    private static final String OVERSIZED_HEADLINE = "Gulf shipping digest for the quarter";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private Map<String, Object> settings;
    private EnrichmentApp enrichment;
    private WebServer web;
    private WebDriver browser;

    @BeforeEach
    void startStackAndBrowser() throws Exception {
        Optional<Path> chromium = onPath("chromium");
        Optional<Path> chromedriver = onPath("chromedriver");
        assumeTrue(chromium.isPresent() && chromedriver.isPresent(),
                "no chromium and chromedriver on PATH (Debian: apt-get install chromium chromium-driver); "
                        + "the web page test is skipped");

        Path logs = tmp.resolve("logs");
        LocalKafkaBroker broker = started(LocalKafkaBroker.start(tmp.resolve("kafka"), logs));
        RegistryServer registry = TestRegistry.shared();
        settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", broker.bootstrapServers());
        settings.put(RegistrySerdes.REGISTRY_URL, registry.apiUrl());
        SetupCommand.prepare(settings);
        enrichment = LocalStages.startEnrichment(withArticleLimit(SMALL_ARTICLE_LIMIT), tmp.resolve("streams"));
        Path database = tmp.resolve("newsflow.db");
        started(LocalConnectWorker.start(broker.bootstrapServers(), tmp.resolve("connect"), logs,
                LocalStages.sinkConnectorConfig(database, broker.bootstrapServers(), registry.apiUrl())));
        web = started(WebServer.start(new InetSocketAddress("127.0.0.1", 0), Database.of(database.toString()), settings));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--user-data-dir=" + tmp.resolve("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.get().toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @Test
    void showsStoriesFiltersByEntityShowsDeadLettersAndReplaysAFixedStory() throws Exception {
        Path stories = Files.createDirectories(tmp.resolve("stories"));
        Files.copy(Path.of("../samples/ar-02-gulf-trade.txt"), stories.resolve("ar-02-gulf-trade.txt"));
        Files.copy(Path.of("../samples/en-02-oil-output.txt"), stories.resolve("en-02-oil-output.txt"));
        Files.writeString(stories.resolve("digest.txt"), OVERSIZED_HEADLINE + "\n\n"
                + "DUBAI (Reuters) - Container traffic through Jebel Ali rose again this quarter. ".repeat(40));
        IngestRun.ingest(settings, List.of(stories), new IngestListener() { });

        awaitApi("/api/articles", page -> page.get("articles").size() == 2);

        browser.get(web.uri() + "#/stories");
        WebElement arabic = awaitElement(By.xpath("//tr[@class='story']//a[starts-with(., 'ارتفاع التجارة')]"));
        arabic.click();
        List<WebElement> marks = awaitElements(By.cssSelector("div.text[dir='rtl'] mark.entity"));
        assertThat(marks).isNotEmpty();
        screenshot("story-arabic");

        String narrowingId = narrowingEntityId(marks);
        browser.get(web.uri() + "#/stories");
        int before = awaitElements(By.cssSelector("tr.story")).size();
        WebElement entity = awaitElement(By.name("entity"));
        entity.sendKeys(narrowingId);
        browser.findElement(By.cssSelector("form.filters button")).click();
        await(() -> browser.getCurrentUrl().contains("entity=") ? browser.findElements(By.cssSelector("tr.story")) : null,
                rows -> !rows.isEmpty() && rows.size() < before);
        for (WebElement row : browser.findElements(By.cssSelector("tr.story"))) {
            assertThat(row.getText()).contains(narrowingId);
        }
        screenshot("stories-by-entity");

        browser.get(web.uri() + "#/failed");
        WebElement deadLetter = awaitElement(By.cssSelector(".failed[data-topic='news.deadletter']"));
        assertThat(deadLetter.findElements(By.cssSelector("dl.headers dt"))).extracting(WebElement::getText)
                .contains("newsflow.error.reason", "__streams.errors.topic");
        assertThat(deadLetter.findElement(By.cssSelector(".reason")).getText()).contains("oversized");
        screenshot("dead-letter");

        // The fix upstream: the enrichment stage runs again with its default article limit.
        enrichment.close();
        enrichment = LocalStages.startEnrichment(settings, tmp.resolve("streams"));
        deadLetter.findElement(By.cssSelector("button.replay")).click();
        WebElement result = deadLetter.findElement(By.cssSelector(".replay-result"));
        await(() -> result.getText(), text -> text.startsWith("replayed to news.raw-"));

        // Stored first (through the API), then shown: a probe that reloads the page would race the page's own fetch.
        String words = "text=" + URLEncoder.encode("Jebel Ali", StandardCharsets.UTF_8);
        awaitApi("/api/articles?" + words, page -> page.get("articles").findValuesAsText("headline")
                .contains(OVERSIZED_HEADLINE));
        browser.get(web.uri() + "#/stories?" + words);
        await(() -> browser.findElements(By.xpath("//tr[@class='story']//a[. = '" + OVERSIZED_HEADLINE + "']")),
                rows -> rows.size() == 1);
        screenshot("replayed-story");

        browser.get(web.uri() + "#/pipeline");
        await(() -> browser.findElements(By.xpath("//tr[@class='instance'][td[1] = 'web']/td[3]")),
                cells -> !cells.isEmpty() && cells.get(0).getText().startsWith("REPLAYED news.deadletter-"));
        screenshot("pipeline");
    }

    /** An entity id of the Arabic story that not every stored story names, read from the page's highlights. */
    private String narrowingEntityId(List<WebElement> marks) throws Exception {
        int total = api("/api/articles").get("articles").size();
        for (WebElement mark : marks) {
            String id = mark.getAttribute("data-id");
            if (id != null && api("/api/articles?entity=" + URLEncoder.encode(id, StandardCharsets.UTF_8))
                    .get("articles").size() < total) {
                return id;
            }
        }
        throw new AssertionError("every canonical id of the Arabic story is in every stored story");
    }

    private Map<String, Object> withArticleLimit(int chars) {
        Map<String, Object> limited = new LinkedHashMap<>(settings);
        limited.put(EnrichmentConfig.MAX_ARTICLE_CHARS_CONFIG, String.valueOf(chars));
        return limited;
    }

    private JsonNode api(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(web.uri() + path.substring(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private void awaitApi(String path, Predicate<JsonNode> done) {
        await(() -> {
            try {
                return api(path);
            } catch (IOException | InterruptedException e) {
                return null;
            }
        }, done);
    }

    private WebElement awaitElement(By by) {
        return awaitElements(by).get(0);
    }

    private List<WebElement> awaitElements(By by) {
        return await(() -> browser.findElements(by), found -> !found.isEmpty());
    }

    /**
     * Polls with a generous deadline: the stack shares a small machine with other builds. A timeout names the last
     * value seen and what the API and the stages reported then, so a failure in CI can be read from its log alone.
     */
    private <T> T await(Supplier<T> probe, Predicate<T> done) {
        List<T> last = new ArrayList<>(1);
        return new WebDriverWait(browser, PATIENCE, Duration.ofMillis(500))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "last seen: " + describe(last.isEmpty() ? null : last.get(0)) + "; " + stackState())
                .until(driver -> {
                    T value = probe.get();
                    last.clear();
                    last.add(value);
                    return value != null && done.test(value) ? value : null;
                });
    }

    private static String describe(Object value) {
        if (value instanceof List<?> list) {
            return list.size() + " element(s) " + list.stream().map(WebPageTest::describe).toList();
        }
        if (value instanceof WebElement element) {
            try {
                return "<" + element.getTagName() + "> '" + element.getText() + "'";
            } catch (StaleElementReferenceException gone) {
                return "a stale element";
            }
        }
        return String.valueOf(value);
    }

    private String stackState() {
        StringBuilder state = new StringBuilder("enrichment ").append(enrichment == null ? "-" : enrichment.state());
        for (String path : List.of("/api/articles", "/api/failed", "/api/ops")) {
            try {
                String body = api(path).toString();
                state.append("; ").append(path).append(" -> ").append(body, 0, Math.min(body.length(), 3_000));
            } catch (IOException | InterruptedException | RuntimeException e) {
                state.append("; ").append(path).append(" failed: ").append(e);
            }
        }
        return state.toString();
    }

    private void screenshot(String name) throws IOException {
        Path target = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(target.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private <T extends AutoCloseable> T started(T resource) {
        running.add(0, resource);
        return resource;
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (enrichment != null) {
            enrichment.close();
        }
        for (AutoCloseable resource : running) {
            resource.close();
        }
    }

    private static Optional<Path> onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, program)).filter(Files::isExecutable).findFirst();
    }
}
