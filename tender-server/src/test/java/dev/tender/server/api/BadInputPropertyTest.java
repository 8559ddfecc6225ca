package dev.tender.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tender.ids.Ids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.StringArbitrary;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;

/**
 * Bad input at every endpoint that takes any: bodies with one field of the wrong type, missing,
 * unknown, out of range or unparseable; junk bytes; bodies over the limit; malformed path and
 * query parameters. Every generated input is certainly invalid, so every answer must be a 4xx
 * {@code application/problem+json} whose {@code status} is the HTTP status, with a detail, the
 * field named when the status is 422, no stack trace, and nothing written to the command log.
 *
 * <p>One node serves every try: research has one open request, and azure (answering by hand) one
 * open offer on it, which stay open because the test clock never moves; the world keeps its two
 * clauses and its capacity. Nothing a try sends may change any of it.
 */
class BadInputPropertyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A valid submission, each of whose fields the mutations spoil. */
    private static final String SUBMISSION = """
            {"workload": "training", "accelerator": "H100", "units": 10, "start": "2026-06-02T00:00:00Z",
             "hours": 10, "flex": "P1D", "regions": ["us-east", "us-central"], "maxPrice": 7.5}""";

    private static final String ACCEPT = """
            {"outcome": "ACCEPTED", "units": 10, "unitPrice": 6.25, "site": "azure-east",
             "start": "2026-06-02T00:00:00Z", "reason": "ours"}""";
    private static final String PARTIAL = """
            {"outcome": "PARTIAL", "units": 4, "unitPrice": 6.25, "site": "azure-east",
             "start": "2026-06-02T00:00:00Z", "reason": "some"}""";
    private static final String DECLINE = """
            {"outcome": "DECLINED", "reason": "full"}""";

    private static final String CLAUSE = """
            {"id": "cw-commit", "kind": "commitment", "provider": "coreweave", "amount": 1000000,
             "preference": 0.2, "from": "2026-06-02T00:00:00Z", "until": "2027-06-01T00:00:00Z",
             "scope": {"workloads": ["training"]}}""";
    private static final String END = """
            {"at": "2026-07-01T00:00:00Z"}""";
    private static final String UNITS = """
            {"site": "azure-east", "accelerator": "H100", "units": 5, "from": "2027-01-01T00:00:00Z"}""";
    private static final String MEGAWATTS = """
            {"site": "azure-east", "accelerator": "H100", "megawatts": 0.7, "from": "2027-01-01T00:00:00Z"}""";

    /** The ids the test world and the one request give names to; a malformed id is none of them. */
    private static final Set<String> KNOWN =
            Set.of("azure-rofr", "azure-api", "azure", "oracle", "coreweave", "req-1", "req-1.o1");

    /** Every field some endpoint takes: an unknown field is none of them. */
    private static final Set<String> FIELDS = Set.of(
            "workload",
            "accelerator",
            "units",
            "start",
            "hours",
            "flex",
            "regions",
            "maxPrice",
            "outcome",
            "unitPrice",
            "site",
            "reason",
            "id",
            "kind",
            "provider",
            "holder",
            "mode",
            "window",
            "partial",
            "amount",
            "preference",
            "scope",
            "from",
            "until",
            "at",
            "megawatts");

    private static final Set<String> STATES =
            Set.of("OPEN", "FULFILLED", "PARTIAL", "UNFULFILLED", "REJECTED", "CANCELLED");

    private static @Nullable Path folder;
    private static @Nullable RunningApi running;
    private static String offer = "";

    @BeforeContainer
    static void start() throws IOException {
        folder = Files.createTempDirectory("bad-input");
        RunningApi api = new RunningApi(folder, "azure", "oracle");
        running = api;
        HttpResponse<String> created = api.post("research", "/v1/requests", SUBMISSION);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String request = JSON.readTree(created.body()).get("id").textValue();
        offer = request + ".o1";
        assertThat(KNOWN).contains(request, offer);
    }

    @AfterContainer
    static void stop() throws IOException {
        if (running != null) {
            running.close();
        }
        if (folder != null) {
            deleteTree(folder);
        }
    }

    private static RunningApi api() {
        return Objects.requireNonNull(running, "the node is started before the properties");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** An endpoint that takes a JSON body: who calls it, where ({offer} is the open offer), and a body it takes. */
    enum Endpoint {
        SUBMIT("POST", "/v1/requests", "research", SUBMISSION),
        RESPOND("POST", "/v1/offers/{offer}/response", "azure", DECLINE),
        ADD_AGREEMENT("POST", "/v1/agreements", "admin", CLAUSE),
        END_AGREEMENT("POST", "/v1/agreements/azure-rofr/end", "admin", END),
        ANNOUNCE_CAPACITY("POST", "/v1/providers/azure/capacity", "azure", UNITS);

        final String method;
        final String path;
        final String who;
        final String valid;

        Endpoint(String method, String path, String who, String valid) {
            this.method = method;
            this.path = path;
            this.who = who;
            this.valid = valid;
        }

        Call call(byte[] body, int chunk) {
            return new Call(method, path.replace("{offer}", offer), who, body, chunk);
        }
    }

    // -- the properties

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void aSubmissionWithOneFieldWrongIsRefusedNamingTheField(@ForAll("badSubmissions") Mutation bad) {
        refusedNamingTheField(Endpoint.SUBMIT, bad);
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void anAnswerWithOneFieldWrongIsRefusedNamingTheField(@ForAll("badAnswers") Mutation bad) {
        refusedNamingTheField(Endpoint.RESPOND, bad);
    }

    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void aClauseWithOneFieldWrongIsRefusedNamingTheField(@ForAll("badClauses") Mutation bad) {
        refusedNamingTheField(Endpoint.ADD_AGREEMENT, bad);
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void anEndOfAClauseWithOneFieldWrongIsRefusedNamingTheField(@ForAll("badEnds") Mutation bad) {
        refusedNamingTheField(Endpoint.END_AGREEMENT, bad);
    }

    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void anAnnouncementWithOneFieldWrongIsRefusedNamingTheField(@ForAll("badAnnouncements") Mutation bad) {
        refusedNamingTheField(Endpoint.ANNOUNCE_CAPACITY, bad);
    }

    private static void refusedNamingTheField(Endpoint endpoint, Mutation bad) {
        Statistics.label("mutation").collect(bad.kind());
        Statistics.label("field").collect(bad.kind().equals("unknown field") ? "(unknown)" : bad.field());
        RawHttp.Answer answer = refused(endpoint.call(bad.bytes(), 0));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
        assertNamesField(answer, bad.field());
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void junkBodiesAreRefused(@ForAll("junk") Junk junk, @ForAll Endpoint endpoint) {
        byte[] body = junk.bytes(endpoint.valid);
        // Ending a clause takes no body at all, or {}: any other junk it must refuse.
        Assume.that(endpoint != Endpoint.END_AGREEMENT
                || !(new String(body, StandardCharsets.UTF_8).isBlank() || isJsonObject(body)));
        Statistics.label("junk").collect(junk.kind());
        RawHttp.Answer answer = refused(endpoint.call(body, 0));
        assertThat(answer.status()).as(answer.toString()).isIn(400, 413, 422);
    }

    @Property(tries = 40, edgeCases = EdgeCasesMode.NONE)
    void bodiesOverTheLimitAreRefusedWith413(
            @ForAll("oversized") int size, @ForAll boolean chunked, @ForAll Endpoint endpoint) {
        RawHttp.Answer answer = refused(endpoint.call(padded(endpoint.valid, size), chunked ? 8192 : 0));
        assertThat(answer.status()).isEqualTo(413);
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void malformedPathParametersAreRefused(@ForAll("idRoutes") IdRoute route, @ForAll("badSegments") String segment) {
        Statistics.label("route").collect(route.name());
        String target = route.path().replace("{id}", segment);
        refused(new Call(route.method(), target, route.who(), route.body().getBytes(StandardCharsets.UTF_8), 0));
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void malformedQueryParametersAreRefused(@ForAll("badQueries") Query query) {
        Statistics.label("parameter").collect(query.route() + " " + query.parameter());
        RawHttp.Answer answer = refused(new Call("GET", query.target(), query.who(), new byte[0], 0));
        if (answer.status() == 422) {
            assertNamesField(answer, query.parameter());
        }
    }

    // -- examples at the edges

    @Example
    void aBodyOneByteOverTheLimitIsRefusedWith413AsProblemJson() {
        int over = Math.toIntExact(Api.MAX_BODY) + 1;
        for (int chunk : new int[] {0, 1000}) {
            RawHttp.Answer answer = refused(Endpoint.SUBMIT.call(padded(SUBMISSION, over), chunk));
            assertThat(answer.status()).isEqualTo(413);
            assertThat(json(answer).get("detail").textValue()).contains(String.valueOf(Api.MAX_BODY));
        }
    }

    @Example
    void anUnknownRouteIsA404Problem() {
        for (String[] call : new String[][] {
            {"GET", "/v1/nothing", "research"},
            {"POST", "/v1/requests/req-1/nothing", "research"},
            {"GET", "/v1/offers/" + offer + "/answer", "azure"},
            {"GET", "/v1/agreements/azure-rofr", "admin"},
            {"GET", "/nothing", ""},
        }) {
            RawHttp.Answer answer = refused(new Call(call[0], call[1], call[2], new byte[0], 0));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
        }
    }

    @Example
    void aWrongMethodIsA405Problem() {
        for (String[] call : new String[][] {
            {"DELETE", "/v1/requests/req-1", "research"},
            {"PUT", "/v1/requests", "research"},
            {"GET", "/v1/requests/req-1/cancel", "research"},
            {"PATCH", "/v1/offers/" + offer + "/response", "azure"},
            {"DELETE", "/v1/offers/" + offer, "azure"},
            {"POST", "/v1/events", "admin"},
            {"DELETE", "/v1/agreements", "admin"},
            {"GET", "/v1/providers/azure/capacity", "azure"},
        }) {
            RawHttp.Answer answer = refused(new Call(call[0], call[1], call[2], new byte[0], 0));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(405);
        }
    }

    /** HTTP itself malformed: what Jetty refuses before any route is a problem too, and a 4xx. */
    @Example
    void malformedHttpIsRefusedAsAProblem() {
        String auth = "Authorization: Bearer " + token(api(), "research") + "\r\n";
        String post = "POST /v1/requests HTTP/1.1\r\nHost: x\r\n" + auth;
        List<String> requests = List.of(
                "GET /v1/requests HTTP/1.1\r\nHost: x\r\n" + auth + "X-Big: " + "a".repeat(20_000) + "\r\n\r\n",
                post + "Content-Length: abc\r\n\r\n{}",
                post + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                post + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
                post + "Content-Length: 100\r\n\r\n{\"units\": 1",
                post + "Content-Type: application/json; charset=nonsense\r\nContent-Length: 2\r\n\r\n{}",
                post + "Content-Type: application/json; charset=iso-8859-1\r\nContent-Length: 2\r\n\r\n{}",
                "GET /v1/requests HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n",
                "GET /v1/requests HTTP/1.1\r\n" + auth + "\r\n",
                "GET /v1/requests HTTP/9.9\r\nHost: x\r\n" + auth + "\r\n",
                "GET * HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n",
                "GET http://elsewhere/v1/requests HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n",
                "GET /v1/requests?" + "a=b&".repeat(3_000) + " HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n");
        for (String request : requests) {
            refused(
                    RawHttp.abbreviated(request),
                    request.length(),
                    http -> http.exchange(request.getBytes(StandardCharsets.ISO_8859_1)));
        }
    }

    /**
     * The bodies the mutations start from are taken, so a refusal is for the one field changed: on
     * a node of its own, since this one writes. Among them the decline sent with every malformed
     * offer id and the announcement sent with every malformed provider id, and a submission of
     * exactly {@link Api#MAX_BODY} bytes.
     */
    @Example
    void theBodiesTheMutationsStartFromAreTaken() throws IOException {
        Path own = Files.createTempDirectory("bad-input-bases");
        try (RunningApi api = new RunningApi(own, "azure", "oracle")) {
            RawHttp http = new RawHttp(api.server.port());
            List<String> answers = List.of(ACCEPT, PARTIAL, DECLINE, DECLINE);
            for (int i = 0; i < answers.size(); i++) {
                byte[] submission = i == answers.size() - 1
                        ? padded(SUBMISSION, Math.toIntExact(Api.MAX_BODY))
                        : SUBMISSION.getBytes(StandardCharsets.UTF_8);
                RawHttp.Answer created = taken(http, api, "research", "/v1/requests", submission, 201);
                String id = JSON.readTree(created.text()).get("id").textValue();
                taken(http, api, "azure", "/v1/offers/" + id + ".o1/response", utf8(answers.get(i)), 200);
            }
            taken(http, api, "admin", "/v1/agreements", utf8(CLAUSE), 201);
            taken(http, api, "admin", "/v1/agreements/azure-rofr/end", utf8(END), 200);
            taken(http, api, "azure", "/v1/providers/azure/capacity", utf8(UNITS), 201);
            taken(http, api, "admin", "/v1/providers/azure/capacity", utf8(MEGAWATTS), 201);
        } finally {
            deleteTree(own);
        }
    }

    private static RawHttp.Answer taken(
            RawHttp http, RunningApi api, String who, String path, byte[] body, int status) {
        RawHttp.Answer answer = http.send("POST", path, token(api, who), body, 0);
        assertThat(answer.status()).as(who + " POST " + path + " -> " + answer).isEqualTo(status);
        return answer;
    }

    // -- what every refusal must be

    /** A request as sent: who calls ("" for nobody), the method, the target as is, the body, in chunks or not. */
    static final class Call {
        private final String method;
        private final String target;
        private final String who;
        private final byte[] body;
        private final int chunk;

        Call(String method, String target, String who, byte[] body, int chunk) {
            this.method = method;
            this.target = target;
            this.who = who;
            this.body = body.clone();
            this.chunk = chunk;
        }

        @Override
        public String toString() {
            return (who.isEmpty() ? "nobody" : who) + ": " + method + " " + RawHttp.abbreviated(target) + " "
                    + RawHttp.abbreviated(new String(body, StandardCharsets.UTF_8));
        }
    }

    /** Sends the call and checks the answer is a problem that refuses it, and the log did not grow. */
    private static RawHttp.Answer refused(Call call) {
        String token = call.who.isEmpty() ? "" : token(api(), call.who);
        return refused(
                call.toString(),
                call.body.length,
                http -> http.send(call.method, call.target, token, call.body, call.chunk));
    }

    private static RawHttp.Answer refused(String sent, int length, Function<RawHttp, RawHttp.Answer> exchange) {
        RunningApi api = api();
        long before = api.store.commands().lastCommandSeq();
        RawHttp.Answer answer = exchange.apply(new RawHttp(api.server.port()));
        String what = sent + " -> " + answer;
        assertThat(answer.status()).as(what).isBetween(400, 499);
        assertThat(answer.header("Content-Type")).as(what).hasValue(Api.PROBLEM_JSON);
        JsonNode problem = json(answer);
        assertThat(problem.path("status").isInt()).as(what).isTrue();
        assertThat(problem.get("status").intValue()).as(what).isEqualTo(answer.status());
        assertThat(problem.path("detail").isTextual()).as(what).isTrue();
        assertThat(problem.get("detail").textValue()).as(what).isNotBlank();
        assertThat(answer.text())
                .as(what)
                .doesNotContain("Exception", "\tat ", "at dev.", "at java.", "at io.javalin", "at org.eclipse");
        assertThat(answer.text().length())
                .as("a refusal is not much longer than what it refuses: " + what)
                .isLessThanOrEqualTo(8 * length + 16_384);
        assertThat(api.store.commands().lastCommandSeq())
                .as("the command log after " + what)
                .isEqualTo(before);
        return answer;
    }

    /** A 422 lists its problems, each naming a field; one names {@code field}, or a part of it. */
    private static void assertNamesField(RawHttp.Answer answer, String field) {
        JsonNode errors = json(answer).path("errors");
        assertThat(errors.isArray()).as(answer.toString()).isTrue();
        List<String> fields = new ArrayList<>();
        for (JsonNode error : errors) {
            assertThat(error.path("field").isTextual()).as(answer.toString()).isTrue();
            assertThat(error.path("problem").textValue()).as(answer.toString()).isNotBlank();
            fields.add(error.get("field").textValue());
        }
        assertThat(fields).as(answer.toString()).anySatisfy(named -> assertThat(
                        named.equals(field) || named.startsWith(field + "[") || named.startsWith(field + "."))
                .isTrue());
    }

    private static JsonNode json(RawHttp.Answer answer) {
        try {
            return JSON.readTree(answer.text());
        } catch (JsonProcessingException e) {
            throw new AssertionError("the body is not JSON: " + answer, e);
        }
    }

    private static String token(RunningApi api, String who) {
        return Objects.requireNonNull(api.tokens.get(who), who);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The text with spaces after its opening brace, to {@code size} bytes. */
    private static byte[] padded(String text, int size) {
        byte[] core = utf8(text);
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        body[0] = core[0];
        System.arraycopy(core, 1, body, size - (core.length - 1), core.length - 1);
        return body;
    }

    // -- bodies with one field wrong

    /** A body that differs from a valid one in {@code field} alone, which a 422 must name. */
    record Mutation(String kind, String field, String json) {

        byte[] bytes() {
            return utf8(json);
        }

        @Override
        public String toString() {
            return kind + " " + field + ": " + RawHttp.abbreviated(json);
        }
    }

    /** A field of a body, the values it must refuse, and whether it may be left out. */
    private record Field(String name, boolean required, Arbitrary<JsonNode> refused) {}

    @Provide
    Arbitrary<Mutation> badSubmissions() {
        List<Field> fields = List.of(
                new Field("workload", true, Arbitraries.oneOf(notText(), notIds(), text("inference", "Training"))),
                new Field("accelerator", true, Arbitraries.oneOf(notText(), notIds(), text("A100", "h100"))),
                new Field("units", true, Arbitraries.oneOf(notWhole(), wholeOutside(1, 10_000_000))),
                new Field(
                        "start",
                        true,
                        Arbitraries.oneOf(
                                notText(),
                                badInstants(),
                                // In the past, beyond the horizon, and at the ends of what an Instant holds.
                                text(
                                        "2020-01-01T00:00:00Z",
                                        "2026-06-01T08:59:59Z",
                                        "2029-01-01T00:00:00Z",
                                        "+1000000000-12-31T23:59:59Z",
                                        "-1000000000-01-01T00:00:00Z"))),
                new Field("hours", true, Arbitraries.oneOf(notWhole(), wholeOutside(1, 87_600))),
                new Field("flex", false, Arbitraries.oneOf(notText(), badDurations())),
                new Field("regions", false, badRegions()),
                new Field("maxPrice", false, badDollars()));
        return mutations(SUBMISSION, fields);
    }

    @Provide
    Arbitrary<Mutation> badAnswers() {
        Arbitrary<JsonNode> outcome = Arbitraries.oneOf(
                notText(),
                text("accepted", "Accepted", "DECLINE", "REJECTED", "", "ACCEPTED ", "PARTIAL,ACCEPTED"),
                strings()
                        .filter(s -> !Set.of("ACCEPTED", "PARTIAL", "DECLINED").contains(s))
                        .map(NODES::textNode));
        Field reason = new Field("reason", false, notText());
        // Not an id, or a site azure has no H100 pool at.
        Arbitrary<JsonNode> site =
                Arbitraries.oneOf(notText(), notIds(), text("nowhere", "oracle-abilene", "cw-plano", "Azure-East"));
        // An answer may start anywhere in the horizon the node plans for (the engine refuses what
        // is outside the request's window, and logs it); outside the horizon, the API refuses it.
        Arbitrary<JsonNode> start = Arbitraries.frequencyOf(List.of(
                Tuple.of(1, notText()),
                Tuple.of(1, badInstants()),
                Tuple.of(
                        2,
                        text(
                                "+1000000000-12-31T23:59:59Z",
                                "-1000000000-01-01T00:00:00Z",
                                "1970-01-01T00:00:00Z",
                                "2100-01-01T00:00:00Z"))));
        List<Field> accept = List.of(
                new Field("outcome", true, outcome),
                // An ACCEPTED answer takes all ten units offered, or says nothing of units.
                new Field(
                        "units",
                        false,
                        Arbitraries.oneOf(
                                notWhole(),
                                Arbitraries.integers()
                                        .between(-20, 20)
                                        .filter(n -> n != 10)
                                        .map(n -> NODES.numberNode(n)))),
                new Field("unitPrice", true, badDollars()),
                new Field("site", true, site),
                new Field("start", false, start),
                reason);
        List<Field> partial = List.of(
                new Field("outcome", true, outcome),
                // A PARTIAL answer takes 1 to 9 of the ten units.
                new Field("units", true, Arbitraries.oneOf(notWhole(), wholeOutside(1, 9))),
                new Field("unitPrice", true, badDollars()),
                new Field("site", true, site),
                new Field("start", false, start),
                reason);
        Arbitrary<JsonNode> anything = jsonValues().filter(v -> !v.isNull());
        List<Field> decline = List.of(
                new Field("outcome", true, outcome),
                reason,
                // A decline has no terms.
                new Field("units", false, anything),
                new Field("unitPrice", false, anything),
                new Field("site", false, anything),
                new Field("start", false, anything));
        return Arbitraries.oneOf(mutations(ACCEPT, accept), mutations(PARTIAL, partial), mutations(DECLINE, decline));
    }

    /** A commitment, as a scenario file writes it (the scenario reader checks it, as it checks a file). */
    @Provide
    Arbitrary<Mutation> badClauses() {
        Arbitrary<JsonNode> notNumber = Arbitraries.of(
                NODES.textNode("1000000"),
                NODES.textNode(""),
                NODES.booleanNode(true),
                NODES.arrayNode(),
                NODES.arrayNode().add(1),
                NODES.objectNode());
        Arbitrary<JsonNode> anything = jsonValues().filter(v -> !v.isNull());
        List<Field> fields = List.of(
                new Field("id", true, Arbitraries.oneOf(notText(), text("", "a b", "-x", "azure-rofr", "azure-api"))),
                new Field("kind", true, Arbitraries.oneOf(notText(), text("nonsense", "", "Commitment", "commit"))),
                new Field("provider", true, Arbitraries.oneOf(notText(), text("nobody", "", "Azure", "req-1"))),
                new Field("amount", true, Arbitraries.oneOf(notNumber, numbers("-1", "0", "-0.5", "1e400", "-1e400"))),
                new Field("preference", false, Arbitraries.oneOf(notNumber, numbers("-0.5", "1.5", "1e400"))),
                new Field(
                        "from",
                        true,
                        Arbitraries.oneOf(
                                notText(),
                                badDates(),
                                // Before now: a clause added while live applies from now on.
                                text(
                                        "2020-01-01",
                                        "2026-06-01",
                                        "2026-06-01T08:59:59Z",
                                        "+1000000000-12-31T23:59:59Z"))),
                new Field(
                        "until",
                        false,
                        Arbitraries.oneOf(notText(), badDates(), text("2026-05-01", "2026-06-01T23:59:59Z"))),
                new Field(
                        "scope",
                        false,
                        Arbitraries.oneOf(Arbitraries.of(
                                NODES.textNode("training"),
                                NODES.numberNode(5),
                                NODES.arrayNode().add("training"),
                                NODES.objectNode().put("workloads", 5),
                                NODES.objectNode().put("workloads", "training"),
                                NODES.objectNode()
                                        .set("workloads", NODES.arrayNode().add("nope")),
                                NODES.objectNode()
                                        .set("accelerators", NODES.arrayNode().add("A100")),
                                NODES.objectNode().set("nope", NODES.arrayNode())))),
                // What other kinds of clause take has no place in a commitment.
                new Field("holder", false, anything),
                new Field("mode", false, anything),
                new Field("window", false, anything),
                new Field("partial", false, anything));
        return mutations(CLAUSE, fields);
    }

    @Provide
    Arbitrary<Mutation> badEnds() {
        // Not after now (the test clock stays at LiveNode.T0), or not an instant the file format reads.
        Arbitrary<JsonNode> at = Arbitraries.oneOf(
                notText(),
                badInstants(),
                text("2026-06-01T09:00:00Z", "2020-01-01T00:00:00Z", "+1000000000-12-31T23:59:59Z"));
        return mutations(END, List.of(new Field("at", false, at)));
    }

    @Provide
    Arbitrary<Mutation> badAnnouncements() {
        Arbitrary<JsonNode> site =
                Arbitraries.oneOf(notText(), notIds(), text("nowhere", "oracle-abilene", "cw-plano"));
        Arbitrary<JsonNode> accelerator = Arbitraries.oneOf(notText(), notIds(), text("A100", "h100"));
        // Beyond the horizon the node plans for, the announcement can never count.
        Arbitrary<JsonNode> from = Arbitraries.oneOf(
                notText(), badInstants(), text("2029-01-01T00:00:00Z", "+1000000000-12-31T23:59:59Z"));
        List<Field> inUnits = List.of(
                new Field("site", true, site),
                new Field("accelerator", true, accelerator),
                new Field("units", true, Arbitraries.oneOf(notWhole(), wholeOutside(1, 10_000_000))),
                new Field("from", true, from));
        // Megawatts too few for one unit, or not an amount; left out, the problem is "units".
        List<Field> inMegawatts = List.of(
                new Field("site", true, site),
                new Field("accelerator", true, accelerator),
                new Field("megawatts", false, Arbitraries.oneOf(badDollars(), numbers("0.000001", "0.001"))),
                new Field("from", true, from));
        return Arbitraries.oneOf(mutations(UNITS, inUnits), mutations(MEGAWATTS, inMegawatts));
    }

    private static Arbitrary<Mutation> mutations(String base, List<Field> fields) {
        ObjectNode valid = object(base);
        Arbitrary<Mutation> wrong = Arbitraries.of(fields).flatMap(field -> (field.required()
                        ? Arbitraries.oneOf(field.refused(), Arbitraries.just(NODES.nullNode()))
                        : field.refused())
                .map(value -> new Mutation("wrong value", field.name(), with(valid, field.name(), value))));
        List<Field> required = fields.stream().filter(Field::required).toList();
        Arbitrary<Mutation> missing = Arbitraries.of(required.isEmpty() ? fields : required)
                .map(field -> {
                    ObjectNode without = valid.deepCopy();
                    without.remove(field.name());
                    return new Mutation("missing", field.name(), without.toString());
                });
        Arbitrary<String> unknownNames = Arbitraries.oneOf(
                        Arbitraries.of(
                                "Units",
                                "max_price",
                                "maxprice",
                                "unitprice",
                                " units",
                                "units ",
                                "tenant",
                                "state",
                                "",
                                "__proto__",
                                "constructor",
                                "regions[0]",
                                "$ref",
                                "megawatt",
                                "end",
                                "to"),
                        strings())
                .filter(name -> !FIELDS.contains(name));
        Arbitrary<Mutation> unknown = Combinators.combine(unknownNames, jsonValues())
                .as((name, value) -> new Mutation("unknown field", name, with(valid, name, value)));
        return required.isEmpty()
                ? Arbitraries.frequencyOf(List.of(Tuple.of(6, wrong), Tuple.of(2, unknown)))
                : Arbitraries.frequencyOf(List.of(Tuple.of(6, wrong), Tuple.of(2, missing), Tuple.of(2, unknown)));
    }

    private static ObjectNode object(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String with(ObjectNode valid, String field, JsonNode value) {
        ObjectNode changed = valid.deepCopy();
        changed.set(field, value);
        return changed.toString();
    }

    // -- values a field refuses

    private static Arbitrary<JsonNode> numbers(String... values) {
        return Arbitraries.of(values).map(text -> NODES.numberNode(new BigDecimal(text)));
    }

    private static Arbitrary<JsonNode> text(String... values) {
        return Arbitraries.of(values).map(NODES::textNode);
    }

    /** Anything but a string, and not null (which is "absent"). */
    private static Arbitrary<JsonNode> notText() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        NODES.numberNode(0),
                        NODES.numberNode(-1),
                        NODES.numberNode(new BigDecimal("1.5")),
                        NODES.numberNode(new BigDecimal("1e400")),
                        NODES.booleanNode(true),
                        NODES.booleanNode(false),
                        NODES.arrayNode(),
                        NODES.arrayNode().add("training"),
                        NODES.objectNode(),
                        NODES.objectNode().put("value", "training")),
                Arbitraries.integers().map(n -> NODES.numberNode(n)));
    }

    /** Anything but a whole number. */
    private static Arbitrary<JsonNode> notWhole() {
        return Arbitraries.of(
                NODES.textNode("10"),
                NODES.textNode(""),
                NODES.textNode("ten"),
                NODES.numberNode(new BigDecimal("1.5")),
                NODES.numberNode(new BigDecimal("10.0")),
                NODES.numberNode(new BigDecimal("1e2")),
                NODES.numberNode(new BigDecimal("1e400")),
                NODES.numberNode(new BigDecimal("-1e-400")),
                NODES.booleanNode(true),
                NODES.arrayNode(),
                NODES.arrayNode().add(10),
                NODES.objectNode(),
                NODES.objectNode().put("units", 10));
    }

    /** Whole numbers outside {@code [min, max]}, up to and beyond what a long holds. */
    private static Arbitrary<JsonNode> wholeOutside(int min, int max) {
        BigInteger two63 = BigInteger.TWO.pow(63);
        return Arbitraries.oneOf(
                        Arbitraries.of(
                                        BigInteger.valueOf(min - 1L),
                                        BigInteger.valueOf(max + 1L),
                                        BigInteger.ZERO.max(BigInteger.valueOf(min - 1L)),
                                        BigInteger.valueOf(-1),
                                        BigInteger.valueOf(Integer.MAX_VALUE),
                                        BigInteger.valueOf(Integer.MAX_VALUE).add(BigInteger.ONE),
                                        BigInteger.valueOf(Integer.MIN_VALUE),
                                        BigInteger.valueOf(Long.MAX_VALUE),
                                        BigInteger.valueOf(Long.MIN_VALUE),
                                        two63,
                                        two63.negate().subtract(BigInteger.ONE),
                                        BigInteger.TEN.pow(400))
                                .filter(n -> n.compareTo(BigInteger.valueOf(min)) < 0
                                        || n.compareTo(BigInteger.valueOf(max)) > 0),
                        Arbitraries.longs().filter(n -> n < min || n > max).map(BigInteger::valueOf))
                .map(n -> NODES.numberNode(n));
    }

    /** Amounts of dollars that are not more than 0 and at most 1,000,000 with at most six decimals. */
    private static Arbitrary<JsonNode> badDollars() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                                "0",
                                "-1",
                                "-0.000001",
                                "0.0000001",
                                "6.2500001",
                                "1000000.000001",
                                "1000001",
                                "1e7",
                                "1e400",
                                "-1e400",
                                "1e-400",
                                "9223372036854775808",
                                "1e9999999",
                                "1e-9999999")
                        .map(text -> NODES.numberNode(new BigDecimal(text))),
                Arbitraries.of(
                        NODES.textNode("6.25"),
                        NODES.textNode("$6.25"),
                        NODES.booleanNode(true),
                        NODES.arrayNode().add(6.25),
                        NODES.objectNode().put("amount", 6.25)));
    }

    /** Strings that are not ids (letters, digits and {@code ._:/@+-}, a letter or digit first, 1-128 long). */
    private static Arbitrary<JsonNode> notIds() {
        return Arbitraries.oneOf(
                        Arbitraries.of(
                                "",
                                " training",
                                "train ing",
                                "-training",
                                ".",
                                "..",
                                "../etc/passwd",
                                "azure-east\n",
                                "h100\u0000",
                                "énorme",
                                "x".repeat(129)),
                        strings())
                .filter(s -> !Ids.isValid(s))
                .map(NODES::textNode);
    }

    /** Strings {@link Instant#parse} refuses. */
    private static Arbitrary<JsonNode> badInstants() {
        return Arbitraries.oneOf(
                        Arbitraries.of(
                                "2026-13-01",
                                "2026-13-01T00:00:00Z",
                                "2026-02-30T00:00:00Z",
                                "2026-06-02T24:00:01Z",
                                "2026-06-02",
                                "2026-06-02T00:00:00",
                                "2026-06-02 00:00:00Z",
                                "yesterday",
                                "now",
                                "",
                                "1780000000",
                                "P1D"),
                        strings())
                .filter(s -> !isInstant(s))
                .map(NODES::textNode);
    }

    /** Strings a scenario file does not read as a date or an instant. */
    private static Arbitrary<JsonNode> badDates() {
        return badInstants().filter(text -> !isDate(text.textValue()));
    }

    private static boolean isDate(String text) {
        try {
            var unused = LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Durations that do not parse, or parse but are negative or over 366 days. */
    private static Arbitrary<JsonNode> badDurations() {
        return Arbitraries.oneOf(
                        Arbitraries.of(
                                "P-1D",
                                "PT-1S",
                                "-P1D",
                                "",
                                "yesterday",
                                "1 day",
                                "P1Y",
                                "P1M",
                                "P1DT",
                                "P367D",
                                "PT8785H",
                                "PT2562047788015215H",
                                "PT9223372036854775807S",
                                "P106751991167300D",
                                "-PT9223372036854775808S"),
                        strings())
                .filter(BadInputPropertyTest::badFlex)
                .map(NODES::textNode);
    }

    private static boolean badFlex(String text) {
        try {
            Duration flex = Duration.parse(text);
            return flex.isNegative() || flex.compareTo(Duration.ofDays(366)) > 0;
        } catch (DateTimeParseException e) {
            return true;
        }
    }

    private static Arbitrary<JsonNode> badRegions() {
        ArrayNode tooMany = NODES.arrayNode();
        for (int i = 0; i <= 64; i++) {
            tooMany.add("r" + i);
        }
        return Arbitraries.oneOf(
                Arbitraries.of(
                        NODES.textNode("us-east"),
                        NODES.numberNode(1),
                        NODES.booleanNode(true),
                        NODES.objectNode().put("region", "us-east"),
                        NODES.arrayNode().add(1),
                        NODES.arrayNode().add(""),
                        NODES.arrayNode().add("us-east").add("us-east"),
                        NODES.arrayNode().addNull(),
                        NODES.arrayNode().add(NODES.arrayNode().add("us-east")),
                        NODES.arrayNode().add(NODES.objectNode()),
                        NODES.arrayNode().add(new BigDecimal("1e99999")),
                        tooMany),
                notIds().map(id -> NODES.arrayNode().add("us-east").add(id)));
    }

    private static boolean isInstant(String text) {
        try {
            var unused = Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Short strings of printable ASCII, Latin, Greek, Cyrillic, CJK and control characters. */
    private static StringArbitrary strings() {
        return Arbitraries.strings()
                .withCharRange('\u0000', '\u007f')
                .withCharRange('\u00a0', '\u04ff')
                .withCharRange('\u4e00', '\u4e40')
                .ofMaxLength(24);
    }

    /** Any JSON value: scalars, and lists and objects of them. */
    private static Arbitrary<JsonNode> jsonValues() {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.longs().map(n -> NODES.numberNode(n)),
                Arbitraries.bigIntegers()
                        .between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                        .map(n -> NODES.numberNode(n)),
                Arbitraries.of("1e400", "-0.5", "3.14159", "1e-7").map(t -> NODES.numberNode(new BigDecimal(t))),
                strings().map(NODES::textNode));
        Arbitrary<JsonNode> lists = scalars.list().ofMaxSize(4).map(items -> {
            ArrayNode list = NODES.arrayNode();
            items.forEach(list::add);
            return list;
        });
        Arbitrary<JsonNode> objects = Combinators.combine(strings(), scalars).as((name, value) -> {
            ObjectNode object = NODES.objectNode();
            object.set(name, value);
            return (JsonNode) object;
        });
        return Arbitraries.oneOf(scalars, lists, objects);
    }

    // -- junk

    /** Bytes that are not a JSON object, or an object of the wrong shape; some made from a valid body. */
    record Junk(String kind, String detail, Function<String, byte[]> make) {

        byte[] bytes(String valid) {
            return make.apply(valid);
        }

        @Override
        public String toString() {
            return kind + ": " + detail;
        }
    }

    @Provide
    Arbitrary<Junk> junk() {
        Arbitrary<Junk> random = Arbitraries.bytes()
                .array(byte[].class)
                .ofMaxSize(2048)
                .filter(bytes -> !isJsonObject(bytes))
                .map(bytes -> new Junk("random bytes", hex(bytes), valid -> bytes));
        Arbitrary<Junk> notUtf8 = Combinators.combine(
                        Arbitraries.of(
                                new byte[] {(byte) 0xff},
                                new byte[] {(byte) 0xfe, (byte) 0xff},
                                new byte[] {(byte) 0x80},
                                new byte[] {(byte) 0xc0, (byte) 0xaf},
                                new byte[] {(byte) 0xe2, (byte) 0x82},
                                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                                new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                                new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}),
                        // Where: a fraction of the way in, or (when negative) inside the last string, whose
                        // text the API may not check (a decline's reason).
                        Arbitraries.oneOf(Arbitraries.doubles().between(0, 1), Arbitraries.just(-1.0)))
                .as((bad, where) -> new Junk("not UTF-8", hex(bad) + " at " + where, valid -> {
                    byte[] text = valid.getBytes(StandardCharsets.UTF_8);
                    int at = where < 0 ? valid.lastIndexOf('"') : (int) Math.round(where * text.length);
                    byte[] spliced = new byte[text.length + bad.length];
                    System.arraycopy(text, 0, spliced, 0, at);
                    System.arraycopy(bad, 0, spliced, at, bad.length);
                    System.arraycopy(text, at, spliced, at + bad.length, text.length - at);
                    return spliced;
                }));
        Arbitrary<Junk> truncated = Arbitraries.doubles()
                .between(0, 1)
                .map(where -> new Junk("truncated", "at " + where, valid -> {
                    int at = Math.min((int) Math.floor(where * valid.length()), valid.length() - 1);
                    return valid.substring(0, at).getBytes(StandardCharsets.UTF_8);
                }));
        Arbitrary<Junk> notAnObject = Arbitraries.of(
                        "null", "true", "0", "-1", "1e400", "\"text\"", "[]", "[{}]", " ", "\n", "[VALID]", "\"VALID\"")
                .map(text -> new Junk("not an object", text, valid -> text.replace("VALID", valid.replace("\"", "\\\""))
                        .getBytes(StandardCharsets.UTF_8)));
        Arbitrary<Junk> extra = Arbitraries.of(
                        "VALID}",
                        "VALID{}",
                        "VALID,",
                        "VALID x",
                        "VALID\u0000",
                        "VALID]",
                        "VALID//c",
                        "VALID/*c*/",
                        "xVALID",
                        ")]}'VALID",
                        "VALIDVALID",
                        "[VALID")
                .map(text -> new Junk("extra text", text, valid -> text.replace("VALID", valid)
                        .getBytes(StandardCharsets.UTF_8)));
        Arbitrary<Junk> notJson = Arbitraries.of(
                        "NaN",
                        "Infinity",
                        "-Infinity",
                        "'q'",
                        "0x10",
                        "010",
                        ".5",
                        "1.",
                        "+1",
                        "undefined",
                        "True",
                        "1e",
                        "--1",
                        "\"\\x41\"",
                        "\"\\u12\"",
                        "\"tab\there\"",
                        "[1,]",
                        "{\"a\" 1}",
                        "{a: 1}")
                .map(token -> new Junk("not JSON", token, valid -> (valid.substring(0, valid.lastIndexOf('}'))
                                + ", \"x\": " + token + "}")
                        .getBytes(StandardCharsets.UTF_8)));
        Arbitrary<Junk> duplicate = Arbitraries.of("1", "null", "\"x\"")
                .map(value -> new Junk("duplicate key", "the first once more, as " + value, valid -> valid.replaceFirst(
                                "^\\{\\s*(\"[^\"]+\")", "{$1: " + value + ", $1")
                        .getBytes(StandardCharsets.UTF_8)));
        Arbitrary<Junk> deep = Arbitraries.integers()
                .between(1001, 20_000)
                .flatMap(depth -> Arbitraries.of(
                        new Junk("nested deeper than 1000", depth + " lists", valid -> "["
                                .repeat(depth)
                                .concat("]".repeat(depth))
                                .getBytes(StandardCharsets.UTF_8)),
                        new Junk("nested deeper than 1000", depth + " objects", valid -> "{\"a\":"
                                .repeat(depth)
                                .concat("1")
                                .concat("}".repeat(depth))
                                .getBytes(StandardCharsets.UTF_8))));
        Arbitrary<Junk> longNumber = Arbitraries.integers()
                .between(1001, 20_000)
                .map(digits -> new Junk(
                        "over 1000 digits", digits + " digits", valid -> ("{\"units\": 1" + "0".repeat(digits) + "}")
                                .getBytes(StandardCharsets.UTF_8)));
        return Arbitraries.oneOf(random, notUtf8, truncated, notAnObject, extra, notJson, duplicate, deep, longNumber);
    }

    private static boolean isJsonObject(byte[] bytes) {
        try {
            return JSON.readTree(bytes).isObject();
        } catch (IOException e) {
            return false;
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 16); i++) {
            text.append(String.format(Locale.ROOT, "%02x", bytes[i] & 0xff));
        }
        return text + (bytes.length > 16 ? "... (" + bytes.length + " bytes)" : "");
    }

    @Provide
    Arbitrary<Integer> oversized() {
        int limit = Math.toIntExact(Api.MAX_BODY);
        return Arbitraries.oneOf(
                Arbitraries.of(limit + 1, limit + 2, 2 * limit, 1024 * 1024),
                Arbitraries.integers().between(limit + 1, 1024 * 1024));
    }

    // -- malformed path parameters

    /** A route with an id in its path, who calls it, and a body it would take: only the id is wrong. */
    record IdRoute(String name, String method, String path, String who, String body) {}

    @Provide
    Arbitrary<IdRoute> idRoutes() {
        return Arbitraries.of(
                new IdRoute("request", "GET", "/v1/requests/{id}", "research", ""),
                new IdRoute("request as admin", "GET", "/v1/requests/{id}", "admin", ""),
                new IdRoute("events", "GET", "/v1/requests/{id}/events", "research", ""),
                new IdRoute("explain", "GET", "/v1/requests/{id}/explain", "research", ""),
                new IdRoute("cancel", "POST", "/v1/requests/{id}/cancel", "research", ""),
                new IdRoute("offer", "GET", "/v1/offers/{id}", "azure", ""),
                new IdRoute("response", "POST", "/v1/offers/{id}/response", "azure", DECLINE),
                new IdRoute("end", "POST", "/v1/agreements/{id}/end", "admin", ""),
                new IdRoute("capacity", "POST", "/v1/providers/{id}/capacity", "admin", UNITS));
    }

    /** Path segments, as sent, that name nothing the node knows. */
    @Provide
    Arbitrary<String> badSegments() {
        Arbitrary<String> encoded = Arbitraries.strings()
                .withCharRange('\u0000', '\u007f')
                .withCharRange('\u00a0', '\u04ff')
                .withCharRange('\u4e00', '\u4e40')
                .withChars('/', '.', '%', '?', '#', ';', '\\')
                .ofMinLength(1)
                .ofMaxLength(40)
                .filter(decoded -> !KNOWN.contains(decoded))
                .map(BadInputPropertyTest::percentEncoded);
        Arbitrary<String> raw = Arbitraries.of(
                "%",
                "%z",
                "%zz",
                "%g0",
                "%%",
                "%ff",
                "%80",
                "%c0%af",
                "%ed%a0%80",
                "%f8%88%80%80%80",
                "%00",
                "%2F",
                "%2f..%2f",
                "..",
                ".",
                "%2e",
                "%2e%2e",
                ".%2e",
                "..;",
                "a\\b",
                "\u00e9",
                "\u4e2d",
                "\ud83d\ude00",
                "a b",
                "a\tb",
                "<script>",
                "{id}",
                "*",
                "~",
                "a;b",
                "null",
                "undefined",
                "0",
                "-1",
                "req-0",
                "req-999999999",
                "REQ-1",
                "req-1.o2",
                "Azure",
                "azure-rofr.o1",
                "aws",
                "azure-rofr-2");
        // Near misses of what the node knows (not a trailing "/": the router ignores it, so it names the same).
        Arbitrary<String> near = Combinators.combine(
                        Arbitraries.of(KNOWN),
                        Arbitraries.of(
                                "X",
                                "x",
                                ";x",
                                "%20",
                                "%00",
                                ".o2",
                                ".o0",
                                ".o01",
                                ".o",
                                ".o-1",
                                ".o99999999999",
                                ".o2147483648",
                                ".o1.o1",
                                "/..",
                                "%2F..",
                                ".",
                                "..",
                                "%2F",
                                "~"))
                .as((id, suffix) -> id + suffix);
        Arbitrary<String> longOnes = Arbitraries.integers()
                .between(129, 20_000)
                .flatMap(length -> Arbitraries.of("x", "%41", "\u00e9", "a.").map(unit -> unit.repeat(length)));
        return Arbitraries.oneOf(encoded, raw, near, longOnes).filter(segment -> !KNOWN.contains(segment));
    }

    /** Every byte of the UTF-8 but the unreserved characters of RFC 3986 as %XX: one segment, whatever it holds. */
    private static String percentEncoded(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }

    // -- malformed query parameters

    /** A GET whose one parameter is certainly wrong, the others right. */
    record Query(String route, String who, String parameter, String target) {

        @Override
        public String toString() {
            return who + ": GET " + RawHttp.abbreviated(target);
        }
    }

    @Provide
    Arbitrary<Query> badQueries() {
        Arbitrary<String> state =
                values(s -> !STATES.contains(s.toUpperCase(Locale.ROOT)), "ALL", "closed", "OPEN,FULFILLED", " open");
        Arbitrary<String> cursor = values(s -> !Ids.isValid(s), "", " req-1", "req 1", "x".repeat(129));
        Arbitrary<String> limit =
                values(s -> !whole(s, 1, 500), "0", "-1", "501", "1e2", "1.5", "ten", "0x10", "9999999999999999999");
        Arbitrary<String> offers = values(
                s -> !s.equalsIgnoreCase("open") && !s.equalsIgnoreCase("answered"),
                "closed",
                "OPEN,CLOSED",
                "all",
                " open",
                "open,answered",
                "answer");
        Arbitrary<String> after =
                values(s -> !whole(s, 0, Long.MAX_VALUE), "-1", "9223372036854775808", "1.0", "first", "0x0");
        Arbitrary<String> eventsLimit = values(s -> !whole(s, 1, 10_000), "0", "10001", "-5", "all");
        Arbitrary<String> at = values(
                s -> !isInstant(s), "now", "2026-13-01T00:00:00Z", "2026-06-01", "", "+1000000000-12-31T23:59:59Z");
        return Arbitraries.oneOf(
                query("requests", "research", "/v1/requests", "state", state, "limit=5"),
                query("requests", "research", "/v1/requests", "cursor", cursor, "state=open"),
                query("requests", "research", "/v1/requests", "limit", limit, "state=OPEN"),
                query("requests", "admin", "/v1/requests", "limit", limit, ""),
                query("offers", "azure", "/v1/offers", "state", offers, ""),
                query("events", "admin", "/v1/events", "after", after, "limit=10"),
                query("events", "admin", "/v1/events", "limit", eventsLimit, "after=0"),
                query("capacity", "admin", "/v1/capacity", "at", at, ""),
                query("capacity", "azure", "/v1/capacity", "at", at, ""));
    }

    private static Arbitrary<Query> query(
            String route, String who, String path, String parameter, Arbitrary<String> values, String others) {
        return Combinators.combine(values, Arbitraries.of(true, false)).as((value, first) -> {
            String bad = parameter + "=" + value;
            String query = others.isEmpty() ? bad : first ? bad + "&" + others : others + "&" + bad;
            return new Query(route, who, parameter, path + "?" + query);
        });
    }

    /**
     * Values as sent in a query: listed and random strings the rule refuses, %-encoded (so the
     * server reads them as they are), and malformed escapes, which no rule can take.
     */
    private static Arbitrary<String> values(Predicate<String> refused, String... listed) {
        Arbitrary<String> decoded = Arbitraries.oneOf(Arbitraries.of(listed), strings())
                .filter(refused)
                .map(BadInputPropertyTest::percentEncoded);
        Arbitrary<String> malformed =
                Arbitraries.of("%", "%z", "%zz", "%g1", "5%", "%ff", "%c0%af", "%ed%a0%80", "1%0");
        return Arbitraries.frequencyOf(List.of(Tuple.of(4, decoded), Tuple.of(1, malformed)));
    }

    private static boolean whole(String text, long min, long max) {
        try {
            long value = Long.parseLong(text);
            return value >= min && value <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
