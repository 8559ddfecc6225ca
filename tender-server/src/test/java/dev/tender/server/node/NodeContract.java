package dev.tender.server.node;

import static dev.tender.server.node.LiveNode.T0;
import static dev.tender.server.node.LiveNode.demand;
import static dev.tender.server.node.LiveNode.eventually;
import static dev.tender.server.node.LiveNode.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tender.agreement.AgreementId;
import dev.tender.broker.Answer;
import dev.tender.broker.Reply;
import dev.tender.demand.RequestId;
import dev.tender.event.OfferId;
import dev.tender.event.TenderEvent;
import dev.tender.eventlog.EventLines;
import dev.tender.money.Money;
import dev.tender.provider.ProviderId;
import dev.tender.provider.SiteId;
import dev.tender.server.node.RequestBook.OfferView;
import dev.tender.server.node.RequestBook.RequestView;
import dev.tender.store.Store;
import dev.tender.store.StoredEvent;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The node's promises, on each database: the log is the truth, replays to the same bytes, and fires each timer once. */
abstract class NodeContract {

    private final SettableClock clock = new SettableClock(T0);
    private String url = "";

    /** A new, empty database's URL. */
    abstract String newDatabase();

    @BeforeEach
    void newStore() {
        url = newDatabase();
    }

    private Store store() {
        return Store.open(url);
    }

    @Test
    void theHolderLooksFirstThenTheMarketQuotesAndAnOfferNotAnsweredLapsesAtItsDeadline() {
        try (Store store = store();
                Node node = LiveNode.loaded(store, clock, "azure")) {
            RequestId id = submit(node, "k1", 100);
            RequestView routed = node.requests().find(id).orElseThrow();
            assertThat(routed.routed()).extracting(r -> r.route().name()).isEqualTo("ROFR_FIRST_LOOK");
            OfferView firstLook = routed.offers().get(0);
            assertThat(firstLook.provider()).isEqualTo(new ProviderId("azure"));
            assertThat(firstLook.deadline()).isEqualTo(T0.plusSeconds(3));

            clock.advance(Duration.ofSeconds(1));
            Reply reply = join(node.execute(new Command.Respond(
                    firstLook.id(),
                    new ProviderId("azure"),
                    take(40, "6.00", "azure-east", T0.plus(Duration.ofDays(1))))));
            assertThat(reply).isEqualTo(Reply.RECEIVED);

            // CoreWeave answers by rule at once; Oracle answers through the API, and does not.
            eventually(() -> offer(node, id, "coreweave").map(o -> !o.isOpen()).orElse(false));
            assertThat(node.requests().find(id).orElseThrow().isOpen()).isTrue();
            clock.advance(Duration.ofSeconds(5));
            eventually(() -> !node.requests().find(id).orElseThrow().isOpen());

            RequestView closed = node.requests().find(id).orElseThrow();
            assertThat(closed.state()).isEqualTo("FULFILLED");
            assertThat(closed.awards()).extracting(a -> a.provider().value()).containsExactly("azure", "coreweave");
            OfferView oracle = offer(node, id, "oracle").orElseThrow();
            assertThat(oracle.state()).isEqualTo("LAPSED");
            List<StoredEvent> events = store.commands().eventsOf(id.value());
            StoredEvent lapsed = events.stream()
                    .filter(e -> e.line().contains("\"LAPSED\""))
                    .findFirst()
                    .orElseThrow();
            assertThat(lapsed.at()).isEqualTo(oracle.deadline());
            assertAtNeverDecreases(store);
        }
    }

