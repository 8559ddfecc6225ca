package dev.tender.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer's turn on PostgreSQL: two nodes, node-a and node-b, each with a store of its own on
 * one database, as two processes would have. Each test has a database of its own.
 */
class LeaseTest {

    /** How long a node may take to see what the other did: the server frees a lock or delivers a notification. */
    private static final Duration SOON = Duration.ofSeconds(10);

    private final EmbeddedPostgresDatabase database = EmbeddedPostgresDatabase.create();
    private final Store nodeA = Store.open(database.url(), null, null, "node-a");
    private final Store nodeB = Store.open(database.url(), null, null, "node-b");
    private final Lease leaseA = nodeA.lease().orElseThrow();
    private final Lease leaseB = nodeB.lease().orElseThrow();

    @AfterEach
    void closeTheStores() {
        nodeA.close();
        nodeB.close();
    }

    /** Ends, from the server's side, every connection of {@code node} to this test's database. */
    private int terminateTheConnectionsOf(String node) throws SQLException {
        try (Connection admin = DriverManager.getConnection(database.url());
                PreparedStatement terminate = admin.prepareStatement("SELECT pg_terminate_backend(pid)"
                        + " FROM pg_stat_activity WHERE application_name = ? AND datname = ?")) {
            terminate.setString(1, node);
            terminate.setString(2, database.name());
            int terminated = 0;
            try (ResultSet rows = terminate.executeQuery()) {
                while (rows.next()) {
                    if (rows.getBoolean(1)) {
                        terminated++;
                    }
                }
            }
            return terminated;
        }
    }

