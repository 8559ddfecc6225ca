package dev.tender.server.api;

import dev.tender.server.node.LiveNode;
import dev.tender.server.node.Node;
import dev.tender.server.node.SettableClock;
import dev.tender.store.Store;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A node with the test world behind a real HTTP server on a free port, and a client that speaks to it. */
final class RunningApi implements AutoCloseable {

    final SettableClock clock = new SettableClock(LiveNode.T0);
    final Store store;
    final NodeMetrics metrics = new NodeMetrics();
    final Node node;
    final Javalin server;
    final Map<String, String> tokens;
    private final HttpClient client = HttpClient.newHttpClient();

    RunningApi(Path folder, String... manual) {
        store = Store.open(Store.defaultUrl(folder));
        node = LiveNode.loaded(store, clock, metrics, manual);
        Credentials credentials = new Credentials(store.tokens(), clock);
        tokens = Map.of(
                "admin", credentials.issue(new Caller.Admin()),
                "research", credentials.issue(Caller.ofRole("tenant:research").orElseThrow()),
                "product", credentials.issue(Caller.ofRole("tenant:product").orElseThrow()),
                "azure", credentials.issue(Caller.ofRole("provider:azure").orElseThrow()),
                "oracle", credentials.issue(Caller.ofRole("provider:oracle").orElseThrow()));
        server = new Api(node, store.commands(), credentials, clock, metrics)
                .server()
                .start("127.0.0.1", 0);
    }

    /** {@code who} is a key of {@link #tokens}, "nobody" for no header, or "forged" for a token never issued. */
    HttpResponse<String> call(String who, String method, String path, @Nullable String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (who.equals("forged")) {
            request.header("Authorization", "Bearer tdr_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        } else if (!who.equals("nobody")) {
            request.header("Authorization", "Bearer " + tokens.get(who));
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the server did not answer " + method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    HttpResponse<String> get(String who, String path) {
        return call(who, "GET", path, null);
    }

    HttpResponse<String> post(String who, String path, String body) {
        return call(who, "POST", path, body);
    }

    @Override
    public void close() {
        server.stop();
        node.close();
        store.close();
    }
}
