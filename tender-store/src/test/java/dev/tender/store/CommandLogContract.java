package dev.tender.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the command log does on any database. One database serves the whole class, so each test
 * appends after whatever the others stored, as the node does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CommandLogContract {

    static final Instant AT = Instant.parse("2026-03-01T12:00:00.123456Z");

    private Store store;
    private String url;
    CommandLog log;

    /** The URL of a database no one has used. */
    abstract String newDatabase();

    @BeforeAll
    void openTheStore() {
        url = newDatabase();
        store = Store.open(url);
        log = store.commands();
    }

    @AfterAll
    void closeTheStore() {
        store.close();
    }

    static StoredCommand command(long seq) {
        return new StoredCommand(seq, AT, "submit", "{\"seq\":" + seq + "}");
    }

    static StoredEvent event(long seq, String request) {
        return new StoredEvent(seq, AT, request, "SUBMITTED", "{\"seq\":" + seq + ",\"request\":\"" + request + "\"}");
    }

    /** {@code count} commands after the last stored one. */
    List<StoredCommand> nextCommands(int count) {
        long last = log.lastCommandSeq();
        return LongStream.rangeClosed(last + 1, last + count)
                .mapToObj(CommandLogContract::command)
                .toList();
    }

    /** {@code count} events of {@code request} after the last stored one. */
    List<StoredEvent> nextEvents(int count, String request) {
        long last = log.lastEventSeq();
        return LongStream.rangeClosed(last + 1, last + count)
                .mapToObj(seq -> event(seq, request))
                .toList();
    }

    @Test
    void givesBackEveryCharacterOfTheBodiesAndLinesAndEveryMicrosecondOfTheInstants() {
        long c = log.lastCommandSeq();
        long e = log.lastEventSeq();
        String large = "{\"world\":\"" + "x".repeat(2_000_000) + "\"}";
        List<StoredCommand> commands = List.of(
                new StoredCommand(
                        c + 1, Instant.parse("2019-03-31T01:30:00.123456Z"), "submit", "{\"a\":\"\\\"é\\u00e9\"}"),
                new StoredCommand(
                        c + 2, Instant.parse("1969-12-31T23:59:59.999999Z"), "answer", "  leading and trailing  \n"),
                new StoredCommand(c + 3, Instant.parse("2026-10-25T00:59:59.000001Z"), "load-world", large),
                new StoredCommand(c + 4, Instant.EPOCH, "tick", ""));
        List<StoredEvent> events = List.of(
                new StoredEvent(
                        e + 1,
                        Instant.parse("2019-10-27T01:00:00.000001Z"),
                        "r-ünïcødé",
                        "SUBMITTED",
                        "{\"note\":\"tabs\\there, 日本語, emoji 😀, backslash \\\\ and quote \\\"\"}"),
                new StoredEvent(e + 2, Instant.parse("9999-12-31T23:59:59.999999Z"), "r-ünïcødé", "CLOSED", "{}\r"));

        log.append(commands, events);

        List<StoredCommand> read = new ArrayList<>();
        log.forEachCommand(read::add);
        assertThat(read.subList(read.size() - 4, read.size())).isEqualTo(commands);
        assertThat(read.get(read.size() - 2).body()).hasSize(large.length());
        assertThat(log.eventsAfter(e, 10)).isEqualTo(events);
        assertThat(log.lastCommandSeq()).isEqualTo(c + 4);
        assertThat(log.lastEventSeq()).isEqualTo(e + 2);
    }

    @Test
    void anAppendOfNothingStoresNothing() {
        long c = log.lastCommandSeq();
        long e = log.lastEventSeq();

        log.append(List.of(), List.of());

        assertThat(log.lastCommandSeq()).isEqualTo(c);
        assertThat(log.lastEventSeq()).isEqualTo(e);
    }

    @Test
    void commandsWithoutEventsAndEventsWithoutCommandsAreStoredAlike() {
        long c = log.lastCommandSeq();
        long e = log.lastEventSeq();

        log.append(nextCommands(2), List.of());
        log.append(List.of(), nextEvents(3, "r-timer"));

        assertThat(log.lastCommandSeq()).isEqualTo(c + 2);
        assertThat(log.lastEventSeq()).isEqualTo(e + 3);
    }

    @Test
    void refusesCommandsThatLeaveAGapAndStoresNoneOfTheGroup() {
        long c = log.lastCommandSeq();
        long e = log.lastEventSeq();

        assertThatThrownBy(() -> log.append(List.of(command(c + 2)), nextEvents(2, "r-gap")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("command " + (c + 2) + " does not follow the last stored command, " + c);

        assertThat(log.lastCommandSeq()).isEqualTo(c);
        assertThat(log.lastEventSeq()).isEqualTo(e);
    }

    @Test
    void refusesEventsThatLeaveAGapAndStoresNoneOfTheGroup() {
        long c = log.lastCommandSeq();
        long e = log.lastEventSeq();

        assertThatThrownBy(() -> log.append(nextCommands(2), List.of(event(e + 2, "r-gap"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event " + (e + 2) + " does not follow the last stored event, " + e);

        assertThat(log.lastCommandSeq()).isEqualTo(c);
        assertThat(log.lastEventSeq()).isEqualTo(e);
    }

    /** The commands go in first: the events' primary key refusing the last event must undo them. */
    @Test
    void aGroupWhoseLastEventIsStoredAlreadyLeavesNoneOfItsCommands() {
        log.append(nextCommands(1), nextEvents(2, "r-overlap"));
        long c = log.lastCommandSeq();
        long e = log.lastEventSeq();
        List<StoredCommand> commands = nextCommands(3);

        assertThatThrownBy(() -> log.append(commands, List.of(event(e, "r-overlap"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the seqs overlap the stored ones: commands " + (c + 1) + ".." + (c + 3) + " after " + c
                        + ", events " + e + ".." + e + " after " + e);

        assertThat(log.lastCommandSeq()).isEqualTo(c);
        assertThat(log.lastEventSeq()).isEqualTo(e);
        assertThat(log.eventsOf("r-overlap")).hasSize(2);
    }

    @Test
    void refusesCommandsThatOverlapTheStoredOnes() {
        log.append(nextCommands(2), List.of());
        long c = log.lastCommandSeq();
        long e = log.lastEventSeq();

        assertThatThrownBy(() -> log.append(List.of(command(c - 1), command(c), command(c + 1)), nextEvents(1, "r")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the seqs overlap the stored ones: commands " + (c - 1) + ".." + (c + 1));

        assertThat(log.lastCommandSeq()).isEqualTo(c);
        assertThat(log.lastEventSeq()).isEqualTo(e);
    }

    @Test
    void refusesAGroupWhoseSeqsDoNotCountUpByOne() {
        long c = log.lastCommandSeq();
        long e = log.lastEventSeq();

        assertThatThrownBy(() -> log.append(List.of(command(c + 1), command(c + 3)), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("command seqs must count up by one: " + (c + 3) + " after " + (c + 1));
        assertThatThrownBy(() -> log.append(List.of(), List.of(event(e + 1, "r"), event(e + 1, "r"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event seqs must count up by one: " + (e + 1) + " after " + (e + 1));

        assertThat(log.lastCommandSeq()).isEqualTo(c);
        assertThat(log.lastEventSeq()).isEqualTo(e);
    }

    @Test
    void eventsAfterGivesTheNextPageInSeqOrder() {
        long e = log.lastEventSeq();
        log.append(List.of(), nextEvents(25, "r-paged"));

        List<List<Long>> pages = new ArrayList<>();
        long after = e;
        List<StoredEvent> page;
        do {
            page = log.eventsAfter(after, 10);
            pages.add(page.stream().map(StoredEvent::seq).toList());
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).seq();
            }
        } while (!page.isEmpty());

        assertThat(pages)
                .containsExactly(
                        LongStream.rangeClosed(e + 1, e + 10).boxed().toList(),
                        LongStream.rangeClosed(e + 11, e + 20).boxed().toList(),
                        LongStream.rangeClosed(e + 21, e + 25).boxed().toList(),
                        List.of());
        assertThat(log.eventsAfter(e, 0)).isEmpty();
        assertThatThrownBy(() -> log.eventsAfter(e, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eventsOfGivesOneRequestsEventsInSeqOrder() {
        long e = log.lastEventSeq();
        log.append(nextCommands(1), List.of(event(e + 1, "r-alpha"), event(e + 2, "r-beta"), event(e + 3, "r-alpha")));
        log.append(nextCommands(1), List.of(event(e + 4, "r-beta"), event(e + 5, "r-alpha")));

        assertThat(log.eventsOf("r-alpha")).extracting(StoredEvent::seq).containsExactly(e + 1, e + 3, e + 5);
        assertThat(log.eventsOf("r-beta")).extracting(StoredEvent::seq).containsExactly(e + 2, e + 4);
        assertThat(log.eventsOf("r-alph")).isEmpty();
    }

    @Test
    void eventsOfManyRequestsComeInOneSeqOrder() {
        long e = log.lastEventSeq();
        log.append(
                nextCommands(1), List.of(event(e + 1, "r-many-1"), event(e + 2, "r-many-2"), event(e + 3, "r-many-3")));

        assertThat(log.eventsOf(List.of("r-many-3", "r-many-1", "r-none")))
                .extracting(StoredEvent::seq)
                .containsExactly(e + 1, e + 3);
        assertThat(log.eventsOf(List.<String>of())).isEmpty();
    }

    @Test
    void theRequestIndexAddsRequestsWithTheirSubmissionAndChangesTheirStateLater() {
        String tenant = "t-index-" + System.nanoTime();
        long e = log.lastEventSeq();
        StoredRequest first = new StoredRequest(e + 1, tenant + "-r1", tenant, "OPEN");
        StoredRequest second = new StoredRequest(e + 2, tenant + "-r2", tenant, "FULFILLED");
        StoredRequest other = new StoredRequest(e + 3, tenant + "-r3", tenant + "-other", "OPEN");
        log.append(
                nextCommands(1),
                List.of(event(e + 1, first.id()), event(e + 2, second.id()), event(e + 3, other.id())),
                List.of(first, second, other));
        // The first closes in a later group, beside an event of the third.
        log.append(nextCommands(1), List.of(event(e + 4, other.id())), List.of(first.in("CANCELLED")));

        assertThat(log.request(first.id())).contains(first.in("CANCELLED"));
        assertThat(log.request(tenant + "-none")).isEmpty();
        assertThat(log.requests(tenant, null, 0, 10)).containsExactly(first.in("CANCELLED"), second);
        assertThat(log.requests(tenant, null, first.seq(), 10)).containsExactly(second);
        assertThat(log.requests(tenant, "FULFILLED", 0, 10)).containsExactly(second);
        assertThat(log.requests(null, "OPEN", e, 10)).containsExactly(other);
        assertThat(log.requests(null, null, e, 2)).containsExactly(first.in("CANCELLED"), second);
        assertThatThrownBy(() -> log.requests(null, null, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStateChangeOfARequestNotStoredStoresNoneOfTheGroup() {
        long c = log.lastCommandSeq();
        long e = log.lastEventSeq();
        StoredRequest unknown = new StoredRequest(1, "r-never-stored", "t", "CANCELLED");

        assertThatThrownBy(() -> log.append(nextCommands(1), nextEvents(1, "r-x"), List.of(unknown)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("r-never-stored");
        assertThat(log.lastCommandSeq()).isEqualTo(c);
        assertThat(log.lastEventSeq()).isEqualTo(e);
    }

    @Test
    void requestStatesCountsTheRequestsOfATenantByState() {
        String tenant = "t-states-" + System.nanoTime();
        long e = log.lastEventSeq();
        log.append(
                nextCommands(1),
                List.of(event(e + 1, tenant + "-r1"), event(e + 2, tenant + "-r2"), event(e + 3, tenant + "-r3")));

        log.reindex(List.of(
                new StoredRequest(e + 1, tenant + "-r1", tenant, "OPEN"),
                new StoredRequest(e + 2, tenant + "-r2", tenant, "FULFILLED"),
                new StoredRequest(e + 3, tenant + "-r3", tenant, "OPEN")));

        assertThat(log.requestStates(tenant)).containsExactly(entry("FULFILLED", 1L), entry("OPEN", 2L));
        assertThat(log.requestStates("t-none-" + System.nanoTime())).isEmpty();
        assertThat(log.requestStates(null).get("OPEN")).isGreaterThanOrEqualTo(2L);
    }

    @Test
    void reindexAddsTheRowsOfALogStoredBeforeTheIndex() {
        String tenant = "t-reindex-" + System.nanoTime();
        long e = log.lastEventSeq();
        log.append(nextCommands(1), List.of(event(e + 1, tenant + "-r1"), event(e + 2, tenant + "-r2")));
        long before = log.requestCount();

        log.reindex(List.of(
                new StoredRequest(e + 1, tenant + "-r1", tenant, "OPEN"),
                new StoredRequest(e + 2, tenant + "-r2", tenant, "EXPIRED")));

        assertThat(log.requestCount()).isEqualTo(before + 2);
        assertThat(log.requests(tenant, "EXPIRED", 0, 10))
                .extracting(StoredRequest::id)
                .containsExactly(tenant + "-r2");
    }

    /**
     * Twenty thousand commands and their events go in as forty groups and come back a page at a
     * time, in order; the action may read the store meanwhile, as the node's replay does.
     */
    @Test
    void readsTwentyThousandCommandsBackInOrderAPageAtATime() {
        long firstCommand = log.lastCommandSeq() + 1;
        long firstEvent = log.lastEventSeq() + 1;
        for (int group = 0; group < 40; group++) {
            log.append(nextCommands(500), nextEvents(500, "r-bulk-" + group));
        }

        List<Long> commands = new ArrayList<>();
        log.forEachCommand(command -> {
            if (command.seq() == firstCommand) {
                assertThat(log.eventsAfter(firstEvent - 1, 1)).hasSize(1);
            }
            commands.add(command.seq());
        });
        List<Long> events = new ArrayList<>();
        log.forEachEvent(event -> events.add(event.seq()));

        assertThat(commands).hasSizeGreaterThanOrEqualTo(20_000);
        assertThat(commands)
                .isEqualTo(
                        LongStream.rangeClosed(1, log.lastCommandSeq()).boxed().toList());
        assertThat(events)
                .isEqualTo(LongStream.rangeClosed(1, log.lastEventSeq()).boxed().toList());
        assertThat(log.lastCommandSeq()).isEqualTo(firstCommand + 19_999);
        assertThat(log.lastEventSeq()).isEqualTo(firstEvent + 19_999);
    }

    // -- several nodes: the writer's epoch, and the inbox of forwarded commands

    /** The epoch each row of {@code table} from {@code from} to {@code to} was stored with, in seq order. */
    private List<Long> epochsOf(String table, long from, long to) {
        return Jdbi.create(url).withHandle(handle -> handle.createQuery(
                        "SELECT epoch FROM " + table + " WHERE seq BETWEEN :from AND :to ORDER BY seq")
                .bind("from", from)
                .bind("to", to)
                .mapTo(Long.class)
                .list());
    }

    /** The forwarded commands of {@code node} still waiting for an outcome, as the writer lists them. */
    private List<Forwarded> waitingFrom(String node) {
        return log.waitingInInbox(10_000).stream()
                .filter(forwarded -> forwarded.node().equals(node))
                .toList();
    }

    private static Batch batchOf(List<StoredCommand> commands, List<StoredEvent> events) {
        return new Batch(commands, events, List.of(), List.of());
    }

    @Test
    void eachClaimOfTheWritersTurnCountsTheEpochUpFromOneAndNamesTheNode() {
        try (Store fresh = Store.open(newDatabase())) {
            CommandLog newLog = fresh.commands();

            assertThat(newLog.writer()).isEqualTo(new CommandLog.Writer(0, ""));
            assertThat(newLog.claimEpoch("node-a")).isEqualTo(1);
            assertThat(newLog.writer()).isEqualTo(new CommandLog.Writer(1, "node-a"));
            assertThat(newLog.claimEpoch("node-b")).isEqualTo(2);
            assertThat(newLog.claimEpoch("node-a")).isEqualTo(3);
            assertThat(newLog.writer()).isEqualTo(new CommandLog.Writer(3, "node-a"));
        }
    }

    @Test
    void theWritersCommandsAndEventsAreStoredWithItsEpoch() {
        long epoch = log.claimEpoch("node-a");
        List<StoredCommand> commands = nextCommands(2);
        List<StoredEvent> events = nextEvents(3, "r-epoch");

        log.append(epoch, batchOf(commands, events));

        assertThat(log.writer()).isEqualTo(new CommandLog.Writer(epoch, "node-a"));
        assertThat(log.lastCommandSeq()).isEqualTo(commands.get(1).seq());
        assertThat(log.eventsOf("r-epoch")).containsExactlyElementsOf(events);
        assertThat(epochsOf("command", commands.get(0).seq(), commands.get(1).seq()))
                .containsExactly(epoch, epoch);
        assertThat(epochsOf("event", events.get(0).seq(), events.get(2).seq())).containsExactly(epoch, epoch, epoch);
    }

    /**
     * Node A wrote, then node B claimed the turn: A's next batch, with a new command, a new request,
     * a state change and the answer to a forwarded command, stores none of them; B's same batch does.
     */
    @Test
    void aWriterWhoseEpochWasOvertakenStoresNothingOfItsBatchWhileTheNewWriterStoresIt() {
        String tenant = "t-fenced-" + System.nanoTime();
        long old = log.claimEpoch("node-a");
        long e = log.lastEventSeq();
        StoredRequest earlier = new StoredRequest(e + 1, tenant + "-r1", tenant, "OPEN");
        log.append(old, new Batch(nextCommands(1), List.of(event(e + 1, earlier.id())), List.of(earlier), List.of()));
        long forwarded = log.forward("node-c", "submit", "{\"tenant\":\"" + tenant + "\"}");

        long current = log.claimEpoch("node-b");
        long c = log.lastCommandSeq();
        e = log.lastEventSeq();
        long requests = log.requestCount();
        StoredRequest added = new StoredRequest(e + 1, tenant + "-r2", tenant, "OPEN");
        Outcome outcome = new Outcome(forwarded, "{\"accepted\":true}", e + 1);
        Batch late = new Batch(
                nextCommands(2),
                List.of(event(e + 1, added.id())),
                List.of(added, earlier.in("CANCELLED")),
                List.of(outcome));

        assertThatThrownBy(() -> log.append(old, late))
                .isInstanceOf(Fenced.class)
                .hasMessage("epoch " + old + " is over: another node has become the writer since");

        assertThat(log.writer()).isEqualTo(new CommandLog.Writer(current, "node-b"));
        assertThat(log.lastCommandSeq()).isEqualTo(c);
        assertThat(log.lastEventSeq()).isEqualTo(e);
        assertThat(log.requestCount()).isEqualTo(requests);
        assertThat(log.request(earlier.id())).contains(earlier);
        assertThat(log.request(added.id())).isEmpty();
        assertThat(log.outcomes("node-c", List.of(forwarded))).isEmpty();
        assertThat(waitingFrom("node-c")).extracting(Forwarded::id).contains(forwarded);

        log.append(current, late);

        assertThat(log.lastCommandSeq()).isEqualTo(c + 2);
        assertThat(log.lastEventSeq()).isEqualTo(e + 1);
        assertThat(log.requestCount()).isEqualTo(requests + 1);
        assertThat(log.request(earlier.id())).contains(earlier.in("CANCELLED"));
        assertThat(log.request(added.id())).contains(added);
        assertThat(log.outcomes("node-c", List.of(forwarded))).containsExactly(outcome);
        assertThat(epochsOf("command", c + 1, c + 2)).containsExactly(current, current);
        assertThat(epochsOf("event", e + 1, e + 1)).containsExactly(current);
    }

    /**
     * A writer appends batch after batch while another node claims the turn, ten times over. What
     * the log holds when the claim returns is all the old writer ever stores: a batch in flight
     * either committed before the claim or is fenced, never stored after it. The batches are large,
     * so that the claim mostly comes while one is being stored: were the epoch checked apart from
     * the batch's transaction, that batch would commit after the claim returned.
     */
    @Test
    void aClaimLetsNoBatchOfTheOldEpochInAfterIt() throws InterruptedException {
        for (int round = 0; round < 10; round++) {
            long old = log.claimEpoch("node-a");
            long first = log.lastCommandSeq() + 1;
            CountDownLatch writing = new CountDownLatch(2);
            AtomicReference<@Nullable RuntimeException> ended = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                long next = first;
                try {
                    while (true) {
                        List<StoredCommand> batch = LongStream.range(next, next + 500)
                                .mapToObj(CommandLogContract::command)
                                .toList();
                        log.append(old, batchOf(batch, List.of()));
                        next += 500;
                        writing.countDown();
                    }
                } catch (RuntimeException e) {
                    ended.set(e);
                }
            });
            writer.start();
            assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();

            long current = log.claimEpoch("node-b");
            long storedByTheClaim = log.lastCommandSeq();
            writer.join(30_000);

            assertThat(writer.isAlive()).isFalse();
            assertThat(ended.get()).isInstanceOf(Fenced.class);
            assertThat(log.lastCommandSeq()).isEqualTo(storedByTheClaim);
            assertThat(epochsOf("command", first, storedByTheClaim))
                    .isNotEmpty()
                    .containsOnly(old);
            assertThat(log.writer().epoch()).isEqualTo(current);
        }
    }

    @Test
    void aForwardedCommandWaitsInTheInboxUntilTheWritersBatchAnswersIt() {
        String node = "node-inbox-" + System.nanoTime();
        long first = log.forward(node, "submit", "{\"n\":1}");
        long second = log.forward(node, "cancel", "{\"n\":2}");

        assertThat(waitingFrom(node))
                .containsExactly(
                        new Forwarded(first, node, "submit", "{\"n\":1}"),
                        new Forwarded(second, node, "cancel", "{\"n\":2}"));
        assertThat(log.waitingInInbox(10_000)).extracting(Forwarded::id).isSorted();
        assertThat(log.waitingInInbox(1)).hasSize(1);
        assertThat(log.outcomes(node, List.of(first, second))).isEmpty();

        long epoch = log.claimEpoch("node-writer");
        long e = log.lastEventSeq();
        Outcome answer = new Outcome(first, "{\"accepted\":true,\"request\":\"r-inbox\"}", e + 1);
        log.append(epoch, new Batch(nextCommands(1), nextEvents(1, "r-inbox"), List.of(), List.of(answer)));

        assertThat(waitingFrom(node)).containsExactly(new Forwarded(second, node, "cancel", "{\"n\":2}"));
        assertThat(log.outcomes(node, List.of(first, second))).containsExactly(answer);
        assertThat(log.outcomes(node, List.of())).isEmpty();

        log.forgetAnsweredBefore(1);
        assertThat(log.outcomes(node, List.of(first))).as("answered just now").containsExactly(answer);

        answeredMinutesAgo(first, 2);
        log.forgetAnsweredBefore(1);

        assertThat(log.outcomes(node, List.of(first)))
                .as("answered two minutes ago")
                .isEmpty();
        assertThat(waitingFrom(node))
                .as("not answered")
                .extracting(Forwarded::id)
                .containsExactly(second);
    }

    /** Moves the answer to the forwarded command {@code id} back in time, as if it came {@code minutes} ago. */
    private void answeredMinutesAgo(long id, int minutes) {
        Jdbi.create(url).useHandle(handle -> handle.createUpdate(
                        "UPDATE inbox SET answered = answered - CAST(:minutes AS INTEGER) * INTERVAL '1' MINUTE WHERE id = :id")
                .bind("minutes", minutes)
                .bind("id", id)
                .execute());
    }

    @Test
    void commandsForwardedTogetherGetTheirIdsInTheOrderTheyWereHanded() {
        String node = "node-group-" + System.nanoTime();
        List<CommandLog.Handed> handed = List.of(
                new CommandLog.Handed("submit", "{\"n\":1}"),
                new CommandLog.Handed("cancel", "{\"n\":2}"),
                new CommandLog.Handed("respond", "{\"n\":3}"));

        List<Long> ids = log.forward(node, handed);

        assertThat(ids).hasSize(3).isSorted().doesNotHaveDuplicates();
        assertThat(waitingFrom(node))
                .containsExactly(
                        new Forwarded(ids.get(0), node, "submit", "{\"n\":1}"),
                        new Forwarded(ids.get(1), node, "cancel", "{\"n\":2}"),
                        new Forwarded(ids.get(2), node, "respond", "{\"n\":3}"));
        assertThat(log.forward(node, List.of())).isEmpty();
    }

    @Test
    void aNodeFindsOnlyTheOutcomesOfWhatItForwarded() {
        String node = "node-own-" + System.nanoTime();
        long forwarded = log.forward(node, "submit", "{}");
        long epoch = log.claimEpoch("node-writer");
        Outcome answer = new Outcome(forwarded, "{\"type\":\"cancel\"}", log.lastEventSeq());
        log.append(epoch, new Batch(List.of(), List.of(), List.of(), List.of(answer)));

        assertThat(log.outcomes(node, List.of(forwarded))).containsExactly(answer);
        assertThat(log.outcomes("another-" + node, List.of(forwarded))).isEmpty();
    }

    @Test
    void aForwardedCommandNoWriterTookInTimeIsAnsweredAsExpiredAndNoLongerWaits() {
        String node = "node-late-" + System.nanoTime();
        long late = log.forward(node, "submit", "{\"n\":1}");
        long fresh = log.forward(node, "submit", "{\"n\":2}");
        Jdbi.create(url).useHandle(handle -> handle.createUpdate(
                        "UPDATE inbox SET handed = handed - CAST(:seconds AS INTEGER) * INTERVAL '1' SECOND WHERE id = :id")
                .bind("seconds", 120)
                .bind("id", late)
                .execute());

        assertThat(log.expireWaiting(60, "{\"type\":\"expired\"}")).isGreaterThanOrEqualTo(1);

        assertThat(log.outcomes(node, List.of(late, fresh)))
                .containsExactly(new Outcome(late, "{\"type\":\"expired\"}", 0));
        assertThat(waitingFrom(node)).extracting(Forwarded::id).containsExactly(fresh);
    }

    @Test
    void aBatchTheLogRefusesLeavesItsForwardedCommandsUnanswered() {
        String node = "node-refused-" + System.nanoTime();
        long epoch = log.claimEpoch("node-writer");
        log.append(epoch, batchOf(nextCommands(1), List.of()));
        long forwarded = log.forward(node, "submit", "{}");
        long c = log.lastCommandSeq();
        Outcome outcome = new Outcome(forwarded, "{\"accepted\":true}", log.lastEventSeq());

        assertThatThrownBy(() ->
                        log.append(epoch, new Batch(List.of(command(c + 2)), List.of(), List.of(), List.of(outcome))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("command " + (c + 2) + " does not follow the last stored command, " + c);
        assertThatThrownBy(
                        () -> log.append(epoch, new Batch(List.of(command(c)), List.of(), List.of(), List.of(outcome))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the seqs overlap the stored ones");

        assertThat(log.lastCommandSeq()).isEqualTo(c);
        assertThat(log.outcomes(node, List.of(forwarded))).isEmpty();
        assertThat(waitingFrom(node)).extracting(Forwarded::id).containsExactly(forwarded);
    }

    @Test
    void forEachCommandAfterGivesOnlyTheLaterCommandsInOrderOverSeveralPages() {
        long c = log.lastCommandSeq();
        List<StoredCommand> stored = nextCommands(2_500);
        log.append(stored, List.of());

        List<StoredCommand> twoFullPages = new ArrayList<>();
        log.forEachCommandAfter(c + 500, twoFullPages::add);
        List<StoredCommand> threePages = new ArrayList<>();
        log.forEachCommandAfter(c + 499, threePages::add);
        List<StoredCommand> none = new ArrayList<>();
        log.forEachCommandAfter(c + 2_500, none::add);

        assertThat(twoFullPages).isEqualTo(stored.subList(500, 2_500));
        assertThat(threePages).isEqualTo(stored.subList(499, 2_500));
        assertThat(none).isEmpty();
    }
}
