package dev.tender.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialects;
import dev.tender.demand.RequestId;
import dev.tender.provider.ProviderId;
import dev.tender.server.node.LiveNode;
import dev.tender.server.node.Node;
import dev.tender.store.Store;
import io.javalin.Javalin;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document the server serves, held to the server: it names every route the server
 * registers and no other, and in a run through every operation, as every role and with every
 * refusal that can be provoked, each response has a status the document gives for that operation,
 * its media type, and a body that is an instance of the schema given there, checked by a validator
 * that is not ours. Every body the server accepted is an instance of the operation's request body
 * schema too, so those schemas are not stricter than the server.
 */
class OpenApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the validator believes the document lives; nothing is fetched from it. */
    private static final String BASE = "https://tender.invalid/openapi.json";

    private static final Path EVENT_LOG_SCHEMA = Path.of("..", "docs", "event-log.schema.json");

    /** Responses the document gives that no test can provoke: the node failing to store a command. */
    private static final Set<String> NOT_PROVOKED =
            Set.of("POST /v1/requests/{id}/cancel 503", "POST /v1/offers/{id}/response 503");

    /** Larger than the 64 KiB the server takes. */
    private static final String OVERSIZED = "{\"reason\": \"" + "x".repeat(70_000) + "\"}";

    private static final String TRAINING = """
            {"workload": "training", "accelerator": "H100", "units": 100, "start": "2026-06-02T00:00:00Z",
             "hours": 10, "flex": "P1D", "regions": ["us-east", "us-central"], "maxPrice": 7.5}""";

    private static final String PLAIN_TRAINING = """
            {"workload": "training", "accelerator": "H100", "units": 100, "start": "2026-06-02T00:00:00Z",
             "hours": 10, "flex": null, "regions": null, "maxPrice": null}""";

    private static final String TEXT = ApiDocs.document();

    /** The document read strictly: a key written twice, or anything after the object, fails the test class. */
    private static final JsonNode DOCUMENT = strictlyRead(TEXT);

    /** The document as the validator's one resource: a schema is named by a JSON pointer into it. */
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(BASE, TEXT))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .build()));

    private static final Schema EVENT_LOG = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(readString(EVENT_LOG_SCHEMA), InputFormat.JSON);

    private static JsonNode strictlyRead(String text) {
        try {
            return JsonMapper.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build()
                    .readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("openapi.json is not JSON: " + e.getMessage(), e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // -- the document itself

    @Test
    void theDocumentIsOpenApi310WithEveryReferenceResolvingInsideIt() {
        assertThat(DOCUMENT.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(DOCUMENT.path("info").path("title").asText()).isEqualTo("Tender");
        assertThat(DOCUMENT.path("info").path("description").asText())
                .contains(
                        "admin", "tenant:ID", "provider:ID", "tender token create", "Idempotency-Key", "problem+json");
        List<String> unresolved = new ArrayList<>();
        references(DOCUMENT, unresolved);
        assertThat(unresolved).isEmpty();
    }

    private static void references(JsonNode node, List<String> unresolved) {
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual()) {
            String target = ref.textValue();
            if (!target.startsWith("#/") || DOCUMENT.at(target.substring(1)).isMissingNode()) {
                unresolved.add(target);
            }
        }
        node.elements().forEachRemaining(child -> references(child, unresolved));
    }

    @Test
    void everySchemaOfTheDocumentIsAJsonSchemaByItsMetaSchema() {
        Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        List<String> invalid = new ArrayList<>();
        for (Map.Entry<String, JsonNode> schema :
                DOCUMENT.path("components").path("schemas").properties()) {
            List<Error> errors = meta.validate(schema.getValue().toString(), InputFormat.JSON);
            if (!errors.isEmpty()) {
                invalid.add(schema.getKey() + ": " + errors);
            }
        }
        assertThat(invalid).isEmpty();
    }

    @Test
    void everyExampleOfTheDocumentIsAnInstanceOfItsSchema() {
        List<String> checked = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        examples(DOCUMENT, "", checked, wrong);
        assertThat(checked).hasSizeGreaterThan(15);
        assertThat(wrong).isEmpty();
    }

    /** Checks the examples at and under {@code node}, which is at {@code pointer} in the document. */
    private static void examples(JsonNode node, String pointer, List<String> checked, List<String> wrong) {
        if (node.path("examples").isArray()) { // a schema's examples
            for (JsonNode example : node.path("examples")) {
                checked.add(pointer);
                List<Error> errors = schemaAt(pointer).validate(example.toString(), InputFormat.JSON);
                if (!errors.isEmpty()) {
                    wrong.add(pointer + " example " + example + ": " + errors);
                }
            }
        }
        if (node.has("example") && node.has("schema")) { // a media type's or a parameter's example
            checked.add(pointer);
            List<Error> errors =
                    schemaAt(pointer + "/schema").validate(node.get("example").toString(), InputFormat.JSON);
            if (!errors.isEmpty()) {
                wrong.add(pointer + " example: " + errors);
            }
        }
        for (Map.Entry<String, JsonNode> child : node.properties()) {
            examples(child.getValue(), pointer + "/" + Checked.escaped(child.getKey()), checked, wrong);
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            examples(node.get(i), pointer + "/" + i, checked, wrong);
        }
    }

    @Test
    void everyOperationHasAnIdAndItsPathParametersAndEveryV1OperationNeedsAToken() {
        Set<String> ids = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        operations().forEach((key, operation) -> {
            String id = operation.path("operationId").asText();
            if (id.isEmpty() || !ids.add(id)) {
                wrong.add(key + ": operationId " + id + " is missing or repeated");
            }
            String path = key.substring(key.indexOf(' ') + 1);
            Set<String> declared = new TreeSet<>();
            for (JsonNode parameter : operation.path("parameters")) {
                JsonNode resolved = resolve(parameter);
                if (resolved.path("in").asText().equals("path")) {
                    declared.add(resolved.path("name").asText());
                }
            }
            Set<String> named = new TreeSet<>();
            Matcher braces = Pattern.compile("\\{([^}]+)}").matcher(path);
            while (braces.find()) {
                named.add(braces.group(1));
            }
            if (!declared.equals(named)) {
                wrong.add(key + ": path parameters " + declared + " for " + named);
            }
            boolean open =
                    operation.has("security") && operation.get("security").isEmpty();
            if (open == path.startsWith("/v1/")) {
                wrong.add(key + (open ? " needs no token" : " asks for a token"));
            }
            if (path.startsWith("/v1/") && !operation.path("responses").has("401")) {
                wrong.add(key + " does not say it answers 401");
            }
        });
        assertThat(DOCUMENT.path("security").get(0).has("bearer")).isTrue();
        assertThat(DOCUMENT.at("/components/securitySchemes/bearer/scheme").asText())
                .isEqualTo("bearer");
        assertThat(wrong).isEmpty();
    }

    @Test
    void theDocumentNamesEveryRouteTheServerRegistersAndNoOther(@TempDir Path folder) {
        Set<String> registered = new TreeSet<>();
        try (RunningApi api = new RunningApi(folder)) {
            Api routes = new Api(
                    api.node,
                    api.store.commands(),
                    new Credentials(api.store.tokens(), api.clock),
                    api.clock,
                    api.metrics);
            for (Endpoint endpoint : routes.endpoints()) {
                registered.add(endpoint.method.name() + " " + endpoint.path);
            }
        }
        assertThat(registered).hasSizeGreaterThan(15);
        assertThat(operations().keySet()).containsExactlyInAnyOrderElementsOf(registered);
    }

    /** Every operation of the document, by "METHOD /path". */
    private static Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new TreeMap<>();
        for (Map.Entry<String, JsonNode> path : DOCUMENT.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                operations.put(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), method.getValue());
            }
        }
        return operations;
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : DOCUMENT.at(ref.asText().substring(1));
    }

    // -- the schemas check

    /** A request as the server wrote it in a run, closed with an award; each variant below breaks it once. */
    private static final String REQUEST = """
            {"id": "req-1", "tenant": "research", "state": "FULFILLED", "route": "ROFR_FIRST_LOOK",
             "agreements": ["azure-rofr"], "routeReason": "azure-rofr gives azure the first look",
             "submitted": "2026-06-01T09:00:00Z",
             "demand": {"workload": "training", "accelerator": "H100", "units": 100, "start": "2026-06-02T00:00:00Z",
                        "hours": 10, "flex": "P1D", "regions": [], "maxPrice": 7.5},
             "offers": [{"id": "req-1.o1", "kind": "ROFR", "state": "ACCEPTED", "units": 100,
                         "offered": "2026-06-01T09:00:00Z", "deadline": "2026-06-01T09:00:03Z",
                         "agreement": "azure-rofr", "matchPrice": null, "provider": "azure", "unitsQuoted": 100,
                         "unitPrice": 6.25, "site": "azure-east", "start": "2026-06-02T00:00:00Z", "reason": null}],
             "awards": [{"provider": "azure", "site": "azure-east", "units": 100, "unitPrice": 6.25,
                         "start": "2026-06-02T00:00:00Z", "end": "2026-06-02T10:00:00Z", "cost": 6250.00,
                         "offer": "req-1.o1"}],
             "totals": {"units": 100, "unitsAwarded": 100, "cost": 6250.00},
             "reason": "fulfilled by azure", "closed": "2026-06-01T09:00:00Z"}""";

    @Test
    void aResponseWithAFieldMissingOrOneTooManyOrAWrongValueFailsItsSchema() throws IOException {
        Schema request = schemaAt("/components/schemas/Request");
        assertThat(request.validate(REQUEST, InputFormat.JSON)).isEmpty();

        ObjectNode missing = (ObjectNode) JSON.readTree(REQUEST);
        missing.remove("closed");
        ObjectNode extra = (ObjectNode) JSON.readTree(REQUEST);
        extra.put("secret", 1);
        ObjectNode nestedExtra = (ObjectNode) JSON.readTree(REQUEST);
        ((ObjectNode) nestedExtra.path("offers").get(0)).put("bids", 3);
        ObjectNode nullNotAllowed = (ObjectNode) JSON.readTree(REQUEST);
        nullNotAllowed.putNull("submitted");
        ObjectNode notAState = (ObjectNode) JSON.readTree(REQUEST);
        notAState.put("state", "DONE");
        ObjectNode localTime = (ObjectNode) JSON.readTree(REQUEST);
        localTime.put("closed", "2026-06-01T09:00:00");
        for (ObjectNode broken : List.of(missing, extra, nestedExtra, nullNotAllowed, notAState, localTime)) {
            assertThat(request.validate(broken.toString(), InputFormat.JSON))
                    .as(broken.toString())
                    .isNotEmpty();
        }

        // A provider's view never carries the tenant's ceiling.
        Schema toProvider = schemaAt("/components/schemas/DemandToProvider");
        assertThat(toProvider.validate(JSON.readTree(REQUEST).path("demand").toString(), InputFormat.JSON))
                .isNotEmpty();
        Schema unauthorized = schemaAt("/components/responses/Unauthorized/content/application~1problem+json/schema");
        String problem = "{\"type\": \"about:blank\", \"title\": \"Unauthorized\", \"status\": %d, \"detail\": \"no\"}";
        assertThat(unauthorized.validate(problem.formatted(401), InputFormat.JSON))
                .isEmpty();
        assertThat(unauthorized.validate(problem.formatted(403), InputFormat.JSON))
                .isNotEmpty();
    }

    /** The schema at {@code pointer} in the document, its references resolved in the document. */
    private static Schema schemaAt(String pointer) {
        String fragment = pointer.replace("{", "%7B").replace("}", "%7D");
        return REGISTRY.getSchema(SchemaLocation.of(BASE + "#" + fragment));
    }

    // -- a run through every operation

    /** A client that checks every response against the document and records which responses it saw. */
    private static final class Checked {

        private final HttpClient client = HttpClient.newHttpClient();
        private final List<String> wrong = new ArrayList<>();
        private final Set<String> seen = new TreeSet<>();
        private int port;
        private Map<String, String> tokens = Map.of();

        void server(int serverPort, Map<String, String> serverTokens) {
            this.port = serverPort;
            this.tokens = serverTokens;
        }

        JsonNode get(String who, String path, int expected) {
            return call(who, "GET", path, null, expected);
        }

        JsonNode post(String who, String path, @Nullable String body, int expected) {
            return call(who, "POST", path, body, expected);
        }

        /**
         * Calls {@code path} as {@code who} (a token's name, or "nobody"); {@code header} is a name
         * and a value to send too. Returns the JSON body, or a missing node when there is none.
         */
        JsonNode call(String who, String method, String path, @Nullable String body, int expected, String... header) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            if (!who.equals("nobody")) {
                String token = tokens.get(who);
                if (token == null) {
                    throw new IllegalArgumentException("no token for " + who);
                }
                request.header("Authorization", "Bearer " + token);
            }
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (header.length == 2) {
                request.setHeader(header[0], header[1]);
            }
            HttpResponse<String> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException("the server did not answer " + method + " " + path + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            return check(method, path, body, expected, response);
        }

        private JsonNode check(
                String method, String path, @Nullable String body, int expected, HttpResponse<String> response) {
            String template = template(method, path);
            String call = "sent " + method + " " + path;
            int status = response.statusCode();
            if (status != expected) {
                wrong.add(call + ": " + status + " instead of " + expected + ": " + abbreviated(response.body()));
            }
            String operation = "/paths/" + escaped(template) + "/" + method.toLowerCase(Locale.ROOT);
            String key = method + " " + template + " " + status;
            seen.add(key);
            JsonNode declared = DOCUMENT.at(JsonPointer.compile(operation + "/responses/" + status));
            if (declared.isMissingNode()) {
                wrong.add(key + " is not in the document (" + call + "): " + abbreviated(response.body()));
                return JSON.missingNode();
            }
            String responsePointer = declared.has("$ref")
                    ? declared.get("$ref").asText().substring(1)
                    : operation + "/responses/" + status;
            String type = response.headers()
                    .firstValue("Content-Type")
                    .map(value -> (value.contains(";") ? value.substring(0, value.indexOf(';')) : value).trim())
                    .orElse("");
            String schemaPointer = responsePointer + "/content/" + escaped(type) + "/schema";
            if (DOCUMENT.at(schemaPointer).isMissingNode()) {
                wrong.add(key + ": the document has no " + type + " for it (" + call + ")");
                return JSON.missingNode();
            }
            for (Map.Entry<String, JsonNode> header :
                    DOCUMENT.at(responsePointer + "/headers").properties()) {
                Optional<String> sent = response.headers().firstValue(header.getKey());
                JsonNode value = header.getValue().at("/schema/const");
                if (sent.isEmpty() || (!value.isMissingNode() && !value.asText().equals(sent.get()))) {
                    wrong.add(key + ": header " + header.getKey() + " is " + sent.orElse("missing"));
                }
            }
            if (status < 300 && body != null && !body.isBlank()) {
                String bodyPointer = operation + "/requestBody/content/application~1json/schema";
                if (DOCUMENT.at(bodyPointer).isMissingNode()) {
                    wrong.add(key + ": the server took a body the document does not describe");
                } else {
                    report(key + " request body", schemaAt(bodyPointer).validate(body, InputFormat.JSON));
                }
            }
            if (type.equals("application/x-ndjson")) {
                Schema line = schemaAt(schemaPointer);
                response.body().lines().forEach(text -> {
                    report(key + " line", line.validate(text, InputFormat.JSON));
                    report(key + " line, by the event log's schema", EVENT_LOG.validate(text, InputFormat.JSON));
                });
                return JSON.missingNode();
            }
            if (!type.endsWith("json")) {
                return JSON.missingNode();
            }
            report(key, schemaAt(schemaPointer).validate(response.body(), InputFormat.JSON));
            JsonNode json;
            try {
                json = JSON.readTree(response.body());
            } catch (IOException e) {
                wrong.add(key + ": not JSON: " + e.getMessage());
                return JSON.missingNode();
            }
            if (template.endsWith("/events") && json.isArray()) {
                json.forEach(event -> report(
                        key + " event, by the event log's schema",
                        EVENT_LOG.validate(event.toString(), InputFormat.JSON)));
            }
            return json;
        }

        private void report(String what, List<Error> errors) {
            if (!errors.isEmpty()) {
                wrong.add(what + ": " + errors);
            }
        }

        /** The document's path that {@code path} (with its query) is an instance of. */
        private String template(String method, String path) {
            String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            String[] parts = bare.split("/", -1);
            for (Iterator<String> templates = DOCUMENT.path("paths").fieldNames(); templates.hasNext(); ) {
                String template = templates.next();
                String[] pattern = template.split("/", -1);
                if (pattern.length != parts.length
                        || !DOCUMENT.path("paths").path(template).has(method.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                boolean matches = true;
                for (int i = 0; i < parts.length && matches; i++) {
                    matches = pattern[i].startsWith("{") || pattern[i].equals(parts[i]);
                }
                if (matches) {
                    return template;
                }
            }
            return bare;
        }

        private static String escaped(String token) {
            return token.replace("~", "~0").replace("/", "~1");
        }

        private static String abbreviated(String text) {
            return text.length() > 300 ? text.substring(0, 300) + "..." : text;
        }
    }

    @Test
    void everyResponseOfARunThroughEveryOperationIsAnInstanceOfItsSchema(@TempDir Path folder) {
        Checked http = new Checked();
        try (RunningApi api = new RunningApi(folder.resolve("live"), "azure", "oracle")) {
            http.server(api.server.port(), api.tokens);
            theDocumentationNeedsNoToken(http);
            requests(http);
            offersAndAnswers(http, api);
            theLog(http);
            clauses(http, api);
            capacity(http);
            lapsesAndTheOverview(http, api);
            malformedAnywhere(http);
        }
        withoutAWorld(http, folder.resolve("bare"));

        assertThat(http.wrong).isEmpty();
        Set<String> documented = new TreeSet<>();
        operations().forEach((key, operation) -> operation
                .path("responses")
                .fieldNames()
                .forEachRemaining(status -> documented.add(key + " " + status)));
        Set<String> notSeen = new TreeSet<>(documented);
        notSeen.removeAll(http.seen);
        assertThat(notSeen).as("responses documented but never given").isEqualTo(NOT_PROVOKED);
    }

    /**
     * A query that does not decode (here: not UTF-8) is refused on every route of {@code /v1} (400), and a body in
     * another charset than UTF-8 on every route that takes one (415), before the route looks at it.
     */
    private static void malformedAnywhere(Checked http) {
        operations().forEach((key, operation) -> {
            String method = key.substring(0, key.indexOf(' '));
            String path = key.substring(key.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x");
            if (!path.startsWith("/v1")) {
                return;
            }
            http.call("admin", method, path + "?q=%ff", null, 400);
            if (operation.has("requestBody")) {
                http.call("admin", method, path, "{}", 415, "Content-Type", "application/json; charset=iso-8859-1");
            }
        });
    }

    private static void theDocumentationNeedsNoToken(Checked http) {
        JsonNode health = http.get("nobody", "/health", 200);
        assertThat(health.path("world").asText()).isEqualTo("live-world");
        http.get("nobody", "/metrics", 200);
        http.get("nobody", "/openapi.json", 200);
        http.get("nobody", "/docs", 200);
        http.get("nobody", "/docs/swagger-ui.css", 200);
        http.get("nobody", "/docs/swagger-ui-bundle.js", 200);
        assertThat(http.get("azure", "/v1/me", 200).path("id").asText()).isEqualTo("azure");
        assertThat(http.get("admin", "/v1/me", 200).path("id").isNull()).isTrue();
        http.get("research", "/v1/me", 200);
        http.get("nobody", "/v1/me", 401);
    }

    private static void requests(Checked http) {
        JsonNode created = http.call("research", "POST", "/v1/requests", TRAINING, 201, "Idempotency-Key", "k-1");
        assertThat(created.path("id").asText()).isEqualTo("req-1");
        http.call("research", "POST", "/v1/requests", TRAINING, 200, "Idempotency-Key", "k-1");
        http.call(
                "research",
                "POST",
                "/v1/requests",
                TRAINING.replace("\"units\": 100", "\"units\": 101"),
                409,
                "Idempotency-Key",
                "k-1");
        http.call("research", "POST", "/v1/requests", TRAINING, 422, "Idempotency-Key", "two words");
        http.post("research", "/v1/requests", "{\"workload\": ", 400);
        http.post("research", "/v1/requests", "[]", 400);
        http.post("nobody", "/v1/requests", TRAINING, 401);
        http.post("admin", "/v1/requests", TRAINING, 403);
        http.post("azure", "/v1/requests", TRAINING, 403);
        http.post("research", "/v1/requests", OVERSIZED, 413);
        JsonNode invalid = http.post(
                "research",
                "/v1/requests",
                "{\"workload\": \"mining\", \"units\": 0, \"start\": \"2020-01-01T00:00:00Z\", \"hours\": 1,"
                        + " \"regions\": [\"a\", \"a\"], \"color\": \"blue\"}",
                422);
        assertThat(invalid.path("errors").size()).isGreaterThan(3);
        // The product tenant's api work is exclusive to Azure.
        http.post("product", "/v1/requests", """
                {"workload": "api", "accelerator": "H100", "units": 5, "start": "2026-06-02T00:00:00Z", "hours": 1}""", 201);

        http.get("admin", "/v1/requests", 200);
        JsonNode page = http.get("admin", "/v1/requests?state=open&limit=1", 200);
        assertThat(page.path("next").asText()).isEqualTo("req-1");
        http.get("admin", "/v1/requests?cursor=req-1&limit=1", 200);
        http.get("research", "/v1/requests?state=OPEN", 200);
        http.get("nobody", "/v1/requests", 401);
        http.get("azure", "/v1/requests", 403);
        http.get("admin", "/v1/requests?state=done", 422);
        http.get("admin", "/v1/requests?limit=501", 422);
        http.get("admin", "/v1/requests?cursor=..", 422);

        for (String read : List.of("", "/events", "/explain")) {
            http.get("research", "/v1/requests/req-1" + read, 200);
            http.get("admin", "/v1/requests/req-1" + read, 200);
            http.get("product", "/v1/requests/req-1" + read, 404);
            http.get("admin", "/v1/requests/req-99" + read, 404);
            http.get("azure", "/v1/requests/req-1" + read, 403);
            http.get("nobody", "/v1/requests/req-1" + read, 401);
        }
    }

    private static void offersAndAnswers(Checked http, RunningApi api) {
        assertThat(http.get("azure", "/v1/offers?state=open", 200).path("offers"))
                .hasSize(2);
        http.get("oracle", "/v1/offers", 200);
        http.get("research", "/v1/offers", 403);
        http.get("nobody", "/v1/offers", 401);
        http.get("azure", "/v1/offers?state=closed", 422);

        String answer = "/v1/offers/req-1.o1/response";
        String accept = "{\"outcome\": \"ACCEPTED\", \"unitPrice\": 6.25, \"site\": \"azure-east\"}";
        assertThat(http.get("azure", "/v1/offers/req-1.o1", 200).path("answer").isNull())
                .isTrue();
        http.get("oracle", "/v1/offers/req-1.o1", 404);
        http.get("azure", "/v1/offers/req-99.o1", 404);
        http.get("research", "/v1/offers/req-1.o1", 403);
        http.get("nobody", "/v1/offers/req-1.o1", 401);
        http.post("oracle", answer, accept, 404);
        http.post("research", answer, accept, 403);
        http.post("nobody", answer, accept, 401);
        http.post("azure", answer, "{\"outcome\": ", 400);
        http.post("azure", answer, "{\"outcome\": \"DECLINED\", \"unitPrice\": 6, \"note\": 1}", 422);
        http.post("azure", answer, OVERSIZED, 413);
        http.post("azure", answer, accept, 200);
        http.post("azure", answer, accept, 409);
        assertThat(http.get("research", "/v1/requests/req-1", 200).path("state").asText())
                .isEqualTo("FULFILLED");

        // The product's exclusive offer: a site Azure does not have is refused, then Azure declines.
        http.post("azure", "/v1/offers/req-2.o1/response", """
                {"outcome": "ACCEPTED", "unitPrice": 6, "site": "oracle-abilene"}""", 422);
        http.post("azure", "/v1/offers/req-2.o1/response", "{\"outcome\": \"DECLINED\", \"reason\": \"full\"}", 200);
        JsonNode answered = http.get("azure", "/v1/offers?state=Answered", 200).path("offers");
        assertThat(answered)
                .extracting(offer -> offer.path("id").asText() + " "
                        + offer.at("/answer/outcome").asText())
                .containsExactly("req-2.o1 DECLINED", "req-1.o1 ACCEPTED");
        assertThat(http.get("azure", "/v1/offers/req-1.o1", 200)
                        .at("/answer/site")
                        .asText())
                .isEqualTo("azure-east");

        // Azure takes part of its first look; the rest goes to the market, where Oracle declines.
        http.post("research", "/v1/requests", PLAIN_TRAINING, 201);
        http.post("azure", "/v1/offers/req-3.o1/response", """
                {"outcome": "PARTIAL", "units": 40, "unitPrice": 6, "site": "azure-east", "start": null}""", 200);
        LiveNode.eventually(
                () -> !api.node.requests().openOffers(new ProviderId("oracle")).isEmpty());
        JsonNode rfq = http.get("oracle", "/v1/offers", 200).path("offers");
        assertThat(rfq).hasSize(1);
        http.post(
                "oracle",
                "/v1/offers/" + rfq.get(0).path("id").asText() + "/response",
                "{\"outcome\": \"DECLINED\"}",
                200);
        LiveNode.eventually(() ->
                !api.node.requests().find(new RequestId("req-3")).orElseThrow().isOpen());
        http.get("research", "/v1/requests/req-3", 200);

        // A cancel closes what is open.
        http.post("research", "/v1/requests", PLAIN_TRAINING, 201);
        http.post("admin", "/v1/requests/req-4/cancel", null, 403);
        http.post("product", "/v1/requests/req-4/cancel", null, 404);
        http.post("nobody", "/v1/requests/req-4/cancel", null, 401);
        JsonNode cancelled = http.post("research", "/v1/requests/req-4/cancel", null, 200);
        assertThat(cancelled.path("state").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("offers").get(0).path("state").asText()).isEqualTo("CLOSED");
        http.post("research", "/v1/requests/req-4/cancel", null, 409);
    }

    private static void theLog(Checked http) {
        http.get("admin", "/v1/events", 200);
        http.get("admin", "/v1/events?after=3&limit=2", 200);
        http.get("research", "/v1/events", 403);
        http.get("nobody", "/v1/events", 401);
        http.get("admin", "/v1/events?after=-1", 422);
        http.get("admin", "/v1/events?limit=10001", 422);
    }

    private static void clauses(Checked http, RunningApi api) {
        Instant now = api.clock.instant();
        http.get("admin", "/v1/agreements", 200);
        http.get("research", "/v1/agreements", 403);
        http.get("nobody", "/v1/agreements", 401);

        String commitment = """
                {"id": "cw-commit", "kind": "commitment", "provider": "coreweave", "amount": 1000000,
                 "preference": 0.2, "scope": {"workloads": ["training"]}, "from": "%s"}""".formatted(now.plusSeconds(1));
        http.post("admin", "/v1/agreements", commitment, 201);
        http.post("admin", "/v1/agreements", "{\"id\": ", 400);
        http.post(
                "admin",
                "/v1/agreements",
                "{\"id\": \"x\", \"kind\": \"exclusive\", \"provider\": \"nobody\", \"from\": \"2027-01-01\"}",
                422);
        http.post("admin", "/v1/agreements", "{\"id\": \"x\", \"colour\": \"red\"}", 422);
        http.post("admin", "/v1/agreements", OVERSIZED, 413);
        http.post("research", "/v1/agreements", commitment, 403);
        http.post("nobody", "/v1/agreements", commitment, 401);

        http.post("admin", "/v1/agreements/cw-commit/end", "{\"at\": \"2020-01-01T00:00:00Z\"}", 422);
        http.post("admin", "/v1/agreements/cw-commit/end", "{\"at\": ", 400);
        http.post("admin", "/v1/agreements/cw-commit/end", OVERSIZED, 413);
        http.post("research", "/v1/agreements/cw-commit/end", null, 403);
        http.post("nobody", "/v1/agreements/cw-commit/end", null, 401);
        http.post("admin", "/v1/agreements/no-such/end", null, 404);
        http.post("admin", "/v1/agreements/azure-rofr/end", "{\"at\": \"%s\"}".formatted(now.plusMillis(500)), 200);
        api.clock.advance(Duration.ofSeconds(1));
        http.post("admin", "/v1/agreements/azure-rofr/end", null, 409);

        // Azure's right again, as a match: the market quotes first, then Azure is asked to match.
        http.post("admin", "/v1/agreements", """
                {"id": "azure-match", "kind": "rofr", "holder": "azure", "mode": "match", "window": "PT3S",
                 "partial": false, "from": "%s"}""".formatted(now.plusSeconds(2)), 201);
        api.clock.advance(Duration.ofSeconds(1));
        JsonNode all = http.get("admin", "/v1/agreements", 200).path("agreements");
        assertThat(all).extracting(a -> a.path("kind").asText()).contains("exclusive", "rofr", "commitment");
        http.post("research", "/v1/requests", PLAIN_TRAINING, 201);
        LiveNode.eventually(
                () -> !api.node.requests().openOffers(new ProviderId("oracle")).isEmpty());
        JsonNode rfq = http.get("oracle", "/v1/offers", 200).path("offers");
        http.post(
                "oracle",
                "/v1/offers/" + rfq.get(0).path("id").asText() + "/response",
                "{\"outcome\": \"DECLINED\"}",
                200);
        LiveNode.eventually(
                () -> !api.node.requests().openOffers(new ProviderId("azure")).isEmpty());
        JsonNode match = http.get("azure", "/v1/offers", 200).path("offers").get(0);
        assertThat(match.path("kind").asText()).isEqualTo("MATCH");
        assertThat(match.path("matchPrice").isNumber()).isTrue();
        http.get("research", "/v1/requests/" + match.path("request").asText(), 200);
    }

    private static void capacity(Checked http) {
        String announcement = """
                {"site": "oracle-abilene", "accelerator": "H100", "megawatts": 0.7, "from": "2026-06-01T09:00:00Z"}""";
        http.post("oracle", "/v1/providers/oracle/capacity", announcement, 201);
        http.post("admin", "/v1/providers/oracle/capacity", """
                {"site": "oracle-abilene", "accelerator": "H100", "units": 5, "megawatts": null,
                 "from": "2026-07-01T00:00:00Z"}""", 201);
        http.post("oracle", "/v1/providers/coreweave/capacity", announcement, 403);
        http.post("research", "/v1/providers/oracle/capacity", announcement, 403);
        http.post("nobody", "/v1/providers/oracle/capacity", announcement, 401);
        http.post("admin", "/v1/providers/nosuch/capacity", announcement, 404);
        http.post("oracle", "/v1/providers/oracle/capacity", "{\"site\": ", 400);
        http.post("oracle", "/v1/providers/oracle/capacity", "{}", 422);
        http.post("oracle", "/v1/providers/oracle/capacity", """
                {"site": "azure-east", "accelerator": "H100", "units": 5, "from": "2026-07-01T00:00:00Z"}""", 422);
        http.post("oracle", "/v1/providers/oracle/capacity", OVERSIZED, 413);

        http.get("admin", "/v1/capacity", 200);
        http.get("oracle", "/v1/capacity?at=2026-06-02T01:00:00Z", 200);
        http.get("research", "/v1/capacity", 403);
        http.get("nobody", "/v1/capacity", 401);
        http.get("admin", "/v1/capacity?at=tomorrow", 422);
    }

    /**
     * Azure lets the MATCH offer of {@link #clauses} lapse, and reads its answer; then the overview, with the
     * commitment {@link #clauses} added and the requests of the run.
     */
    private static void lapsesAndTheOverview(Checked http, RunningApi api) {
        api.clock.advance(Duration.ofSeconds(4));
        LiveNode.eventually(
                () -> api.node.requests().openOffers(new ProviderId("azure")).isEmpty());
        JsonNode lapsed = http.get("azure", "/v1/offers?state=answered", 200)
                .path("offers")
                .get(0);
        assertThat(lapsed.at("/answer/outcome").asText()).isEqualTo("LAPSED");
        http.get("azure", "/v1/offers/" + lapsed.path("id").asText(), 200);

        JsonNode overview = http.get("admin", "/v1/overview", 200);
        assertThat(overview.path("commitments"))
                .extracting(commitment -> commitment.path("agreement").asText())
                .containsExactly("cw-commit");
        http.get("research", "/v1/overview", 200);
        http.get("azure", "/v1/overview", 403);
        http.get("nobody", "/v1/overview", 401);
    }

    /** A node with no world yet refuses what needs one with 503; a node whose writer stopped is down. */
    private static void withoutAWorld(Checked http, Path folder) {
        Store store = Store.open(Store.defaultUrl(folder));
        NodeMetrics metrics = new NodeMetrics();
        Node node = Node.start(store.commands(), Clock.systemUTC(), metrics);
        Credentials credentials = new Credentials(store.tokens(), Clock.systemUTC());
        Javalin server = null;
        try {
            Map<String, String> tokens = Map.of(
                    "admin", credentials.issue(new Caller.Admin()),
                    "research",
                            credentials.issue(Caller.ofRole("tenant:research").orElseThrow()));
            server = new Api(node, store.commands(), credentials, Clock.systemUTC(), metrics)
                    .server()
                    .start("127.0.0.1", 0);
            http.server(server.port(), tokens);
            assertThat(http.get("nobody", "/health", 200).path("world").isNull())
                    .isTrue();
            http.post("research", "/v1/requests", TRAINING, 503);
            http.get("admin", "/v1/agreements", 503);
            http.post("admin", "/v1/agreements", "{}", 503);
            http.post("admin", "/v1/agreements/azure-rofr/end", null, 503);
            http.post("admin", "/v1/providers/oracle/capacity", "{}", 503);
            http.get("admin", "/v1/capacity", 503);
            http.get("research", "/v1/overview", 503);
            node.close();
            assertThat(http.get("nobody", "/health", 503).path("status").asText())
                    .isEqualTo("DOWN");
        } finally {
            if (server != null) {
                server.stop();
            }
            node.close();
            store.close();
        }
    }
}
