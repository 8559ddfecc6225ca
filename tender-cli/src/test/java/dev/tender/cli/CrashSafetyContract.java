package dev.tender.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
    private final LiveLoad load = new LiveLoad(PACE_MILLIS);
    private final Map<String, String> phases = new LinkedHashMap<>();
    private long phaseBegan = System.nanoTime();
    private Path logs = Path.of("target");
    private String classPath = "";

    /** The store options of {@code tender serve} and {@code tender token create} for a new, empty store. */
    abstract List<String> newStore(Path dir);

    @AfterEach
    void killEveryNode() throws InterruptedException {
        load.stopping = true;
        load.abandoned = true;
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
        LiveLoad.Tokens tokens = LiveLoad.Tokens.create(store);
        Path worldFile = Files.writeString(dir.resolve("crash-world.yaml"), LiveLoad.resource("/crash-world.yaml"));
        int port = LiveLoad.freePort();
        List<String> later = new ArrayList<>(store);
        later.addAll(List.of("--port", Integer.toString(port)));
        List<String> first = new ArrayList<>(later);
        first.addAll(List.of("--scenario", worldFile.toString(), "--manual", "oracle"));
        start("serve-0", first);
        phase("setup");
        NodeClient client = new NodeClient(port);
        List<LiveLoad.Planned> plan = LiveLoad.plan(seed, Instant.now(), REQUESTS, "crash-");
        LiveLoad.Route route = (index, attempt) -> client;

        load.run(route, plan, tokens, CLIENTS, seed, client, () -> killFiveTimes(seed, later), this::phase);

        load.verify(client, tokens, worldFile, REQUESTS);
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
                .append(load.seen)
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
            while (load.accepted.get() < after) {
                if (load.abandoned) {
                    return;
                }
                Thread.sleep(5);
            }
            Thread.sleep(random.nextInt(400));
            ServeProcess dying = starts.get(starts.size() - 1);
            int at = load.accepted.get();
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
}
