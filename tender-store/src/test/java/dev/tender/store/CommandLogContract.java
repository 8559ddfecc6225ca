package dev.tender.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
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
    CommandLog log;

    /** The URL of a database no one has used. */
    abstract String newDatabase();

    @BeforeAll
    void openTheStore() {
        store = Store.open(newDatabase());
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
}
