package dev.tender.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tender.store.EmbeddedPostgresDatabase;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
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
 * Several {@code tender serve} nodes, each a process of its own, on one PostgreSQL (the embedded
 * server, which outlives them): any node takes any call, one writes, and when the writer dies,
 * pauses or loses the database, another takes over with nothing lost and nothing decided twice. The
 * seed is printed; {@code -Dtender.cluster.seed=N} runs with it again. The nodes' logs stay in
 * {@code target/cluster/}.
 */
class ClusterTest {

    private static final Pattern REPLAYED = Pattern.compile("replayed (\\d+) commands");

    @TempDir
    Path dir;

    private final List<ServeProcess> processes = new CopyOnWriteArrayList<>();
    private final Map<String, String> phases = new LinkedHashMap<>();
    private long phaseBegan = System.nanoTime();
    private Path logs = Path.of("target");
    private String classPath = "";
    private String url = "";
    private Path worldFile = Path.of("");
    private LiveLoad.Tokens tokens = new LiveLoad.Tokens("", "", "", "");

    /** One node: its name, port and client, and the process that runs it now. */
    private final class Member {
        final String name;
        final int port;
        final NodeClient client;
        volatile ServeProcess process;

        Member(String name, int port, ServeProcess process) {
            this.name = name;
            this.port = port;
            this.client = new NodeClient(port);
            this.process = process;
        }

