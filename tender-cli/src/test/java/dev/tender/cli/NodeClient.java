package dev.tender.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * HTTP to a node on this machine, shared by every thread of a test. The node behind the port may
 * die and come back between two calls, so every call may fail with an {@link IOException}
 * (refused, reset, timed out); the caller decides whether to try again.
 */
final class NodeClient {

    /** Longer than the node's own 30 s wait for its writer, after which it answers 503. */
    private static final Duration TIMEOUT = Duration.ofSeconds(40);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final int port;

    NodeClient(int port) {
        this.port = port;
    }

    HttpResponse<String> get(String token, String path) throws IOException, InterruptedException {
        return http.send(request(token, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of a JSON body, with {@code headers} as name, value, name, value... */
    HttpResponse<String> post(String token, String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(token, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String token, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token);
    }
}
