package dev.tender.server.node;

import static dev.tender.server.node.LiveNode.T0;
import static dev.tender.server.node.LiveNode.demand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.tender.demand.RequestId;
import dev.tender.provider.ProviderId;
import dev.tender.server.node.RequestBook.RequestView;
import dev.tender.store.CommandLog;
import dev.tender.store.EmbeddedPostgresDatabase;
import dev.tender.store.Outcome;
import dev.tender.store.Store;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several nodes in one JVM on one PostgreSQL database (ADR 0016), each with a store, a pool and a
 * lease of its own: the first to join writes, the others follow and forward what their clients
 * send, and when the writer's connection ends another takes over in a new epoch with nothing lost.
 * Every node reads the one clock the test holds still, so no timer fires unless a test says so.
 */
class NodeClusterTest {

    /** How often a follower tries for the lease: short, so a takeover takes a fraction of a second. */
    private static final Duration TAKEOVER = Duration.ofMillis(200);

    private final SettableClock clock = new SettableClock(T0);
    private final List<Member> members = new ArrayList<>();
    private final List<Store> bystanders = new ArrayList<>();
    private String url = "";

    /** One node of the cluster and the store it alone uses. */
    private record Member(String name, Store store, Node node) {

        CommandLog log() {
            return store.commands();
        }

        /** Stops the node, then closes its store, which ends its lease's connection and frees the lock. */
        void leave() {
            node.close();
            store.close();
        }
    }

    @BeforeEach
    void newDatabase() {
        url = EmbeddedPostgresDatabase.create().url();
    }

