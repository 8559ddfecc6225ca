package dev.tender.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tender.event.ResponseOutcome;
import dev.tender.event.TenderEvent;
import dev.tender.eventlog.EventLines;
import dev.tender.scenario.ScenarioReader;
import dev.tender.sim.InvariantChecker;
import dev.tender.world.World;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Scanner;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The load of a live test on {@code tender serve}: clients that submit requests with idempotency
 * keys and retry until they hear them accepted, Oracle (manual) answering its offers through the API,
 * and the checks of what the log holds afterwards. Shared by the crash-safety tests (one node,
 * killed and started again) and the cluster test (three nodes on one PostgreSQL).
 */
final class LiveLoad {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Which node the {@code attempt}-th try of request {@code index} goes to. */
    @FunctionalInterface
    interface Route {
        NodeClient client(int index, int attempt);
    }

    final Map<String, LongAdder> seen = new ConcurrentSkipListMap<>();
    final Map<Integer, String> ids = new ConcurrentHashMap<>();
    final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger next = new AtomicInteger();
    private final int paceMillis;
    volatile boolean stopping;
    volatile boolean abandoned;
    private @Nullable Throwable firstFailure;

    /** {@code paceMillis}: the longest pause of a client between two requests (0: none). */
    LiveLoad(int paceMillis) {
        this.paceMillis = paceMillis;
    }

    /** The bearer tokens of the run, made before the node first starts. */
    record Tokens(String admin, String research, String product, String oracle) {

        /** Tokens in the store {@code store} (the options of {@code tender token create}). */
        static Tokens create(List<String> store) {
            return new Tokens(
                    token("admin", store),
                    token("tenant:research", store),
                    token("tenant:product", store),
                    token("provider:oracle", store));
        }

        String of(String tenant) {
            return tenant.equals("research") ? research : product;
        }
    }

    /** One request of the run: who submits it, with which idempotency key, and its body. */
    record Planned(String tenant, String key, String body) {}