        /** The node's /health, or empty when it does not answer. */
        Optional<JsonNode> health() throws InterruptedException {
            try {
                HttpResponse<String> health = client.get(tokens.admin(), "/health");
                return Optional.of(LiveLoad.JSON.readTree(health.body()));
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        boolean writes() throws InterruptedException {
            return health().map(h -> h.path("role").asText().equals("writer")).orElse(false);
        }

        void restart() throws IOException, InterruptedException {
            process = ClusterTest.this.start(name + "-" + processes.size(), args(name, port, false));
        }
    }

    @AfterEach
    void killEveryNode() throws Exception {
        for (ServeProcess node : processes) {
            if (node.isAlive()) {
                node.resume();
                node.kill();
            }
        }
    }

    private void setUp(String test) throws IOException {
        logs = Files.createDirectories(Path.of("target", "cluster", test));
        try (Stream<Path> old = Files.list(logs)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        classPath = ServeProcess.classPath(Files.createDirectories(dir.resolve("class-path")));
        url = EmbeddedPostgresDatabase.create().url();
        tokens = LiveLoad.Tokens.create(List.of("--db", url));
        worldFile = Files.writeString(dir.resolve("crash-world.yaml"), LiveLoad.resource("/crash-world.yaml"));
    }

    /** Three nodes on one new store: {@code a} loads the world and is the first writer. */
    private List<Member> threeNodes() throws IOException, InterruptedException {
        List<Member> members = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            int port = LiveLoad.freePort();
            members.add(new Member(name, port, start(name, args(name, port, name.equals("a")))));
        }
        return members;
    }

    private List<String> args(String name, int port, boolean loadsTheWorld) {
        List<String> args = new ArrayList<>(List.of("--db", url, "--port", Integer.toString(port), "--node", name));
        if (loadsTheWorld) {
            args.addAll(List.of("--scenario", worldFile.toString(), "--manual", "oracle"));
        }
        return args;
    }

    private ServeProcess start(String name, List<String> args) throws IOException, InterruptedException {
        ServeProcess node = ServeProcess.start(logs, classPath, name, args);
        processes.add(node);
        return node;
    }

    // -- three kills of the writer under load

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void tenThousandRequestsOverThreeNodesThroughThreeKillsOfTheWriterCloseOnceWithNothingLost() throws Exception {
        long seed =
                Long.getLong("tender.cluster.seed", ThreadLocalRandom.current().nextLong());
        System.out.println("ClusterTest: seed " + seed + " (again with -Dtender.cluster.seed=" + seed + ")");
        setUp("kills");
        LiveLoad load = new LiveLoad(0);
        List<String> kills = new CopyOnWriteArrayList<>();
        boolean passed = false;
        try {
            List<Member> members = threeNodes();
            phase("setup");
            runUnderKills(seed, load, members, kills);
            checkAfterKills(load, members);
            passed = true;
        } finally {
            System.out.println("ClusterTest: seed " + seed + (passed ? ", passed" : ", FAILED") + "\n  kills: " + kills
                    + "\n  seen: " + load.seen + "\n  seconds: " + phases + "\n  warnings and errors: "
                    + errorLines() + "\n  the nodes' logs: " + logs.toAbsolutePath());
        }
    }

    private void runUnderKills(long seed, LiveLoad load, List<Member> members, List<String> kills) throws Exception {
        int requests = 10_000;
        List<LiveLoad.Planned> plan = LiveLoad.plan(seed, Instant.now(), requests, "cluster-");
        // Spread over the nodes; a try that fails goes to the next node.
        LiveLoad.Route route = (index, attempt) -> members.get((index + attempt) % members.size()).client;
        load.run(
                route,
                plan,
                tokens,
                32,
                seed,
                members.get(0).client,
                () -> killTheWriterThreeTimes(seed, load, members, kills),
                this::phase);
    }

    /**
     * Three times, after a random count of accepted requests in its third of the run: finds the
     * writer, kills it with SIGKILL, measures the time until another node says it writes, and starts
     * the killed node again, as a follower.
     */
    private void killTheWriterThreeTimes(long seed, LiveLoad load, List<Member> members, List<String> kills)
            throws Exception {
        Random random = new Random(seed + 1);
        for (int k = 0; k < 3; k++) {
            int after = 1_000 + k * 2_800 + random.nextInt(2_000);
            while (load.accepted.get() < after) {
                if (load.abandoned) {
                    return;
                }
                Thread.sleep(5);
            }
            Member writer = theWriter(members);
            int at = load.accepted.get();
            long killed = System.nanoTime();
            writer.process.kill();
            Member next = awaitAnotherWriter(members, writer);
            long takeover = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
            writer.restart();
            kills.add(writer.name + " after " + at + " accepted; " + next.name + " writes after " + takeover + " ms");
        }
    }

    private static Member theWriter(List<Member> members) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < giveUp) {
            for (Member member : members) {
                if (member.writes()) {
                    return member;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no node says it writes for 30 s");
    }

    private static Member awaitAnotherWriter(List<Member> members, Member old) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < giveUp) {
            for (Member member : members) {
                if (member != old && member.writes()) {
                    return member;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no node took over within 30 s of " + old.name + "'s end");
    }

    private void checkAfterKills(LiveLoad load, List<Member> members) throws Exception {
        load.verify(members.get(1).client, tokens, worldFile, 10_000);
        phase("export and checks");
        assertThat(bookProblems(load, members))
                .as("every node's book tells each request as the others do")
                .isEmpty();
        assertThat(epochProblems()).as("the epochs along the log").isEmpty();
        assertThat(distinctEpochs())
                .as("the first writer and one after each kill")
                .isGreaterThanOrEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM inbox WHERE outcome IS NULL"))
                .as("forwarded commands no writer answered")
                .isZero();
        assertThat(writers(members)).as("nodes that say they write").hasSize(1);

        // A new node replays the whole command log, checking each event it makes against the
        // stored one byte for byte; it refuses to start on the first difference.
        ServeProcess replay =
                start("replay", List.of("--db", url, "--port", Integer.toString(LiveLoad.freePort()), "--node", "r"));
        Matcher replayed = REPLAYED.matcher(replay.stderr());
        assertThat(replayed.find())
                .as("the replaying node's log says what it replayed")
                .isTrue();
        assertThat(Long.parseLong(replayed.group(1)))
                .as("commands replayed to byte-identical events")
                .isEqualTo(count("SELECT COUNT(*) FROM command"));
        phase("replay");
    }

    /** A sample of requests, read from each node: every book says the same of each. */
    private List<String> bookProblems(LiveLoad load, List<Member> members) throws Exception {
        List<String> problems = new ArrayList<>();
        List<String> ids = new ArrayList<>(load.ids.values());
        for (int i = 0; i < ids.size() && problems.size() < 20; i += 20) {
            String path = "/v1/requests/" + ids.get(i);
            String first =
                    LiveLoad.getOk(members.get(0).client, tokens.admin(), path).body();
            for (Member member : members.subList(1, members.size())) {
                String other =
                        LiveLoad.getOk(member.client, tokens.admin(), path).body();
                if (!other.equals(first)) {
                    problems.add(ids.get(i) + ": a says " + first + "; " + member.name + " says " + other);
                }
            }
        }
        return problems;
    }

    // -- a writer paused while another takes over

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aWriterPausedWhileAnotherTookOverStoresNothingWhenItGoesOn() throws Exception {
        setUp("fencing");
        int portA = LiveLoad.freePort();
        int portB = LiveLoad.freePort();
        Member a = new Member("a", portA, start("a", args("a", portA, true)));
        Member b = new Member("b", portB, start("b", args("b", portB, false)));
        List<Member> members = List.of(a, b);
        assertThat(a.writes()).as("a, the first node, writes").isTrue();
        submit(b, "before-", 20);
        long epochOfA = epoch();

        a.process.pause();
        terminateSessionsOf("a");
        Member next = awaitAnotherWriter(members, a);
        assertThat(next).isSameAs(b);
        // A request a client sends to the paused writer waits in its socket.
        CompletableFuture<HttpResponse<String>> toPaused = CompletableFuture.supplyAsync(() -> {
            try {
                return a.client.post(tokens.research(), "/v1/requests", body(), "Idempotency-Key", "sent-while-paused");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        submit(b, "during-", 20);
        long epochOfB = epoch();
        assertThat(epochOfB).isGreaterThan(epochOfA);

        a.process.resume();
        HttpResponse<String> answered = toPaused.get(60, TimeUnit.SECONDS);
        awaitFollower(a);
        submit(a, "after-", 20);

        assertThat(answered.statusCode())
                .as("the paused writer's answer to the request it held: %s", answered.body())
                .isIn(201, 503);
        assertThat(count("SELECT COUNT(*) FROM event WHERE epoch = " + epochOfA
                        + " AND seq > (SELECT MIN(seq) FROM event WHERE epoch = " + epochOfB + ")"))
                .as("events stored in a's epoch after b claimed the next")
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM command WHERE epoch = " + epochOfA
                        + " AND seq > (SELECT MIN(seq) FROM command WHERE epoch = " + epochOfB + ")"))
                .as("commands stored in a's epoch after b claimed the next")
                .isZero();
        assertThat(epochProblems()).as("the epochs along the log").isEmpty();
        assertThat(writers(members)).as("nodes that say they write").containsExactly("b");
        assertThat(a.process.stderr()).as("a's log").contains("stops writing");
    }

    // -- a node cut off from the database

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aWriterCutOffFromTheDatabaseEndsInOneNewWriterNotTwo() throws Exception {
        long seed = ThreadLocalRandom.current().nextLong();
        setUp("partition");
        List<Member> members = threeNodes();
        LiveLoad load = new LiveLoad(20);
        List<LiveLoad.Planned> plan = LiveLoad.plan(seed, Instant.now(), 600, "partition-");
        LiveLoad.Route route = (index, attempt) -> members.get((index + attempt) % members.size()).client;
        long epochBefore = epoch();
        load.run(
                route,
                plan,
                tokens,
                6,
                seed,
                members.get(0).client,
                () -> {
                    while (load.accepted.get() < 200) {
                        Thread.sleep(10);
                    }
                    terminateSessionsOf(theWriter(members).name);
                    awaitNewEpoch(epochBefore);
                },
                done -> {});
        load.verify(members.get(2).client, tokens, worldFile, plan.size());
        assertThat(epochProblems()).as("the epochs along the log").isEmpty();
        assertThat(epoch()).as("the epoch after the partition").isGreaterThan(epochBefore);
        List<String> writers = writers(members);
        assertThat(writers).as("nodes that say they write").hasSize(1);
        assertThat(writers.get(0)).as("the writer the store names").isEqualTo(writerNamed());
    }

    // -- H2 is one node's alone

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aSecondNodeOnAnH2StoreIsRefusedAndTold() throws Exception {
        setUp("h2");
        Path data = dir.resolve("data");
        int port = LiveLoad.freePort();
        start(
                "first",
                List.of(
                        "--data",
                        data.toString(),
                        "--port",
                        Integer.toString(port),
                        "--scenario",
                        worldFile.toString()));
        // A process of its own, as an operator would start it: what it prints is all it prints.
        Process second = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classPath,
                        Main.class.getName(),
                        "serve",
                        "--data",
                        data.toString(),
                        "--port",
                        Integer.toString(LiveLoad.freePort()))
                .redirectErrorStream(true)
                .start();
        String said = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue())
                .as("the second node's exit code; it said: %s", said)
                .isEqualTo(Main.FAILURE);
        assertThat(said.lines().toList()).as("all the second node said").hasSize(1);
        assertThat(said)
                .startsWith("tender: cannot open the store at jdbc:h2:file:")
                .contains("another process has this H2 store open")
                .contains("--db jdbc:postgresql://")
                .doesNotContain("\tat ");
        assertThat(new NodeClient(port).get(tokens.admin(), "/health").statusCode())
                .as("the first node serves on")
                .isEqualTo(200);
    }

    // -- small things

    private void submit(Member member, String keys, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response =
                    member.client.post(tokens.research(), "/v1/requests", body(), "Idempotency-Key", keys + i);
            assertThat(response.statusCode())
                    .as("%s%d through %s: %s", keys, i, member.name, response.body())
                    .isEqualTo(201);
        }
    }

    private static String body() {
        return "{\"workload\": \"training\", \"accelerator\": \"H100\", \"units\": 5, \"start\": \""
                + Instant.now().plusSeconds(86_400).truncatedTo(ChronoUnit.HOURS)
                + "\", \"hours\": 4}";
    }

    private static void awaitFollower(Member member) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < giveUp) {
            Optional<JsonNode> health = member.health();
            if (health.isPresent() && health.get().path("role").asText().equals("follower")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(member.name + " does not follow 30 s after it went on");
    }

    private void awaitNewEpoch(long before) throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (epoch() <= before) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("no new writer 30 s after the partition");
            }
            Thread.sleep(20);
        }
    }

    /** The names of the nodes that say they write, once the nodes have had a takeover interval to settle. */
    private static List<String> writers(List<Member> members) throws InterruptedException {
        Thread.sleep(2_500);
        List<String> writers = new ArrayList<>();
        for (Member member : members) {
            if (member.writes()) {
                writers.add(member.name);
            }
        }
        return writers;
    }

    /** Each row of the log stored by the writer of its epoch: epochs never go back along the seqs. */
    private List<String> epochProblems() throws SQLException {
        List<String> problems = new ArrayList<>();
        for (String table : List.of("command", "event")) {
            try (Connection connection = DriverManager.getConnection(url);
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT seq, epoch FROM " + table + " ORDER BY seq")) {
                long last = 0;
                while (rows.next() && problems.size() < 20) {
                    long epoch = rows.getLong("epoch");
                    if (epoch < last) {
                        problems.add(table + " " + rows.getLong("seq") + " has epoch " + epoch + " after " + last);
                    }
                    last = Math.max(last, epoch);
                }
            }
        }
        return problems;
    }

    private long distinctEpochs() throws SQLException {
        return count("SELECT COUNT(DISTINCT epoch) FROM event");
    }

    private long epoch() throws SQLException {
        return count("SELECT epoch FROM writer");
    }

    private String writerNamed() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT node FROM writer")) {
            row.next();
            return row.getString(1);
        }
    }

    private long count(String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** What a network partition does to a node: the database ends every session of it. */
    private void terminateSessionsOf(String node) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '" + node + "'");
        }
    }

    private void phase(String name) {
        long now = System.nanoTime();
        phases.put(name, String.format(Locale.ROOT, "%.1f", (now - phaseBegan) / 1e9));
        phaseBegan = now;
    }

    private List<String> errorLines() {
        List<String> errors = new ArrayList<>();
        for (ServeProcess node : processes) {
            node.stderr()
                    .lines()
                    .filter(line -> line.contains(" ERROR ") || line.contains(" WARN "))
                    .limit(20)
                    .forEach(line -> errors.add(node.name() + ": " + line));
        }
        return errors;
    }
}