    @AfterEach
    void everyNodeAndStoreCloses() {
        RuntimeException first = null;
        // The followers first, so none takes over from a writer that is closing.
        for (int i = members.size() - 1; i >= 0; i--) {
            try {
                members.get(i).leave();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        for (Store store : bystanders) {
            try {
                store.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Test
    void theFirstNodeToJoinWritesAndTheOthersFollowUnderItsEpoch() throws InterruptedException {
        Member a = joinAndAwaitWriting("node-a");
        Member b = join("node-b");
        Member c = join("node-c");

        // Several takeover intervals: the followers try for the lease, and a keeps it.
        Thread.sleep(TAKEOVER.multipliedBy(5).toMillis());

        assertThat(a.node().role()).isEqualTo(Node.Role.WRITER);
        assertThat(b.node().role()).isEqualTo(Node.Role.FOLLOWER);
        assertThat(c.node().role()).isEqualTo(Node.Role.FOLLOWER);
        assertThat(a.node().epoch()).isPositive();
        assertThat(b.node().epoch()).isEqualTo(a.node().epoch());
        assertThat(c.node().epoch()).isEqualTo(a.node().epoch());
        assertThat(a.log().writer()).isEqualTo(new CommandLog.Writer(a.node().epoch(), "node-a"));
    }

    @Test
    void aSubmissionThroughAFollowerIsStoredByTheWriterAndTheFollowerShowsItWhenItAnswers() throws SQLException {
        Member a = loadedWriter("node-a");
        Member b = join("node-b");
        Command.Submit submit = submitOf("key-1", 100);

        Submission first = outcomeOf(b.node().execute(submit));

        assertThat(first).isInstanceOf(Submission.Accepted.class);
        RequestId id = ((Submission.Accepted) first).request();
        // Read-your-writes on the node that answered: its book has read as far as the writer stored.
        RequestView onFollower = b.node().requests().find(id).orElseThrow();
        assertThat(onFollower.request().id()).isEqualTo(id);
        assertThat(onFollower.routed()).isNotNull();
        // The writer applies to its book just after it stores, so it may show it a moment later.
        eventually(
                "the writer's book shows " + id,
                () -> a.node().requests().find(id).isPresent());
        assertThat(a.node().requests().find(id)).contains(onFollower);
        assertThat(a.log().lastCommandSeq()).as("the world and the submission").isEqualTo(2);
        assertThat(commandEpochs()).containsExactly(a.node().epoch(), a.node().epoch());

        assertThat(outcomeOf(a.node().execute(submit)))
                .as("a retry through the writer")
                .isEqualTo(new Submission.Repeated(id));
        assertThat(outcomeOf(b.node().execute(submit)))
                .as("a retry through the follower")
                .isEqualTo(new Submission.Repeated(id));
        assertThat(a.log().lastCommandSeq()).as("a retry stores nothing").isEqualTo(2);
        assertThat(b.node().requests().size()).isEqualTo(1);
    }

    /**
     * A change of the world makes no event: the follower answers once it has applied the command
     * itself, not only read as far as the events, so its world shows the clause when it answers,
     * even while reads keep it busy.
     */
    @Test
    void aClauseAddedThroughABusyFollowerIsInItsWorldWhenItAnswers() throws InterruptedException {
        loadedWriter("node-a");
        Member b = join("node-b");
        AtomicBoolean busy = new AtomicBoolean(true);
        Thread reads = new Thread(() -> {
            while (busy.get()) {
                outcomeOf(b.node().read(engine -> engine.world().isPresent()));
            }
        });
        reads.start();
        List<String> missing = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                String id = "cw-commit-" + i;
                Command.WorldEdit added = outcomeOf(b.node()
                        .execute(new Command.AddAgreement("{\"id\": \"" + id + "\", \"kind\": \"commitment\","
                                + " \"provider\": \"coreweave\", \"amount\": 1000000, \"from\": \"2026-07-01T00:00:00Z\","
                                + " \"until\": \"2027-07-01T00:00:00Z\"}")));
                assertThat(added.problems()).as(id).isEmpty();
                boolean shown = b.node().world().orElseThrow().world().agreements().all().stream()
                        .anyMatch(agreement -> agreement.id().value().equals(id));
                if (!shown) {
                    missing.add(id);
                }
            }
        } finally {
            busy.set(false);
            reads.join();
        }
        assertThat(missing)
                .as("clauses the follower answered for before its world showed them")
                .isEmpty();
    }

    @Test
    void whenTheWritersStoreClosesAFollowerTakesOverInALaterEpochAndLosesNothingForwarded() throws SQLException {
        Member a = loadedWriter("node-a");
        Member b = join("node-b");
        long epochOfA = a.node().epoch();
        RequestId before = accepted(b, "before-takeover", 100);

        CompletableFuture<Submission> justBefore = b.node().execute(submitOf("just-before-takeover", 200));
        a.leave();
        within(
                Duration.ofSeconds(3),
                "b writes once a's lease connection ended",
                () -> b.node().role() == Node.Role.WRITER);

        assertThat(b.node().epoch()).isGreaterThan(epochOfA);
        assertThat(b.log().writer()).isEqualTo(new CommandLog.Writer(b.node().epoch(), "node-b"));
        RequestId after = accepted(b, "after-takeover", 300);
        Submission forwarded = outcomeOf(justBefore);
        assertThat(forwarded).as("the command b forwarded just before a left").isInstanceOf(Submission.Accepted.class);
        RequestId handedJustBefore = ((Submission.Accepted) forwarded).request();

        assertThat(List.of(before, handedJustBefore, after)).doesNotHaveDuplicates();
        for (RequestId id : List.of(before, handedJustBefore, after)) {
            assertThat(b.node().requests().find(id)).as("b's book of %s", id).isPresent();
        }
        assertThat(b.node().requests().size()).isEqualTo(3);
        assertThat(b.log().lastCommandSeq())
                .as("the world and three submissions, each once")
                .isEqualTo(4);
        assertThat(commandEpochs())
                .as("the epochs along the command log")
                .isSorted()
                .startsWith(epochOfA)
                .endsWith(b.node().epoch());
        assertThat(outcomeOf(b.node().execute(submitOf("just-before-takeover", 200))))
                .as("a retry of the forwarded command through the new writer")
                .isEqualTo(new Submission.Repeated(handedJustBefore));
    }

    @Test
    void aFollowerReadsTheLedgerFromItsOwnEngineAsTheWriterCountsIt() {
        Member a = loadedWriter("node-a");
        Member b = join("node-b");
        accepted(b, "read-after-this", 100);

        List<PoolCapacity> onFollower = outcomeOf(b.node().read(engine -> engine.capacity(T0, pool -> true)));
        List<PoolCapacity> onWriter = outcomeOf(a.node().read(engine -> engine.capacity(T0, pool -> true)));

        assertThat(onFollower)
                .extracting(pool -> pool.pool().toString(), PoolCapacity::online)
                .containsExactly(
                        tuple("azure-east/H100", 1000L),
                        tuple("cw-plano/H100", 600L),
                        tuple("oracle-abilene/H100", 600L));
        assertThat(onFollower).isEqualTo(onWriter);
        assertThat(b.node().world()).isPresent();
        assertThat(b.node().role()).as("a read does not make a follower write").isEqualTo(Node.Role.FOLLOWER);
    }

    @Test
    void aForwardedCommandNoWriterTookWithinAMinuteIsAnsweredAsExpiredAndNeverApplied() throws SQLException {
        Member a = loadedWriter("node-a");
        a.leave();
        // Handed in while no node wrote, by a node that is gone, more than a minute ago.
        Store hands = Store.open(url, null, null, "node-gone");
        bystanders.add(hands);
        CommandLog log = hands.commands();
        long commands = log.lastCommandSeq();
        Command.Submit late = submitOf("handed-long-ago", 100);
        long id = log.forward("node-gone", late.kind(), CommandCodec.body(late));
        handedSecondsEarlier(id, 120);

        Member b = join("node-b");
        within(Duration.ofSeconds(3), "b writes", () -> b.node().role() == Node.Role.WRITER);
        within(Duration.ofSeconds(10), "an answer to the late command", () -> !log.outcomes("node-gone", List.of(id))
                .isEmpty());

        assertThat(log.outcomes("node-gone", List.of(id))).containsExactly(new Outcome(id, OutcomeCodec.EXPIRED, 0));
        assertThat(log.waitingInInbox(10)).isEmpty();
        assertThat(log.lastCommandSeq()).as("no command stored for it").isEqualTo(commands);
        assertThat(b.node().requests().size()).isZero();
        assertThat(outcomeOf(b.node().execute(late)))
                .as("the same key sent again, as new")
                .isInstanceOf(Submission.Accepted.class);
    }

    // -- the cluster

    private Member join(String name) {
        Store store = Store.open(url, null, null, name);
        try {
            Node node = Node.join(
                    store.commands(),
                    store.lease().orElseThrow(),
                    clock,
                    Activity.NONE,
                    new Node.Cluster(name, TAKEOVER));
            Member member = new Member(name, store, node);
            members.add(member);
            return member;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private Member joinAndAwaitWriting(String name) {
        Member member = join(name);
        within(Duration.ofSeconds(5), name + " writes", () -> member.node().role() == Node.Role.WRITER);
        return member;
    }

    /** The first node, writing, with the test world loaded through it. */
    private Member loadedWriter(String name) {
        Member member = joinAndAwaitWriting(name);
        Command.WorldEdit load = outcomeOf(member.node()
                .execute(WorldFile.load(LiveNode.worldText(), "live-world.yaml", Set.of(new ProviderId("oracle")))));
        assertThat(load.problems()).isEmpty();
        return member;
    }

    private static Command.Submit submitOf(String key, int units) {
        return new Command.Submit(demand("research", "training", units, T0.plus(Duration.ofDays(1)), 10), key);
    }

    private static RequestId accepted(Member member, String key, int units) {
        Submission submission = outcomeOf(member.node().execute(submitOf(key, units)));
        assertThat(submission).as("%s through %s", key, member.name()).isInstanceOf(Submission.Accepted.class);
        return ((Submission.Accepted) submission).request();
    }

    private static <R> R outcomeOf(CompletableFuture<R> outcome) {
        return LiveNode.join(outcome);
    }

    // -- the database, as an operator sees it

    /** The epoch that stored each command, in seq order. */
    private List<Long> commandEpochs() throws SQLException {
        List<Long> epochs = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
                PreparedStatement query = connection.prepareStatement("SELECT epoch FROM command ORDER BY seq");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                epochs.add(rows.getLong(1));
            }
        }
        return epochs;
    }

    private void handedSecondsEarlier(long inboxId, int seconds) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE inbox SET handed = handed - CAST(? AS INTEGER) * INTERVAL '1' SECOND WHERE id = ?")) {
            update.setInt(1, seconds);
            update.setLong(2, inboxId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    // -- waiting

    private static void eventually(String what, BooleanSupplier condition) {
        within(Duration.ofSeconds(5), what, condition);
    }

    private static void within(Duration limit, String what, BooleanSupplier condition) {
        long until = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - until > 0) {
                throw new AssertionError("not within " + limit.toMillis() + " ms: " + what);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
