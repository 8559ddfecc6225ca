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
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Scanner;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety, on each database: {@code tender serve} runs as a process of its own; eight clients
 * submit 1,000 requests while Oracle (manual) answers its offers through the API and Azure and
 * CoreWeave answer by rule; the process is killed with SIGKILL five times at random moments of the
 * submission and started again at once. Afterwards every request a client heard accepted (201, or
 * 200 when a retry with its idempotency key found it stored) has exactly one {@code SUBMITTED} and
 * one {@code CLOSED}, last; the exported log runs from seq 1 with no gap and no repeat, and holds
 * no event twice; no answer of an auto provider was lost (none lapsed); the book the API reads
 * agrees with the log; and the log keeps every invariant of DESIGN.md section 4, by the
 * simulator's checker (invariant 5: no unit awarded twice).
 *
 * <p>The seed is printed with what the run saw; {@code -Dtender.crash.seed=N} runs with it again.
 * It fixes the demand, Oracle's answers and the counts of requests after which the kills fall, not
 * the interleaving: the node runs on the wall clock. The nodes' logs stay in {@code
 * target/crash-safety/}.
 */
abstract class CrashSafetyContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS = 1_000;
    private static final int CLIENTS = 8;
    private static final int KILLS = 5;
    /**
     * The longest pause of a client between two requests: the submission lasts about fifteen
     * seconds without kills, so that kills fall among answers and deadlines, not only submissions.
     */
    private static final int PACE_MILLIS = 150;

    private static final Pattern REPLAYED = Pattern.compile("replayed (\\d+) commands");

    @TempDir
    Path dir;

    private final List<ServeProcess> starts = new CopyOnWriteArrayList<>();
    private final List<String> kills = new CopyOnWriteArrayList<>();
    private final Map<String, LongAdder> seen = new ConcurrentSkipListMap<>();
    private final Map<Integer, String> ids = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Map<String, String> phases = new LinkedHashMap<>();
    private long phaseBegan = System.nanoTime();
    private Path logs = Path.of("target");
    private String classPath = "";
    private volatile boolean stopping;
    private volatile boolean abandoned;
    private @Nullable Throwable firstFailure;

    /** The store options of {@code tender serve} and {@code tender token create} for a new, empty store. */
    abstract List<String> newStore(Path dir);

    @AfterEach
    void killEveryNode() throws InterruptedException {
        stopping = true;
        abandoned = true;
        for (ServeProcess node : starts) {
            if (node.isAlive()) {
                node.kill();
            }
        }
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void everyAcceptedRequestClosesOnceAndTheLogKeepsEveryInvariantThroughFiveKills() throws Exception {
        long seed =
                Long.getLong("tender.crash.seed", ThreadLocalRandom.current().nextLong());
        String name = getClass().getSimpleName();
        System.out.println(name + ": seed " + seed + " (again with -Dtender.crash.seed=" + seed + ")");
        logs = Files.createDirectories(Path.of("target", "crash-safety", name));
        try (Stream<Path> old = Files.list(logs)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        boolean passed = false;
        try {
            run(seed);
            passed = true;
        } finally {
            System.out.println(report(name, seed, passed));
        }
    }

    private void run(long seed) throws Exception {
        classPath = ServeProcess.classPath(Files.createDirectories(dir.resolve("class-path")));
        List<String> store = newStore(dir);
        // On H2 one process at a time opens the files: every token before the node starts.
        Tokens tokens = new Tokens(
                token("admin", store),
                token("tenant:research", store),
                token("tenant:product", store),
                token("provider:oracle", store));
        Path worldFile = Files.writeString(dir.resolve("crash-world.yaml"), resource("/crash-world.yaml"));
        int port = freePort();
        List<String> later = new ArrayList<>(store);
        later.addAll(List.of("--port", Integer.toString(port)));
        List<String> first = new ArrayList<>(later);
        first.addAll(List.of("--scenario", worldFile.toString(), "--manual", "oracle"));
        start("serve-0", first);
        phase("setup");
        NodeClient client = new NodeClient(port);
        List<Planned> plan = plan(seed, Instant.now());

        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS + 2);
        try {
            Future<?> oracle = threads.submit(task(() -> answerAsOracle(client, tokens.oracle(), seed)));
            Future<?> killer = threads.submit(task(() -> killFiveTimes(seed, later)));
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Random pace = new Random(seed + 2 + c);
                clients.add(threads.submit(task(() -> submitAll(client, plan, tokens, pace))));
            }
            for (Future<?> each : clients) {
                await(each);
            }
            await(killer);
            phase("submitting");
            awaitEveryRequestClosed(client, tokens.admin());
            phase("closing");
            stopping = true;
            await(oracle);
        } finally {
            stopping = true;
            abandoned = true;
            threads.shutdownNow();
            threads.awaitTermination(60, TimeUnit.SECONDS);
        }

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
        assertThat(ids).as("a request id for every request submitted").hasSize(REQUESTS);
        assertThat(recorded).as("no two requests got the same id").hasSize(REQUESTS);
        assertThat(count("submit 201") + count("submit 200 (idempotent replay)"))
                .as("each request heard accepted once")
                .isEqualTo(REQUESTS);

        assertThat(seqProblems(events))
                .as("the log's seqs run 1..n, none repeated or missing")
                .isEmpty();
        List<String> submittedIds = events.stream()
                .filter(e -> e instanceof TenderEvent.Submitted)
                .map(e -> e.request().value())
                .toList();
        assertThat(submittedIds)
                .as("one SUBMITTED per idempotency key that was heard accepted")
                .hasSize(REQUESTS)
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
        phase("export and checks");

        assertThat(kills).as("kills").hasSize(KILLS);
        assertThat(starts).as("starts: the first and one after each kill").hasSize(KILLS + 1);
        List<Long> replays = replays();
        assertThat(replays.subList(1, replays.size()))
                .as("each restart replayed the commands stored before it (from its log)")
                .allMatch(n -> n > 0)
                .isSorted();
    }

    /** What the run did, for the build's output: printed whether the test passed or not. */
    private String report(String name, long seed, boolean passed) {
        StringBuilder report = new StringBuilder(name)
                .append(": seed ")
                .append(seed)
                .append(passed ? ", passed" : ", FAILED")
                .append("\n  kills: ")
                .append(kills)
                .append("\n  commands replayed by each start: ")
                .append(replays())
                .append("; ms from JVM start to serving: ")
                .append(starts.stream().map(ServeProcess::millisToServe).toList())
                .append("\n  seen: ")
                .append(seen)
                .append("\n  seconds: ")
                .append(phases)
                .append("\n  warnings and errors in the node's log: ")
                .append(errorLines())
                .append("\n  the node's logs: ")
                .append(logs.toAbsolutePath());
        if (!passed && !starts.isEmpty()) {
            ServeProcess last = starts.get(starts.size() - 1);
            List<String> lines = last.stderr().lines().toList();
            report.append("\n  the last lines of ")
                    .append(last.name())
                    .append(last.isAlive() ? " (alive)" : " (ended)")
                    .append(":\n    ")
                    .append(String.join("\n    ", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        }
        return report.toString();
    }

    private List<Long> replays() {
        List<Long> replays = new ArrayList<>();
        for (ServeProcess node : starts) {
            Matcher replayed = REPLAYED.matcher(node.stderr());
            replays.add(replayed.find() ? Long.parseLong(replayed.group(1)) : -1);
        }
        return replays;
    }

    private void phase(String name) {
        long now = System.nanoTime();
        phases.put(name, String.format(Locale.ROOT, "%.1f", (now - phaseBegan) / 1e9));
        phaseBegan = now;
    }

    // -- the run

    /** The bearer tokens of the run, made before the node first starts. */
    private record Tokens(String admin, String research, String product, String oracle) {

        String of(String tenant) {
            return tenant.equals("research") ? research : product;
        }
    }

    /** One request of the run: who submits it, with which idempotency key, and its body. */
    private record Planned(String tenant, String key, String body) {}

    /**
     * The demand: three training requests (Azure's first look, then the market: CoreWeave and
     * Oracle) to one api request (Azure's alone), of 5 to 60 units for 4 to 48 hours, starting
     * within 30 days from tomorrow: enough to overlap, so that some find a pool full, while most are
     * fulfilled; a quarter with a ceiling of 5.25, below Azure's and Oracle's prices, and a quarter
     * with none.
     */
    private static List<Planned> plan(long seed, Instant now) {
        Random random = new Random(seed);
        Instant tomorrow = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1));
        List<Planned> plan = new ArrayList<>(REQUESTS);
        for (int i = 0; i < REQUESTS; i++) {
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
            plan.add(new Planned(random.nextBoolean() ? "research" : "product", "crash-" + i, body.toString()));
        }
        return plan;
    }

    /** A client: takes the next request number until all are taken, and submits it until it is accepted. */
    private void submitAll(NodeClient client, List<Planned> plan, Tokens tokens, Random pace) throws Exception {
        for (int i = next.getAndIncrement(); i < REQUESTS; i = next.getAndIncrement()) {
            ids.put(i, submit(client, plan.get(i), tokens.of(plan.get(i).tenant())));
            accepted.incrementAndGet();
            Thread.sleep(pace.nextInt(PACE_MILLIS));
        }
    }

    /**
     * Posts the request with its idempotency key until the node says it holds it: 201, or 200 when
     * an earlier try was stored though its answer was lost with the process. Tries again after a
     * connection error (refused, reset, timed out) or a 503.
     */
    private String submit(NodeClient client, Planned request, String token) throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!abandoned) {
            try {
                HttpResponse<String> response =
                        client.post(token, "/v1/requests", request.body(), "Idempotency-Key", request.key());
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
     * Kills the node five times, each after a random count of accepted requests in its fifth of the
     * submission (from the 100th to the 950th) and a random pause of up to 400 ms, and starts it
     * again at once on the same store and port.
     */
    private void killFiveTimes(long seed, List<String> args) throws Exception {
        Random random = new Random(seed + 1);
        int from = REQUESTS / 10;
        int slot = (REQUESTS * 95 / 100 - from) / KILLS;
        for (int k = 1; k <= KILLS; k++) {
            int after = from + (k - 1) * slot + random.nextInt(slot);
            while (accepted.get() < after) {
                if (abandoned) {
                    return;
                }
                Thread.sleep(5);
            }
            Thread.sleep(random.nextInt(400));
            ServeProcess dying = starts.get(starts.size() - 1);
            int at = accepted.get();
            long killed = System.nanoTime();
            dying.kill();
            ServeProcess started = start("serve-" + k, args);
            kills.add("after " + at + " accepted, down "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed) + " ms (JVM start to serving "
                    + started.millisToServe() + " ms)");
        }
    }

    private ServeProcess start(String name, List<String> args) throws IOException, InterruptedException {
        ServeProcess node = ServeProcess.start(logs, classPath, name, args);
        starts.add(node);
        return node;
    }

    /**
     * Oracle, through the API: polls its open offers and answers each once, as the seed decides:
     * accepts half (all the units, at its price and site), declines a quarter, and lets a quarter
     * lapse. An answer the node did not hear (connection lost, 503) is sent again if the offer is
     * still open at the next poll; an answer too late is a 409, one the pool cannot honour a 422.
     */
    private void answerAsOracle(NodeClient client, String token, long seed) throws Exception {
        Set<String> handled = new HashSet<>();
        while (!stopping && !abandoned) {
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

    private void awaitEveryRequestClosed(NodeClient client, String admin) throws Exception {
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
    private static List<TenderEvent> export(NodeClient client, String admin) throws Exception {
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
    private static HttpResponse<String> getOk(NodeClient client, String token, String path) throws Exception {
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

    // -- small things

    /** A thread of the run; when it fails, the others stop. */
    private Callable<@Nullable Void> task(Body body) {
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
    private interface Body {
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
    private void await(Future<?> thread) throws InterruptedException {
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

    private void saw(String what) {
        saw(what, 1);
    }

    private void saw(String what, long times) {
        seen.computeIfAbsent(what, k -> new LongAdder()).add(times);
    }

    private long count(String what) {
        LongAdder adder = seen.get(what);
        return adder == null ? 0 : adder.sum();
    }

    private List<String> errorLines() {
        List<String> errors = new ArrayList<>();
        for (ServeProcess node : starts) {
            node.stderr()
                    .lines()
                    .filter(line -> line.contains(" ERROR ") || line.contains(" WARN "))
                    .forEach(line -> errors.add(node.name() + ": " + line));
        }
        return errors;
    }

    private static String token(String role, List<String> store) {
        List<String> args = new ArrayList<>(List.of("token", "create", "--role", role));
        args.addAll(store);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(exit).as("token create --role %s: %s", role, err).isZero();
        return out.toString().strip();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CrashSafetyContract.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static World world(Path file) {
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
    private static int freePort() throws IOException {
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
