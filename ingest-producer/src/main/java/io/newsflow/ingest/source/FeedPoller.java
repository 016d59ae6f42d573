package io.newsflow.ingest.source;

import io.newsflow.ingest.format.RejectedStoryException;
import io.newsflow.ingest.format.StoryType;
import io.newsflow.schemas.RawArticle;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One feed URL, fetched with conditional requests: the validators of the last full response ({@code ETag},
 * {@code Last-Modified}) go back as {@code If-None-Match} and {@code If-Modified-Since}, so an unchanged feed costs
 * a 304 and nothing is parsed. Of a changed feed only the items the previous response did not carry are published.
 * A timeout, a connection failure or an HTTP error becomes a rejection with the URL as its source.
 */
public final class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
            + "text/xml;q=0.9, */*;q=0.8";

    private final URI feed;
    private final HttpClient http;
    private final Duration responseTimeout;
    private final StoryIntake intake;
    private final int maxFeedBytes;
    private String etag;
    private String lastModified;
    private Set<String> previousItems = Set.of();

    /** A fetch that produced no feed; the message is the rejection's reason. */
    private static final class FetchFailedException extends Exception {
        FetchFailedException(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * @param http            a client built with {@link #httpClient}, shared by every feed
     * @param responseTimeout how long the whole response (headers and body) may take
     */
    public FeedPoller(URI feed, HttpClient http, Duration responseTimeout, StoryIntake intake, int maxFeedBytes) {
        this.feed = feed;
        this.http = http;
        this.responseTimeout = responseTimeout;
        this.intake = intake;
        this.maxFeedBytes = maxFeedBytes;
    }

    public static HttpClient httpClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * Fetches the feed once and publishes its new items. One thread polls a feed.
     *
     * @return the number of stories published and acknowledged
     */
    public int poll() throws InterruptedException {
        String source = feed.toString();
        HttpResponse<byte[]> response;
        try {
            response = fetch();
        } catch (FetchFailedException e) {
            intake.reject(source, e.getMessage());
            return 0;
        }
        int status = response.statusCode();
        if (status == 304) {
            return 0;
        }
        if (status != 200) {
            intake.reject(source, "HTTP " + status);
            return 0;
        }
        List<RawArticle> articles;
        try {
            // Neither the Content-Type (feeds are often served as text/plain or text/html) nor the URL: the document
            // says what it is.
            articles = intake.parse(source, response.body(), StoryType.UNKNOWN);
        } catch (RejectedStoryException e) {
            remember(response, Set.of());
            return 0;
        }
        return publishNew(response, articles);
    }

    private int publishNew(HttpResponse<byte[]> response, List<RawArticle> articles) throws InterruptedException {
        List<RawArticle> fresh = articles.stream().filter(article -> {
            boolean seen = previousItems.contains(itemKey(article));
            if (seen) {
                intake.duplicate(article);
            }
            return !seen;
        }).toList();
        try {
            intake.publishAll(fresh).get();
        } catch (ExecutionException e) {
            // The validators stay as they were, so the next poll fetches the whole feed and tries again.
            log.error("stories of {} did not reach the brokers; the next poll tries again", feed, e.getCause());
            return 0;
        }
        remember(response, articles.stream().map(FeedPoller::itemKey).collect(Collectors.toSet()));
        return fresh.size();
    }

    private void remember(HttpResponse<byte[]> response, Set<String> items) {
        etag = response.headers().firstValue("ETag").orElse(null);
        lastModified = response.headers().firstValue("Last-Modified").orElse(null);
        previousItems = items;
    }

    /** A corrected item (same id, new content) is new. */
    private static String itemKey(RawArticle article) {
        return article.getId() + " " + article.getContentHash();
    }

    private HttpResponse<byte[]> fetch() throws FetchFailedException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(feed).timeout(responseTimeout).header("Accept", ACCEPT);
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        BoundedBody body = new BoundedBody(maxFeedBytes);
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request.build(), info -> body);
        try {
            return exchange.get(responseTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            body.abort(e);
            exchange.cancel(true);
            throw new FetchFailedException(timedOut());
        } catch (ExecutionException e) {
            throw new FetchFailedException(reason(e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause()));
        }
    }

    private String timedOut() {
        return "timed out: no complete response within " + responseTimeout.toMillis() + " ms";
    }

    private String reason(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        }
        if (cause instanceof HttpTimeoutException) {
            return timedOut();
        }
        if (cause instanceof BoundedBody.TooLargeException) {
            return "oversized: the feed is over the limit of " + maxFeedBytes + " bytes";
        }
        if (cause instanceof ConnectException) {
            return "cannot connect to " + feed.getAuthority();
        }
        return "fetch failed: " + cause;
    }
}
