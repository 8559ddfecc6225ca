package dev.tender.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The load of {@code bench/serve} (docs/benchmarks.md, "Live node"): clients that submit requests
 * to a running node back to back, each waiting for its 201 before the next, and the time until
 * every request they submitted has closed.
 *
 * <p>A warm-up phase runs the same load first and waits until its requests have closed. Then the
 * measured phase: every client starts at the same instant (the first submit) and submits until
 * the duration has passed (or the count is reached); each submit's latency is the time from
 * sending the request to reading the 201. A request is closed when the node has stored its
 * {@code CLOSED} event, which the node's {@code tender_events_total{type="CLOSED"}} counts; the
 * driver polls {@code /metrics} every few milliseconds once the clients are done, and the last
 * close is the first reading that counts them all. Closed requests per second are the closed
 * count over the time from the first submit to that reading. Then every request is checked
 * closed ({@code GET /v1/requests?state=OPEN}), and a sample of them read one by one, for their
 * states and routes.
 *
 * <p>Against several nodes on one store ({@code --url} lists them, comma-separated; {@code
 * bench/cluster}), client {@code c} submits to node {@code c mod n}, and the metrics, the check and
 * the sample are read from the first node, the writer, which stores every command.
 *
 * <p>The demand suits {@code bench/serve-world.yaml}: the four workloads (so every route), both
 * accelerators, one region or both, starts within the next 30 days.
 *
 * <p>Prints what it measured, then one line {@code RESULT key=value ...} for the script.
 */
public final class ServeLoad {

    private static final List<String> OPTIONS =
            List.of("url", "token", "clients", "warmup", "seconds", "requests", "seed", "node-pid", "sample");
    private static final List<String> WORKLOADS = List.of("api", "training", "inference", "research");
    private static final List<String> ACCELERATORS = List.of("H100", "B200");
    private static final List<String> REGIONS = List.of("[\"eu\"]", "[\"us\"]", "[]");
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern STATE = Pattern.compile("\"state\":\"([A-Z]+)\"");
    private static final Pattern ROUTE = Pattern.compile("\"route\":\"([A-Z_]+)\"");
    private static final Pattern TENANT = Pattern.compile("\"tenant\":\"");
    private static final Duration CLOSE_TIMEOUT = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /** The writer's address: metrics, checks and samples are read there. */
    private final URI base;
    /** Where the clients submit, each to one. */
    private final List<URI> nodes;

    private final String token;
    private final int clients;
    private final long seed;
    private final OptionalLong nodePid;
    private final ExecutorService pool;
    /** Names this run in the idempotency keys, so a second run against the same node submits anew. */
    private final String run = "serve-load-" + Long.toString(System.currentTimeMillis(), 36);