    /** Tries for the lock until it is won or {@link #SOON} has passed; whether it was won. */
    private static boolean acquiresSoon(Lease lease) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(SOON);
        while (!lease.tryAcquire()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** Every channel {@code lease} is notified on until {@code channel} is among them or {@link #SOON} has passed. */
    private static List<String> channelsNotifiedUntil(Lease lease, String channel) throws SQLException {
        Instant deadline = Instant.now().plus(SOON);
        List<String> notified = new ArrayList<>();
        while (!notified.contains(channel) && Instant.now().isBefore(deadline)) {
            lease.await(200).forEach(notice -> notified.add(notice.channel()));
        }
        return notified;
    }

    private static Batch oneCommand(long seq) {
        return new Batch(
                List.of(new StoredCommand(seq, CommandLogContract.AT, "submit", "{}")),
                List.of(),
                List.of(),
                List.of());
    }

    @Test
    void theFirstNodeToTryTakesTheWritersTurnAndTheSecondDoesNot() throws SQLException {
        assertThat(leaseA.held()).isFalse();

        assertThat(leaseA.tryAcquire()).isTrue();
        assertThat(leaseB.tryAcquire()).isFalse();

        assertThat(leaseA.held()).isTrue();
        assertThat(leaseB.held()).isFalse();
        assertThat(leaseA.tryAcquire()).isTrue();
        assertThat(leaseB.tryAcquire()).isFalse();
    }

    @Test
    void whenTheWriterDropsItsLeaseTheOtherNodeTakesTheTurn() throws SQLException, InterruptedException {
        assertThat(leaseA.tryAcquire()).isTrue();
        assertThat(leaseB.tryAcquire()).isFalse();

        leaseA.drop();

        assertThat(leaseA.held()).isFalse();
        assertThat(acquiresSoon(leaseB)).isTrue();
        assertThat(leaseA.tryAcquire()).isFalse();
    }

    @Test
    void whenTheWritersStoreClosesTheOtherNodeTakesTheTurn() throws SQLException, InterruptedException {
        assertThat(leaseA.tryAcquire()).isTrue();

        nodeA.close();

        assertThat(acquiresSoon(leaseB)).isTrue();
    }

    /**
     * The server ends node-a's connections, as it would one cut off or killed: node-b takes the turn
     * without node-a's word, and node-a learns of its loss at its next wait.
     */
    @Test
    void whenTheServerEndsTheWritersConnectionTheOtherNodeTakesTheTurnAndTheWriterLearnsAtItsNextWait()
            throws SQLException, InterruptedException {
        assertThat(leaseA.tryAcquire()).isTrue();
        assertThat(leaseB.tryAcquire()).isFalse();

        assertThat(terminateTheConnectionsOf("node-a")).isPositive();

        assertThat(acquiresSoon(leaseB)).isTrue();
        assertThatThrownBy(() -> leaseA.await(200)).isInstanceOf(SQLException.class);
        leaseA.drop();
        assertThat(leaseA.tryAcquire()).isFalse();
        assertThat(leaseB.held()).isTrue();
    }

    @Test
    void aNodeWaitingWhileNothingHappensIsNotifiedOfNothing() throws SQLException {
        assertThat(leaseB.tryAcquire()).isTrue();

        assertThat(leaseB.await(200)).isEmpty();
    }

    @Test
    void theWritersBatchNotifiesTheLogChannelAndAForwardedCommandTheInboxChannel() throws SQLException {
        assertThat(leaseA.tryAcquire()).isTrue();
        assertThat(leaseB.tryAcquire()).isFalse(); // node-b now listens
        long epoch = nodeA.commands().claimEpoch("node-a");

        nodeA.commands().append(epoch, oneCommand(1));

        assertThat(channelsNotifiedUntil(leaseB, CommandLog.LOG_CHANNEL))
                .contains(CommandLog.LOG_CHANNEL)
                .doesNotContain(CommandLog.INBOX_CHANNEL);
        assertThat(nodeB.commands().lastCommandSeq()).isEqualTo(1);

        long forwarded = nodeB.commands().forward("node-b", "submit", "{}");

        assertThat(channelsNotifiedUntil(leaseA, CommandLog.INBOX_CHANNEL)).contains(CommandLog.INBOX_CHANNEL);
        assertThat(nodeA.commands().waitingInInbox(10))
                .containsExactly(new Forwarded(forwarded, "node-b", "submit", "{}"));
    }

    @Test
    void theWritersNoticeTellsTheOutcomesOfTheForwardedCommandsItAnswered() throws SQLException {
        assertThat(leaseB.tryAcquire()).isTrue();
        assertThat(leaseA.tryAcquire()).isFalse(); // node-a now listens
        long first = nodeA.commands().forward("node-a", "submit", "{}");
        long second = nodeA.commands().forward("node-a", "cancel", "{}");
        long epoch = nodeB.commands().claimEpoch("node-b");
        // Outcomes with spaces and escaped line breaks, and enough of them to need two payloads.
        String reason = "{\"type\":\"refused\",\"reason\":\"a b\\nc " + "x".repeat(7_000) + "\"}";

        nodeB.commands()
                .append(
                        epoch,
                        new Batch(
                                List.of(new StoredCommand(1, CommandLogContract.AT, "submit", "{}")),
                                List.of(),
                                List.of(),
                                List.of(
                                        new Outcome(first, "{\"type\":\"cancel\"}", 7),
                                        new Outcome(second, reason, 7))));

        Instant deadline = Instant.now().plus(SOON);
        List<Outcome> told = new ArrayList<>();
        while (told.size() < 2 && Instant.now().isBefore(deadline)) {
            leaseA.await(200).forEach(notice -> told.addAll(notice.outcomes()));
        }
        assertThat(told)
                .containsExactly(new Outcome(first, "{\"type\":\"cancel\"}", 7), new Outcome(second, reason, 7));
    }

    @Test
    void aBatchTheLogRefusesNotifiesNoOne() throws SQLException {
        long old = nodeA.commands().claimEpoch("node-a");
        nodeB.commands().claimEpoch("node-b");
        assertThat(leaseB.tryAcquire()).isTrue();

        assertThatThrownBy(() -> nodeA.commands().append(old, oneCommand(1))).isInstanceOf(Fenced.class);

        assertThat(leaseB.await(500)).isEmpty();
    }

    @Test
    void aStoreOnH2HasNoLeaseForOneProcessAloneOpensIt(@TempDir Path folder) {
        try (Store store = Store.open(Store.defaultUrl(folder), null, null, "node-a")) {
            assertThat(store.lease()).isEmpty();
        }
    }
}
