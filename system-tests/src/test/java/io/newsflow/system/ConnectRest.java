package io.newsflow.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the fault suite asks of a Connect cluster, through a worker's REST API as an operator would. */
final class ConnectRest {

    record Task(String state, String workerId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<URI> workers;

    /** @param workers the REST URLs of the workers; each call tries them in turn, so one may be down */
    ConnectRest(List<URI> workers) {
        this.workers = workers;
    }

    void putConnector(String name, Map<String, String> config) throws IOException, InterruptedException {
        send("PUT", "/connectors/" + name + "/config", JSON.writeValueAsString(config));
    }

    List<Task> tasks(String connector) throws IOException, InterruptedException {
        JsonNode status = JSON.readTree(send("GET", "/connectors/" + connector + "/status", null));
        List<Task> tasks = new ArrayList<>();
        for (JsonNode task : status.path("tasks")) {
            tasks.add(new Task(task.path("state").asText(), task.path("worker_id").asText()));
        }
        return tasks;
    }

    private String send(String method, String path, String body) throws IOException, InterruptedException {
        IOException last = null;
        for (URI worker : workers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(worker.resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json");
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    return response.body();
                }
                last = new IOException(method + " " + path + " on " + worker + ": HTTP " + response.statusCode() + " "
                        + response.body());
            } catch (IOException unreachable) {
                last = unreachable;
            }
        }
        throw last;
    }
}