    private ServeLoad(List<URI> nodes, String token, int clients, long seed, OptionalLong nodePid) {
        this.nodes = List.copyOf(nodes);
        this.base = nodes.get(0);
        this.token = token;
        this.clients = clients;
        this.seed = seed;
        this.nodePid = nodePid;
        this.pool = Executors.newFixedThreadPool(clients, runnable -> {
            Thread thread = new Thread(runnable, "client");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static void main(String[] args) throws Exception {
        Flags flags;
        String url;
        String token;
        try {
            flags = Flags.parse(args, OPTIONS);
            url = flags.text("url");
            token = flags.text("token");
        } catch (IllegalArgumentException e) {
            System.err.println("ServeLoad: " + e.getMessage());
            System.err.println("usage: ServeLoad --url http://127.0.0.1:PORT[,http://127.0.0.1:PORT...] --token TOKEN"
                    + " [--clients 32]"
                    + " [--warmup SECONDS (10)] [--seconds SECONDS (20) | --requests COUNT] [--seed 1]"
                    + " [--node-pid PID] [--sample 200]");
            System.exit(2);
            return;
        }
        long nodePid = flags.whole("node-pid", -1);
        List<URI> nodes = new ArrayList<>();
        for (String each : url.split(",", -1)) {
            nodes.add(URI.create(each.strip().replaceAll("/+$", "")));
        }
        ServeLoad load = new ServeLoad(
                nodes,
                token,
                (int) flags.whole("clients", 32),
                flags.whole("seed", 1),
                nodePid > 0 ? OptionalLong.of(nodePid) : OptionalLong.empty());
        long requests = flags.whole("requests", 0);
        Phase measured = requests > 0
                ? Phase.counted("measured", requests)
                : Phase.timed("measured", Duration.ofSeconds(flags.whole("seconds", 20)));
        try {
            load.run(Phase.timed("warm-up", Duration.ofSeconds(flags.whole("warmup", 10))), measured, (int)
                    flags.whole("sample", 200));
        } finally {
            load.pool.shutdownNow();
        }
    }

    /** How long a phase submits: until a deadline counted from its first submit, or a number of requests. */
    private static final class Phase {
        final String name;
        final Duration length;
        final AtomicLong remaining;
        volatile long deadline = Long.MAX_VALUE;

        private Phase(String name, Duration length, long count) {
            this.name = name;
            this.length = length;
            this.remaining = new AtomicLong(count);
        }

        static Phase timed(String name, Duration length) {
            return new Phase(name, length, Long.MAX_VALUE);
        }

        static Phase counted(String name, long count) {
            return new Phase(name, Duration.ZERO, count);
        }

        void begin(long now) {
            if (!length.isZero()) {
                deadline = now + length.toNanos();
            }
        }

        boolean more() {
            return System.nanoTime() < deadline && remaining.getAndDecrement() > 0;
        }
    }

    /** What one client did in a phase. */
    private record ClientResult(Latencies latencies, List<String> ids, Map<String, Long> errors) {}

    /** What all clients did in a phase, and when its first submit was sent. */
    private record PhaseResult(
            long began, long ended, Latencies latencies, List<String> ids, Map<String, Long> errors) {

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private void run(Phase warmUp, Phase measured, int sample) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "serve-load: %d clients against %s; warm-up %d s, then %s%n",
                clients,
                nodes.stream().map(URI::toString).collect(Collectors.joining(", ")),
                warmUp.length.toSeconds(),
                measured.length.isZero() ? measured.remaining.get() + " requests" : measured.length.toSeconds() + " s");
        if (!warmUp.length.isZero()) {
            double closedBefore = closedCount(scrape());
            PhaseResult warm = submit(warmUp);
            long closedAt = awaitClosed(closedBefore + warm.ids().size());
            System.out.printf(
                    Locale.ROOT,
                    "warm-up: %,d requests accepted, %,d errors %s, all closed %.2f s after the first submit%n",
                    warm.ids().size(),
                    warm.errorCount(),
                    warm.errors().isEmpty() ? "" : warm.errors(),
                    (closedAt - warm.began()) / 1e9);
        }

        Scrape before = scrape();
        double closedBefore = closedCount(before);
        CpuTimes cpuBefore = CpuTimes.now(nodePid);
        QueueWatch watch = new QueueWatch();
        Thread watcher = new Thread(watch, "queue-watch");
        watcher.setDaemon(true);
        watcher.start();
        PhaseResult result = submit(measured);
        watch.stop();
        watcher.join();
        long lastClose = awaitClosed(closedBefore + result.ids().size());
        CpuTimes cpuAfter = CpuTimes.now(nodePid);
        Scrape after = scrape();
        Scrape node = after.since(before);

        double submitSeconds = (result.ended() - result.began()) / 1e9;
        double closeSeconds = (lastClose - result.began()) / 1e9;
        double closed = closedCount(node);
        double closedPerSecond = closed / closeSeconds;
        Latencies latencies = result.latencies();
        System.out.printf(
                Locale.ROOT,
                "measured: %,d requests accepted in %.2f s of submits (%,.0f/s), %,d errors %s%n",
                result.ids().size(),
                submitSeconds,
                result.ids().size() / submitSeconds,
                result.errorCount(),
                result.errors().isEmpty() ? "" : result.errors());
        System.out.printf(
                Locale.ROOT,
                "closed: %,.0f requests in %.2f s from the first submit to the last close: %,.0f closed requests/s%n",
                closed,
                closeSeconds,
                closedPerSecond);
        System.out.printf(
                Locale.ROOT,
                "submit latency (to the 201): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n",
                latencies.millis(0.50),
                latencies.millis(0.90),
                latencies.millis(0.99),
                latencies.millis(0.999),
                latencies.millis(1.0));
        System.out.printf(
                Locale.ROOT,
                "node, over the phase (/metrics): commands stored %s; events %s%n",
                counts(node.by("tender_commands_total", "kind")),
                counts(node.by("tender_events_total", "type")));
        System.out.printf(
                Locale.ROOT,
                "node: command latency of SUBMIT (queue, engine, commit) p50 <= %.1f ms, p99 <= %.1f ms;"
                        + " writer queue depth mean %.1f, max %.0f (sampled every %d ms while clients submitted)%n",
                1e3 * node.quantileBound("tender_command_latency_seconds", "kind", "SUBMIT", 0.50),
                1e3 * node.quantileBound("tender_command_latency_seconds", "kind", "SUBMIT", 0.99),
                watch.mean(),
                watch.max(),
                QueueWatch.EVERY_MILLIS);
        System.out.println("cpu, over the phase: " + cpuAfter.since(cpuBefore, closeSeconds));
        System.out.printf(
                Locale.ROOT,
                "node memory at the end: heap %.0f MB used of %.0f MB committed, non-heap %.0f MB used of %.0f MB"
                        + " committed%n",
                after.sum("jvm_memory_used_bytes", "area", "heap") / 1e6,
                after.sum("jvm_memory_committed_bytes", "area", "heap") / 1e6,
                after.sum("jvm_memory_used_bytes", "area", "nonheap") / 1e6,
                after.sum("jvm_memory_committed_bytes", "area", "nonheap") / 1e6);
        int open = openRequests();
        System.out.println("requests still open: " + open);
        System.out.println("sample: " + sample(result.ids(), sample));
        System.out.printf(
                Locale.ROOT,
                "RESULT closed_per_s=%.1f submit_p50_ms=%.2f submit_p99_ms=%.2f accepted=%d closed=%.0f errors=%d"
                        + " open=%d node_submit_p99_ms=%.1f queue_max=%.0f seconds=%.2f%n",
                closedPerSecond,
                latencies.millis(0.50),
                latencies.millis(0.99),
                result.ids().size(),
                closed,
                result.errorCount(),
                open,
                1e3 * node.quantileBound("tender_command_latency_seconds", "kind", "SUBMIT", 0.99),
                watch.max(),
                closeSeconds);
    }

    /** Runs every client through {@code phase}; they start together. */
    private PhaseResult submit(Phase phase) throws InterruptedException, ExecutionException {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ClientResult>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> client(phase, client, start)));
        }
        Thread.sleep(100); // let every client reach the gate
        long began = System.nanoTime();
        phase.begin(began);
        start.countDown();
        List<Latencies> parts = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Map<String, Long> errors = new TreeMap<>();
        for (Future<ClientResult> future : futures) {
            ClientResult done = future.get();
            parts.add(done.latencies());
            ids.addAll(done.ids());
            done.errors().forEach((what, count) -> errors.merge(what, count, Long::sum));
        }
        long ended = System.nanoTime();
        return new PhaseResult(began, ended, Latencies.merged(parts), ids, errors);
    }

    private ClientResult client(Phase phase, int client, CountDownLatch start) throws InterruptedException {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + client * 7919L + phase.name.hashCode());
        Latencies latencies = new Latencies();
        List<String> ids = new ArrayList<>();
        Map<String, Long> errors = new TreeMap<>();
        try (PlainHttp http = new PlainHttp(nodes.get(client % nodes.size()), token)) {
            start.await();
            for (long n = 0; phase.more(); n++) {
                String key = run + "-" + phase.name + "-" + client + "-" + n;
                String body = demand(random);
                long began = System.nanoTime();
                try {
                    PlainHttp.Answer answer = http.post("/v1/requests", key, body);
                    long took = System.nanoTime() - began;
                    Matcher id = ID.matcher(answer.body());
                    if (answer.status() == 201 && id.find()) {
                        latencies.add(took);
                        ids.add(id.group(1));
                    } else {
                        errors.merge("HTTP " + answer.status(), 1L, Long::sum);
                    }
                } catch (IOException e) {
                    errors.merge(e.getClass().getSimpleName(), 1L, Long::sum);
                }
            }
        }
        return new ClientResult(latencies, ids, errors);
    }

    /** A request's body: any workload (so any route), either accelerator, one region or both, a start within 30 days. */
    private static String demand(SplittableRandom random) {
        Instant start =
                Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(24L + random.nextInt(30 * 24)));
        return String.format(
                Locale.ROOT,
                "{\"workload\":\"%s\",\"accelerator\":\"%s\",\"units\":%d,\"start\":\"%s\",\"hours\":%d,"
                        + "\"flex\":\"%s\",\"regions\":%s}",
                WORKLOADS.get(random.nextInt(WORKLOADS.size())),
                ACCELERATORS.get(random.nextInt(ACCELERATORS.size())),
                1 + random.nextInt(64),
                start,
                1 + random.nextInt(72),
                random.nextBoolean() ? "PT0S" : "PT12H",
                REGIONS.get(random.nextInt(REGIONS.size())));
    }

    private Scrape scrape() throws IOException, InterruptedException {
        return Scrape.parse(get("/metrics"));
    }

    private static double closedCount(Scrape scrape) {
        return scrape.sum("tender_events_total", "type", "CLOSED");
    }

    /** Polls {@code /metrics} until {@code target} requests have closed; returns when that reading came back. */
    private long awaitClosed(double target) throws IOException, InterruptedException {
        long giveUp = System.nanoTime() + CLOSE_TIMEOUT.toNanos();
        while (true) {
            double closed = closedCount(scrape());
            long now = System.nanoTime();
            if (closed >= target) {
                return now;
            }
            if (now > giveUp) {
                throw new IllegalStateException(String.format(
                        Locale.ROOT, "only %.0f of %.0f requests closed after %s", closed, target, CLOSE_TIMEOUT));
            }
            Thread.sleep(2);
        }
    }

    /** How many of the tenant's requests are open: 0, or at least 1 (the first page's size is enough to tell). */
    private int openRequests() throws IOException, InterruptedException {
        String body = get("/v1/requests?state=OPEN&limit=500");
        int open = 0;
        for (Matcher request = TENANT.matcher(body); request.find(); ) {
            open++; // only a request has a tenant; its offers have states of their own
        }
        return open;
    }

    /** The states and routes of {@code size} requests of {@code ids}, drawn evenly. */
    private String sample(List<String> ids, int size) throws IOException, InterruptedException {
        Map<String, Integer> states = new TreeMap<>();
        Map<String, Integer> routes = new TreeMap<>();
        int step = Math.max(1, ids.size() / Math.max(1, size));
        int read = 0;
        for (int i = 0; i < ids.size() && read < size; i += step, read++) {
            String body = get("/v1/requests/" + ids.get(i));
            Matcher state = STATE.matcher(body);
            Matcher route = ROUTE.matcher(body);
            states.merge(state.find() ? state.group(1) : "?", 1, Integer::sum);
            routes.merge(route.find() ? route.group(1) : "?", 1, Integer::sum);
        }
        return read + " requests read: states " + states + ", routes " + routes;
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + ": HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String counts(Map<String, Double> counts) {
        StringBuilder line = new StringBuilder();
        counts.forEach((key, count) -> line.append(line.length() == 0 ? "" : ", ")
                .append(key)
                .append(' ')
                .append(String.format(Locale.ROOT, "%,.0f", count)));
        return line.toString();
    }

    /** Samples the writer's queue depth from {@code /metrics} while the clients submit; seldom, as a scrape costs the node CPU. */
    private final class QueueWatch implements Runnable {
        static final int EVERY_MILLIS = 500;
        private volatile boolean running = true;
        private double sum;
        private double max;
        private int count;

        @Override
        public void run() {
            while (running) {
                try {
                    double depth = scrape().sum("tender_queue_depth");
                    synchronized (this) {
                        sum += depth;
                        max = Math.max(max, depth);
                        count++;
                    }
                    Thread.sleep(EVERY_MILLIS);
                } catch (IOException e) {
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        void stop() {
            running = false;
        }

        synchronized double mean() {
            return count == 0 ? Double.NaN : sum / count;
        }

        synchronized double max() {
            return max;
        }
    }
}