    /**
     * The demand: three training requests (Azure's first look, then the market: CoreWeave and
     * Oracle) to one api request (Azure's alone), of 5 to 60 units for 4 to 48 hours, starting
     * within 30 days from tomorrow: enough to overlap, so that some find a pool full, while most are
     * fulfilled; a quarter with a ceiling of 5.25, below Azure's and Oracle's prices, and a quarter
     * with none.
     */
    static List<Planned> plan(long seed, Instant now, int count, String keys) {
        Random random = new Random(seed);
        Instant tomorrow = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1));
        List<Planned> plan = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ObjectNode body = JSON.createObjectNode()
                    .put("workload", random.nextInt(4) == 0 ? "api" : "training")
                    .put("accelerator", "H100")
                    .put("units", 5 + random.nextInt(56))
                    .put(
                            "start",
                            tomorrow.plus(Duration.ofHours(random.nextInt(30 * 24)))
                                    .toString())
                    .put("hours", 4 + random.nextInt(45))
                    .put("flex", List.of("PT0S", "PT12H", "P1D").get(random.nextInt(3)));
            int ceiling = random.nextInt(4);
            if (ceiling < 3) {
                body.put("maxPrice", new BigDecimal(ceiling == 0 ? "5.25" : "7.50"));
            }
            plan.add(new Planned(random.nextBoolean() ? "research" : "product", keys + i, body.toString()));
        }
        return plan;
    }

    /** A client: takes the next request number until all are taken, and submits it until it is accepted. */
    private void submitAll(Route route, List<Planned> plan, Tokens tokens, Random pace) throws Exception {
        for (int i = next.getAndIncrement(); i < plan.size(); i = next.getAndIncrement()) {
            ids.put(i, submit(route, i, plan.get(i), tokens.of(plan.get(i).tenant())));
            accepted.incrementAndGet();
            if (paceMillis > 0) {
                Thread.sleep(pace.nextInt(paceMillis));
            }
        }
    }

    /**
     * Posts the request with its idempotency key until the node says it holds it: 201, or 200 when
     * an earlier try was stored though its answer was lost with the process. Tries again after a
     * connection error (refused, reset, timed out) or a 503.
     */
    private String submit(Route route, int index, Planned request, String token) throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        for (int attempt = 0; !abandoned; attempt++) {
            try {
                HttpResponse<String> response = route.client(index, attempt)
                        .post(token, "/v1/requests", request.body(), "Idempotency-Key", request.key());
                int status = response.statusCode();
                if (status == 201) {
                    saw("submit 201");
                    return JSON.readTree(response.body()).get("id").textValue();
                }
                if (status == 200) {
                    saw("submit 200 (idempotent replay)");
                    assertThat(response.headers().firstValue("Idempotent-Replayed"))
                            .as(request.key())
                            .hasValue("true");
                    return JSON.readTree(response.body()).get("id").textValue();
                }
                if (status != 503) {
                    throw new AssertionError("request " + request.key() + " got " + status + ": " + response.body());
                }
                saw("submit 503");
            } catch (IOException e) {
                saw("submit: " + e.getClass().getSimpleName());
            }
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("request " + request.key() + " was not accepted within 3 minutes");
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("abandoned: another thread failed");
    }

    /**
     * Oracle, through the API: polls its open offers and answers each once, as the seed decides:
     * accepts half (all the units, at its price and site), declines a quarter, and lets a quarter
     * lapse. An answer the node did not hear (connection lost, 503) is sent again if the offer is
     * still open at the next poll; an answer too late is a 409, one the pool cannot honour a 422.
     */
    private void answerAsOracle(Route route, String token, long seed) throws Exception {
        Set<String> handled = new HashSet<>();
        for (int poll = 0; !stopping && !abandoned; poll++) {
            NodeClient client = route.client(0, poll);
            try {
                HttpResponse<String> open = client.get(token, "/v1/offers?state=open");
                if (open.statusCode() == 200) {
                    for (JsonNode offer : JSON.readTree(open.body()).get("offers")) {
                        String id = offer.get("id").textValue();
                        if (handled.add(id) && !answer(client, token, id, new SplittableRandom(seed ^ id.hashCode()))) {
                            handled.remove(id);
                        }
                    }
                } else if (open.statusCode() == 503) {
                    saw("oracle poll 503");
                } else {
                    throw new AssertionError("oracle's offers: " + open.statusCode() + ": " + open.body());
                }
            } catch (IOException e) {
                saw("oracle poll: " + e.getClass().getSimpleName());
            }
            Thread.sleep(100);
        }
    }

    /** Whether the node heard the answer (whatever it said); false when it should be sent again. */
    private boolean answer(NodeClient client, String token, String offer, SplittableRandom choice)
            throws InterruptedException {
        int pick = choice.nextInt(4);
        if (pick == 3) {
            saw("oracle lets lapse");
            return true;
        }
        String outcome = pick == 2 ? "DECLINED" : "ACCEPTED";
        String body = pick == 2
                ? "{\"outcome\": \"DECLINED\", \"reason\": \"not this one\"}"
                : "{\"outcome\": \"ACCEPTED\", \"unitPrice\": 5.50, \"site\": \"oracle-abilene\"}";
        try {
            HttpResponse<String> response = client.post(token, "/v1/offers/" + offer + "/response", body);
            int status = response.statusCode();
            if (status == 503) {
                saw("oracle " + outcome + " 503");
                return false;
            }
            if (status != 200 && status != 404 && status != 409 && status != 422) {
                throw new AssertionError("oracle's answer to " + offer + ": " + status + ": " + response.body());
            }
            saw("oracle " + outcome + " " + status);
            return true;
        } catch (IOException e) {
            saw("oracle " + outcome + ": " + e.getClass().getSimpleName());
            return false;
        }
    }

    static void awaitEveryRequestClosed(NodeClient client, String admin) throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            JsonNode open = JSON.readTree(getOk(client, admin, "/v1/requests?state=OPEN&limit=500")
                            .body())
                    .get("requests");
            if (open.isEmpty()) {
                return;
            }
            if (System.nanoTime() > giveUp) {
                List<String> still = new ArrayList<>();
                open.forEach(view -> still.add(view.get("id").textValue()));
                throw new AssertionError(
                        still.size() + " requests still open 2 minutes after the last was accepted: " + still);
            }
            Thread.sleep(250);
        }
    }

    /** The whole log, page by page, each line read as the simulator's log is. */
    static List<TenderEvent> export(NodeClient client, String admin) throws Exception {
        List<TenderEvent> events = new ArrayList<>();
        long after = 0;
        while (true) {
            HttpResponse<String> page = getOk(client, admin, "/v1/events?after=" + after + "&limit=10000");
            assertThat(page.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
            List<String> lines =
                    page.body().lines().filter(line -> !line.isEmpty()).toList();
            if (lines.isEmpty()) {
                return events;
            }
            for (String line : lines) {
                events.add(EventLines.parse(line)
                        .orElseThrow(
                                () -> new AssertionError("an event of a type this version does not know: " + line)));
            }
            after = events.get(events.size() - 1).seq();
        }
    }

    /** A GET once the node is up for good: tries again on a connection error or a 503, for half a minute. */
    static HttpResponse<String> getOk(NodeClient client, String token, String path) throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                HttpResponse<String> response = client.get(token, path);
                if (response.statusCode() == 200) {
                    return response;
                }
                if (response.statusCode() != 503 || System.nanoTime() > giveUp) {
                    throw new AssertionError("GET " + path + ": " + response.statusCode() + ": " + response.body());
                }
            } catch (IOException e) {
                if (System.nanoTime() > giveUp) {
                    throw new AssertionError("GET " + path + " found no node for 30 s", e);
                }
            }
            Thread.sleep(100);
        }
    }

    // -- the checks

    private static List<String> seqProblems(List<TenderEvent> events) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < events.size() && problems.size() < 20; i++) {
            if (events.get(i).seq() != i + 1) {
                problems.add("event " + (i + 1) + " of the log has seq "
                        + events.get(i).seq());
            }
        }
        return problems;
    }

    /**
     * Per request: one SUBMITTED, first; one CLOSED, last; and the API's view of it (the book,
     * rebuilt by each replay) says what the log says: the state, the offers, the awards.
     */
    private static List<String> storyProblems(List<TenderEvent> events, Map<String, JsonNode> views) {
        Map<String, List<TenderEvent>> stories = new LinkedHashMap<>();
        events.forEach(e -> stories.computeIfAbsent(e.request().value(), id -> new ArrayList<>())
                .add(e));
        List<String> problems = new ArrayList<>();
        views.forEach((id, view) -> {
            List<TenderEvent> story = stories.getOrDefault(id, List.of());
            long submitted = story.stream()
                    .filter(e -> e instanceof TenderEvent.Submitted)
                    .count();
            long closes =
                    story.stream().filter(e -> e instanceof TenderEvent.Closed).count();
            if (submitted != 1 || closes != 1 || !(story.get(0) instanceof TenderEvent.Submitted)) {
                problems.add(id + ": " + submitted + " SUBMITTED, " + closes + " CLOSED: " + types(story));
                return;
            }
            if (!(story.get(story.size() - 1) instanceof TenderEvent.Closed close)) {
                problems.add(id + ": CLOSED is not its last event: " + types(story));
                return;
            }
            long offers =
                    story.stream().filter(e -> e instanceof TenderEvent.Offered).count();
            long awards =
                    story.stream().filter(e -> e instanceof TenderEvent.Awarded).count();
            String book =
                    view.get("state").textValue() + ", " + view.get("offers").size() + " offers, "
                            + view.get("awards").size() + " awards, "
                            + view.get("totals").get("unitsAwarded").intValue() + " units";
            String log = close.outcome().name() + ", " + offers + " offers, " + awards + " awards, " + close.units()
                    + " units";
            if (!book.equals(log)) {
                problems.add(id + ": the book says " + book + ", the log " + log);
            }
        });
        return problems.size() > 20 ? problems.subList(0, 20) : problems;
    }

    private static List<String> repeatedEvents(List<TenderEvent> events) {
        Map<String, Long> counts = new TreeMap<>();
        for (TenderEvent event : events) {
            String of = event instanceof TenderEvent.Offered o
                    ? o.offer().value()
                    : event instanceof TenderEvent.Responded r
                            ? r.offer().value()
                            : event instanceof TenderEvent.Awarded a
                                    ? a.offer().value()
                                    : event.request().value();
            counts.merge(of + " " + event.type(), 1L, Long::sum);
        }
        return counts.entrySet().stream()
                .filter(count -> count.getValue() > 1)
                .map(count -> count.getKey() + " " + count.getValue() + " times")
                .limit(20)
                .toList();
    }

    private static String types(List<TenderEvent> story) {
        return story.stream().map(e -> e.seq() + " " + e.type()).collect(Collectors.joining(", "));
    }

    /**
     * Runs the load: Oracle answering its offers, {@code clients} clients submitting {@code plan}
     * through {@code route}, and {@code beside} (kills, a partition) at the same time. Waits for the
     * clients and {@code beside}, then until every request has closed (read through {@code
     * reader}); tells {@code phase} when the submitting and the closing end.
     */
    void run(
            Route route,
            List<Planned> plan,
            Tokens tokens,
            int clients,
            long seed,
            NodeClient reader,
            Body beside,
            Consumer<String> phase)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients + 2);
        try {
            Future<?> oracle = threads.submit(task(() -> answerAsOracle(route, tokens.oracle(), seed)));
            Future<?> besides = threads.submit(task(beside));
            List<Future<?>> submitting = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Random pace = new Random(seed + 2 + c);
                submitting.add(threads.submit(task(() -> submitAll(route, plan, tokens, pace))));
            }
            for (Future<?> each : submitting) {
                await(each);
            }
            await(besides);
            phase.accept("submitting");
            awaitEveryRequestClosed(reader, tokens.admin());
            phase.accept("closing");
            stopping = true;
            await(oracle);
        } finally {
            stopping = true;
            abandoned = true;
            threads.shutdownNow();
            threads.awaitTermination(60, TimeUnit.SECONDS);
        }
    }

    /**
     * Reads every request the clients heard accepted and the whole log from {@code client}'s node,
     * and checks them: each request accepted once, with one SUBMITTED and one CLOSED, last; the log's
     * seqs from 1 without a gap or a repeat, no event twice; the book agrees with the log; no offer
     * to an auto provider lapsed; and every invariant of DESIGN.md section 4 (invariant 5: no unit
     * awarded twice). Returns the log.
     */
    List<TenderEvent> verify(NodeClient client, Tokens tokens, Path worldFile, int plan) throws Exception {
        String admin = tokens.admin();
        Map<String, JsonNode> views = new TreeMap<>();
        for (String id : ids.values()) {
            views.put(
                    id, JSON.readTree(getOk(client, admin, "/v1/requests/" + id).body()));
        }
        List<TenderEvent> events = export(client, admin);
        saw("events exported", events.size());
        for (TenderEvent event : events) {
            if (event instanceof TenderEvent.Closed close) {
                saw("closed " + close.outcome() + (close.cause() == null ? "" : ", " + close.cause()));
            } else if (event instanceof TenderEvent.Responded answer) {
                saw("answered " + answer.provider() + " " + answer.outcome());
            }
        }
        World world = world(worldFile);

        Set<String> recorded = new HashSet<>(ids.values());
        assertThat(ids).as("a request id for every request submitted").hasSize(plan);
        assertThat(recorded).as("no two requests got the same id").hasSize(plan);
        assertThat(count("submit 201") + count("submit 200 (idempotent replay)"))
                .as("each request heard accepted once")
                .isEqualTo(plan);

        assertThat(seqProblems(events))
                .as("the log's seqs run 1..n, none repeated or missing")
                .isEmpty();
        List<String> submittedIds = events.stream()
                .filter(e -> e instanceof TenderEvent.Submitted)
                .map(e -> e.request().value())
                .toList();
        assertThat(submittedIds)
                .as("one SUBMITTED per idempotency key that was heard accepted")
                .hasSize(plan)
                .doesNotHaveDuplicates();
        assertThat(new HashSet<>(submittedIds))
                .as("the requests submitted are those the clients heard of")
                .isEqualTo(recorded);
        assertThat(repeatedEvents(events))
                .as("no event twice: one ROUTED a request, one OFFERED, RESPONDED, AWARDED at most an offer")
                .isEmpty();
        assertThat(storyProblems(events, views))
                .as("each request: one SUBMITTED, one CLOSED, last, and the book agrees with the log")
                .isEmpty();
        // An auto provider's answer is a timer the engine derives from the offer, due before the
        // deadline: a restart fires it at its instant, so none of theirs may lapse.
        assertThat(events.stream()
                        .filter(e -> e instanceof TenderEvent.Responded r
                                && !r.provider().value().equals("oracle")
                                && r.outcome() == ResponseOutcome.LAPSED)
                        .map(e -> e.seq() + " " + ((TenderEvent.Responded) e).offer())
                        .limit(20)
                        .toList())
                .as("offers to Azure and CoreWeave (auto) lapsed")
                .isEmpty();
        assertThat(InvariantChecker.check(world, events))
                .as("the invariants of DESIGN.md section 4")
                .isEmpty();
        return events;
    }

    // -- small things

    /** A thread of the run; when it fails, the others stop. */
    Callable<@Nullable Void> task(Body body) {
        return () -> {
            try {
                body.run();
            } catch (Exception | AssertionError e) {
                failed(e);
                throw e;
            }
            return null;
        };
    }

    /** What a thread of the run does; it may throw anything, which fails the test. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    /** The first failure of a thread of the run stops the others, which fail in turn, saying they were abandoned. */
    private synchronized void failed(Throwable failure) {
        if (firstFailure == null) {
            firstFailure = failure;
        }
        abandoned = true;
    }

    /** Waits for a thread of the run; a failure fails the test with the first failure of any thread, the cause. */
    void await(Future<?> thread) throws InterruptedException {
        try {
            thread.get();
        } catch (ExecutionException e) {
            Throwable first;
            synchronized (this) {
                first = firstFailure;
            }
            throw new AssertionError(first == null ? e.getCause() : first);
        }
    }

    void saw(String what) {
        saw(what, 1);
    }

    void saw(String what, long times) {
        seen.computeIfAbsent(what, k -> new LongAdder()).add(times);
    }

    long count(String what) {
        LongAdder adder = seen.get(what);
        return adder == null ? 0 : adder.sum();
    }

    static String token(String role, List<String> store) {
        List<String> args = new ArrayList<>(List.of("token", "create", "--role", role));
        args.addAll(store);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(exit).as("token create --role %s: %s", role, err).isZero();
        return out.toString().strip();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = LiveLoad.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static World world(Path file) {
        ScenarioReader.Result read = new ScenarioReader().read(file);
        assertThat(read).isInstanceOf(ScenarioReader.Result.Loaded.class);
        return ((ScenarioReader.Result.Loaded) read).scenario().world();
    }

    /**
     * A port free now, which the node takes again after every kill: below the range the system
     * draws the local ports of outgoing connections from (on Linux 32768 and up by default, on
     * macOS 49152 and up). A port from that range could be given to one of the clients' many
     * connection attempts while the node is down, and a connection from a port to itself on this
     * machine connects (TCP's simultaneous open), holding the port the node must bind.
     */
    static int freePort() throws IOException {
        int below = 32_768;
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        if (Files.isReadable(range)) {
            try (Scanner first = new Scanner(range, StandardCharsets.US_ASCII)) {
                below = Math.min(below, first.nextInt());
            }
        }
        Random random = new Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 10_000 + random.nextInt(Math.max(1, below - 10_000));
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // another one
            }
        }
        throw new IOException("no free port below " + below + " in 100 tries");
    }
}