    @Test
    void aTimerThatFellDueWhileTheNodeWasDownFiresOnceAtItsOwnInstant() {
        RequestId id;
        try (Store store = store();
                Node node = LiveNode.loaded(store, clock, "azure", "oracle")) {
            id = submit(node, "k1", 100);
        }
        clock.advance(Duration.ofHours(1));
        long stored;
        RequestView closed;
        try (Store store = store();
                Node node = Node.start(store.commands(), clock)) {
            closed = node.requests().find(id).orElseThrow();
            assertThat(closed.isOpen()).isFalse();
            // Azure's first look lapsed at its deadline; the market was asked then, CoreWeave answered
            // then, Oracle lapsed two seconds later: all at their own instants, not an hour late.
            assertThat(closed.offers())
                    .extracting(OfferView::provider, OfferView::state)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(new ProviderId("azure"), "LAPSED"),
                            org.assertj.core.groups.Tuple.tuple(new ProviderId("coreweave"), "ACCEPTED"),
                            org.assertj.core.groups.Tuple.tuple(new ProviderId("oracle"), "LAPSED"));
            assertThat(closed.closed()).extracting(TenderEvent.Closed::at).isEqualTo(T0.plusSeconds(3 + 2));
            stored = store.commands().lastEventSeq();
            assertAtNeverDecreases(store);
        }
        clock.advance(Duration.ofHours(1));
        try (Store store = store();
                Node node = Node.start(store.commands(), clock)) {
            assertThat(store.commands().lastEventSeq()).isEqualTo(stored);
            assertThat(node.requests().find(id).orElseThrow()).isEqualTo(closed);
        }
    }

    @Test
    void aClockSetBackAfterARestartStampsNothingBeforeWhatIsStored() {
        try (Store store = store();
                Node node = LiveNode.loaded(store, clock, "azure", "oracle")) {
            RequestId id = submit(node, "k1", 100);
            clock.advance(Duration.ofSeconds(10));
            // The first look lapses at +3 s and the market closes at +5 s: events of timers, stored
            // after the last command.
            eventually(() -> !node.requests().find(id).orElseThrow().isOpen());
        }
        clock.set(T0.plusSeconds(1));
        try (Store store = store();
                Node node = Node.start(store.commands(), clock)) {
            submit(node, "k2", 100);
            assertAtNeverDecreases(store);
        }
    }

    @Test
    void aCommitmentsBurnDownIsMadeAgainByTheReplay() {
        List<CommitmentProgress> before;
        try (Store store = store();
                Node node = LiveNode.loaded(store, clock, "azure")) {
            Command.WorldEdit added = join(node.execute(new Command.AddAgreement("""
                    {"id": "azure-spend", "kind": "commitment", "provider": "azure", "amount": 1000000,
                     "from": "%s"}""".formatted(T0.plusSeconds(1)))));
            assertThat(added.problems()).isEmpty();
            clock.advance(Duration.ofSeconds(2));
            RequestId id = submit(node, "k1", 100);
            join(node.execute(new Command.Respond(
                    OfferId.of(id, 1),
                    new ProviderId("azure"),
                    take(40, "6.00", "azure-east", T0.plus(Duration.ofDays(1))))));
            before = join(node.read(LiveEngine::commitments));
            assertThat(before)
                    .filteredOn(progress -> progress.commitment().id().value().equals("azure-spend"))
                    .singleElement()
                    .satisfies(progress -> {
                        assertThat(progress.spent().isPositive()).isTrue();
                        assertThat(progress.history())
                                .containsExactly(new CommitmentProgress.Spent(
                                        T0.truncatedTo(ChronoUnit.DAYS), progress.spent()));
                    });
        }
        try (Store store = store();
                Node node = Node.start(store.commands(), clock)) {
            assertThat(join(node.read(LiveEngine::commitments))).isEqualTo(before);
        }
    }

    @Test
    void theStoredCommandsReplayToByteIdenticalEvents() {
        try (Store store = store();
                Node node = LiveNode.loaded(store, clock, "azure", "oracle")) {
            RequestId first = submit(node, "k1", 100);
            clock.advance(Duration.ofSeconds(1));
            RequestId second = submit(node, "k2", 700);
            join(node.execute(new Command.Respond(
                    OfferId.of(second, 1),
                    new ProviderId("azure"),
                    take(300, "6.50", "azure-east", T0.plus(Duration.ofDays(1))))));
            clock.advance(Duration.ofSeconds(1));
            join(node.execute(new Command.Cancel(first, "by research")));
            clock.advance(Duration.ofSeconds(10));
            eventually(() -> !node.requests().find(second).orElseThrow().isOpen());
        }
        try (Store store = store()) {
            List<String> stored = new ArrayList<>();
            store.commands().forEachEvent(event -> stored.add(event.line()));
            LiveEngine engine = new LiveEngine();
            EventLines lines = new EventLines();
            List<String> replayed = new ArrayList<>();
            Instant[] last = {T0};
            store.commands().forEachCommand(command -> {
                engine.advanceTo(command.at());
                CommandCodec.read(command.kind(), command.body()).applyTo(engine);
                engine.drainEvents().forEach(event -> replayed.add(lines.line(event)));
            });
            store.commands().forEachEvent(event -> last[0] = event.at());
            engine.advanceTo(last[0]);
            engine.drainEvents().forEach(event -> replayed.add(lines.line(event)));
            assertThat(stored).hasSizeGreaterThan(12);
            assertThat(replayed).containsExactlyElementsOf(stored);
        }
    }

    @Test
    void aNodeRefusesToStartOnALogThatDoesNotReplay() throws SQLException {
        try (Store store = store();
                Node node = LiveNode.loaded(store, clock, "azure")) {
            submit(node, "k1", 100);
        }
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(
                    "UPDATE event SET line = REPLACE(line, '\"units\":100', '\"units\":101') WHERE seq = 1");
        }
        try (Store store = store()) {
            assertThatThrownBy(() -> Node.start(store.commands(), clock))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("does not replay")
                    .hasMessageContaining("\"units\":101");
        }
    }

    @Test
    void aRetryWithTheSameKeyGetsTheSameRequestAndAnotherDemandUnderItIsRefused() {
        try (Store store = store();
                Node node = LiveNode.loaded(store, clock, "azure")) {
            Demand demand = demand("research", "training", 100, T0.plus(Duration.ofDays(1)), 10);
            Submission first = join(node.execute(new Command.Submit(demand, "key")));
            Submission again = join(node.execute(new Command.Submit(demand, "key")));
            Submission other = join(node.execute(
                    new Command.Submit(demand("research", "training", 101, T0.plus(Duration.ofDays(1)), 10), "key")));
            Submission otherTenant = join(node.execute(
                    new Command.Submit(demand("product", "training", 100, T0.plus(Duration.ofDays(1)), 10), "key")));

            RequestId id = ((Submission.Accepted) first).request();
            assertThat(again).isEqualTo(new Submission.Repeated(id));
            assertThat(other).isEqualTo(new Submission.KeyReused(id));
            assertThat(otherTenant).isInstanceOf(Submission.Accepted.class);
            assertThat(node.requests().size()).isEqualTo(2);
        }
    }

    @Test
    void requestsThatClosedLongAgoAreReadFromTheStoreAsTheyWereInMemory() {
        List<RequestId> ids = new ArrayList<>();
        List<RequestView> inMemory = new ArrayList<>();
        try (Store store = store();
                Node node = LiveNode.loaded(store, clock, "azure", "oracle")) {
            for (int i = 0; i < 6; i++) {
                ids.add(submit(node, "k" + i, 100 + i));
                clock.advance(Duration.ofMillis(10));
            }
            join(node.execute(new Command.Respond(
                    OfferId.of(ids.get(0), 1),
                    new ProviderId("azure"),
                    take(100, "6.00", "azure-east", T0.plus(Duration.ofDays(1))))));
            for (RequestId id : ids.subList(1, 5)) {
                join(node.execute(new Command.Cancel(id, "by research")));
            }
            ids.forEach(id -> inMemory.add(node.requests().find(id).orElseThrow()));
        }
        // A node that keeps no closed request in memory reads the five closed ones back from the store.
        try (Store store = store();
                Node node = Node.start(store.commands(), clock, Activity.NONE, 0)) {
            for (int i = 0; i < ids.size(); i++) {
                assertThat(node.requests().find(ids.get(i))).contains(inMemory.get(i));
            }
            assertThat(node.requests().find(new RequestId("req-99"))).isEmpty();
            assertThat(node.requests().offer(OfferId.of(ids.get(0), 1)))
                    .hasValueSatisfying(o -> assertThat(o.offer().state()).isEqualTo("ACCEPTED"));
            assertThat(node.requests().openOffers(new ProviderId("azure")))
                    .extracting(o -> o.request().id())
                    .containsExactly(ids.get(5));
            assertThat(node.requests().size()).isEqualTo(6);

            assertThat(node.requests().page(null, null, null, 4)).containsExactlyElementsOf(inMemory.subList(0, 4));
            assertThat(node.requests().page(null, null, ids.get(3), 10))
                    .containsExactlyElementsOf(inMemory.subList(4, 6));
            assertThat(node.requests().page(null, "CANCELLED", ids.get(1), 2))
                    .extracting(view -> view.request().id())
                    .containsExactly(ids.get(2), ids.get(3));
            assertThat(node.requests().page(null, "OPEN", null, 10)).containsExactly(inMemory.get(5));
            assertThat(node.requests().page(new dev.tender.demand.TenantId("research"), null, null, 10))
                    .hasSize(6);
            assertThat(node.requests().page(new dev.tender.demand.TenantId("product"), null, null, 10))
                    .isEmpty();
            assertThat(node.requests().page(null, null, new RequestId("req-99"), 10))
                    .isEmpty();
        }
    }

    @Test
    void aLogStoredBeforeTheRequestIndexIsIndexedWhenTheNodeStarts() throws SQLException {
        RequestId open;
        RequestId cancelled;
        try (Store store = store();
                Node node = LiveNode.loaded(store, clock, "azure", "oracle")) {
            open = submit(node, "k1", 100);
            cancelled = submit(node, "k2", 100);
            join(node.execute(new Command.Cancel(cancelled, "by research")));
        }
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM request");
        }
        try (Store store = store();
                Node node = Node.start(store.commands(), clock)) {
            assertThat(node.requests().page(null, "OPEN", null, 10))
                    .extracting(view -> view.request().id())
                    .containsExactly(open);
            assertThat(node.requests().page(null, "CANCELLED", null, 10))
                    .extracting(view -> view.request().id())
                    .containsExactly(cancelled);
            // The index goes on from there: the open request closes, and the row says so.
            assertThat(join(node.execute(new Command.Cancel(open, "by research"))))
                    .isTrue();
            assertThat(node.requests().page(null, "OPEN", null, 10)).isEmpty();
        }
    }

    @Test
    void aKeyIsRememberedForADayFromItsFirstSubmissionAndReplayForgetsItAtTheSameInstant() {
        Demand demand = demand("research", "training", 100, T0.plus(Duration.ofDays(3)), 10);
        RequestId first;
        try (Store store = store();
                Node node = LiveNode.loaded(store, clock, "azure", "oracle")) {
            first = ((Submission.Accepted) join(node.execute(new Command.Submit(demand, "key")))).request();
            clock.advance(LiveEngine.KEYS_KEPT);
            assertThat(join(node.execute(new Command.Submit(demand, "key")))).isEqualTo(new Submission.Repeated(first));
        }
        try (Store store = store();
                Node node = Node.start(store.commands(), clock)) {
            assertThat(join(node.execute(new Command.Submit(demand, "key")))).isEqualTo(new Submission.Repeated(first));
            clock.advance(Duration.ofMillis(1));
            Submission later = join(node.execute(new Command.Submit(demand, "key")));
            assertThat(later).isInstanceOf(Submission.Accepted.class).isNotEqualTo(new Submission.Accepted(first));
        }
    }

    @Test
    void commandsSentTogetherAreAllStoredInOrderWithoutGapsAndReplayTheSame() throws Exception {
        try (Store store = store();
                Node node = LiveNode.loaded(store, clock, "oracle")) {
            // Without the first look, the market is asked at once, and CoreWeave answers at the same
            // instant: timers set by one command of a batch for the batch's own instant.
            join(node.execute(new Command.EndAgreement(new AgreementId("azure-rofr"), null)));
            clock.advance(Duration.ofSeconds(1));
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Callable<Submission>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String key = "k" + i;
                Demand demand = demand("research", "training", 1, T0.plus(Duration.ofDays(1)), 1);
                calls.add(() -> join(node.execute(new Command.Submit(demand, key))));
            }
            Set<RequestId> ids = new HashSet<>();
            for (Future<Submission> outcome : clients.invokeAll(calls)) {
                ids.add(((Submission.Accepted) outcome.get()).request());
            }
            clients.shutdown();
            assertThat(ids).hasSize(200);
            assertThat(store.commands().lastCommandSeq()).isEqualTo(202);
            List<Long> seqs = new ArrayList<>();
            store.commands().forEachCommand(command -> seqs.add(command.seq()));
            assertThat(seqs).isSorted().hasSize(202).startsWith(1L).endsWith(202L);
        }
        try (Store store = store();
                Node replayed = Node.start(store.commands(), clock)) {
            assertThat(replayed.requests().size()).isEqualTo(200);
        }
    }

    private RequestId submit(Node node, String key, int units) {
        Submission submission = join(node.execute(
                new Command.Submit(demand("research", "training", units, T0.plus(Duration.ofDays(1)), 10), key)));
        assertThat(submission).isInstanceOf(Submission.Accepted.class);
        return ((Submission.Accepted) submission).request();
    }

    private static Answer take(int units, String price, String site, Instant start) {
        return new Answer.Take(units, Money.ofDollars(price), new SiteId(site), start);
    }

    private static java.util.Optional<OfferView> offer(Node node, RequestId id, String provider) {
        return node.requests().find(id).orElseThrow().offers().stream()
                .filter(o -> o.provider().value().equals(provider))
                .findFirst();
    }

    private static void assertAtNeverDecreases(Store store) {
        List<Instant> ats = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        store.commands().forEachEvent(event -> {
            ats.add(event.at());
            seqs.add(event.seq());
        });
        assertThat(ats).isSorted();
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).isEqualTo(i + 1L);
        }
    }
}
