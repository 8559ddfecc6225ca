package dev.tender.broker;

import static dev.tender.fixtures.ScriptedResponder.taking;
import static dev.tender.fixtures.TestWorld.at;
import static dev.tender.fixtures.TestWorld.commitment;
import static dev.tender.fixtures.TestWorld.exclusive;
import static dev.tender.fixtures.TestWorld.firstLook;
import static dev.tender.fixtures.TestWorld.match;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tender.agreement.Agreement;
import dev.tender.agreement.AgreementId;
import dev.tender.agreement.Commitment;
import dev.tender.agreement.RightOfFirstRefusal;
import dev.tender.agreement.RouteKind;
import dev.tender.agreement.Scope;
import dev.tender.demand.RequestId;
import dev.tender.event.OfferId;
import dev.tender.event.OfferKind;
import dev.tender.event.ResponseOutcome;
import dev.tender.event.TenderEvent;
import dev.tender.event.TenderEvent.Awarded;
import dev.tender.event.TenderEvent.Closed;
import dev.tender.event.TenderEvent.Offered;
import dev.tender.event.TenderEvent.Responded;
import dev.tender.event.TenderEvent.Routed;
import dev.tender.event.TerminalState;
import dev.tender.event.UnmetCause;
import dev.tender.fixtures.Requests;
import dev.tender.fixtures.ScriptedResponder;
import dev.tender.fixtures.TestBroker;
import dev.tender.fixtures.TestWorld;
import dev.tender.money.Money;
import dev.tender.provider.ProviderId;
import dev.tender.provider.ResponderSpec;
import dev.tender.provider.SiteId;
import dev.tender.time.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The tender process against scripted providers. Requests are submitted on 2025-02-01 for 24 hours
 * of H100 from 2025-03-01; the RFQ window is one day, the default offer window two.
 */
class BrokerTest {

    private static final Instant NOW = at("2025-02-01");
    private static final Instant MARCH_1 = at("2025-03-01");
    private static final Instant MARCH_2 = at("2025-03-02");
    private static final Instant MARCH_3 = at("2025-03-03");
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration RFQ_WINDOW = Duration.ofDays(1);
    private static final Duration OFFER_WINDOW = Duration.ofDays(2);

    // Each test starts its broker before anything uses it, which NullAway cannot see; the check
    // after each test allows for one that started none.
    @SuppressWarnings("NullAway.Init")
    private TestBroker tender;

    /** azure (us-east and us-west), coreweave (us-east), oracle (us-west): 1000 H100 each, answered by hand. */
    private static TestWorld world(Agreement... agreements) {
        TestWorld world = new TestWorld()
                .provider("azure", "H100", "6.00")
                .provider("coreweave", "H100", "5.50")
                .provider("oracle", "H100", "5.00")
                .pool("azure", "azure-east", "us-east", "H100", 1000)
                .pool("azure", "azure-west", "us-west", "H100", 1000)
                .pool("coreweave", "cw-east", "us-east", "H100", 1000)
                .pool("oracle", "oracle-west", "us-west", "H100", 1000)
                .windows(OFFER_WINDOW, RFQ_WINDOW);
        for (Agreement agreement : agreements) {
            world.agreement(agreement);
        }
        return world;
    }

    private TestBroker start(TestWorld world) {
        tender = new TestBroker(world, NOW);
        return tender;
    }

    private TestBroker start(Agreement... agreements) {
        return start(world(agreements));
    }

    private static Requests request(String id, int units) {
        return Requests.request(id).units(units).start(MARCH_1).hours(24).flex(Duration.ofDays(7));
    }

    private ScriptedResponder azure() {
        return tender.responder("azure");
    }

    private ScriptedResponder coreweave() {
        return tender.responder("coreweave");
    }

    private ScriptedResponder oracle() {
        return tender.responder("oracle");
    }

    @AfterEach
    void everyLogIsWellFormed() {
        if (tender != null) {
            // Whatever a test left open lapses and closes; the whole log must still hold together.
            tender.runUntil(at("2026-01-01"));
            tender.events.assertWellFormed();
        }
    }

    @Nested
    class Market {

        @Test
        void awardsByPriceThenStartThenProvider() {
            start();
            tender.submit(request("r1", 150).build());
            tender.advance(Duration.ofHours(1));

            // Same price: oracle's earlier start beats coreweave's lower id.
            assertThat(oracle().take(100, "5.00", "oracle-west", MARCH_1)).isEqualTo(Reply.RECEIVED);
            assertThat(coreweave().take(100, "5.00", "cw-east", MARCH_2)).isEqualTo(Reply.RECEIVED);
            assertThat(azure().take(100, "4.50", "azure-east", MARCH_3)).isEqualTo(Reply.RECEIVED);

            assertThat(tender.events.types("r1"))
                    .containsExactly(
                            "SUBMITTED",
                            "ROUTED",
                            "OFFERED",
                            "OFFERED",
                            "OFFERED",
                            "RESPONDED",
                            "RESPONDED",
                            "RESPONDED",
                            "AWARDED",
                            "AWARDED",
                            "CLOSED");
            Routed routed = tender.events.only("r1", Routed.class);
            assertThat(routed.route()).isEqualTo(RouteKind.MARKET);
            assertThat(routed.eligible()).extracting(ProviderId::value).containsExactly("azure", "coreweave", "oracle");
            assertThat(tender.events.of("r1", Offered.class))
                    .extracting(
                            o -> o.offer().value(),
                            o -> o.provider().value(),
                            Offered::kind,
                            Offered::units,
                            Offered::deadline,
                            Offered::agreement,
                            Offered::matchPrice)
                    .containsExactly(
                            tuple("r1.o1", "azure", OfferKind.RFQ, 150, at("2025-02-02"), null, null),
                            tuple("r1.o2", "coreweave", OfferKind.RFQ, 150, at("2025-02-02"), null, null),
                            tuple("r1.o3", "oracle", OfferKind.RFQ, 150, at("2025-02-02"), null, null));
            assertThat(tender.events.of("r1", Awarded.class))
                    .extracting(
                            a -> a.provider().value(),
                            a -> a.site().value(),
                            a -> a.accelerator().value(),
                            Awarded::units,
                            Awarded::unitPrice,
                            Awarded::start,
                            Awarded::end,
                            Awarded::cost,
                            a -> a.offer().value(),
                            Awarded::at)
                    .containsExactly(
                            tuple(
                                    "azure",
                                    "azure-east",
                                    "H100",
                                    100,
                                    Money.ofDollars("4.50"),
                                    MARCH_3,
                                    at("2025-03-04"),
                                    Money.ofDollars(10_800),
                                    "r1.o1",
                                    at("2025-02-01T01:00:00Z")),
                            tuple(
                                    "oracle",
                                    "oracle-west",
                                    "H100",
                                    50,
                                    Money.ofDollars("5.00"),
                                    MARCH_1,
                                    MARCH_2,
                                    Money.ofDollars(6_000),
                                    "r1.o3",
                                    at("2025-02-01T01:00:00Z")));
            Closed closed = tender.events.closed("r1");
            assertThat(closed.outcome()).isEqualTo(TerminalState.FULFILLED);
            assertThat(closed.units()).isEqualTo(150);
            assertThat(closed.cause()).isNull();
            assertThat(closed.reason())
                    .isEqualTo("market: 150 of 150 units awarded (azure 100 at 4.50, oracle 50 at 5.00)");
            assertThat(tender.free("azure-east", "H100", MARCH_3, DAY)).isEqualTo(900);
            assertThat(tender.free("oracle-west", "H100", MARCH_1, DAY)).isEqualTo(950);
            assertThat(tender.free("cw-east", "H100", MARCH_2, DAY))
                    .as("the quote that was not needed is released")
                    .isEqualTo(1000);
            assertThat(tender.broker.openTenders()).isZero();
        }

        @Test
        void equalPriceAndStartGoToTheLowerProviderId() {
            start();
            tender.submit(request("r1", 150).build());

            oracle().take(100, "5.00", "oracle-west", MARCH_1);
            coreweave().take(100, "5.00", "cw-east", MARCH_1);
            azure().decline("sold out");

            assertThat(tender.events.of("r1", Awarded.class))
                    .extracting(a -> a.provider().value(), Awarded::units)
                    .containsExactly(tuple("coreweave", 100), tuple("oracle", 50));
        }

        @Test
        void theRoundEndsAtTheDeadlineWhenSomeoneIsSilent() {
            start();
            tender.submit(request("r1", 100).build());
            oracle().take(60, "5.00", "oracle-west", MARCH_1);
            azure().decline("no room");

            tender.runUntil(at("2025-02-01T23:59:59Z"));
            assertThat(tender.events.of("r1", Awarded.class)).isEmpty();
            tender.runUntil(at("2025-02-03"));

            Responded lapsed = tender.events.of("r1", Responded.class).get(2);
            assertThat(lapsed.provider().value()).isEqualTo("coreweave");
            assertThat(lapsed.outcome()).isEqualTo(ResponseOutcome.LAPSED);
            assertThat(lapsed.at()).isEqualTo(at("2025-02-02"));
            assertThat(lapsed.units()).isZero();
            assertThat(lapsed.unitPrice()).isNull();
            assertThat(lapsed.site()).isNull();
            assertThat(lapsed.start()).isNull();
            Closed closed = tender.events.closed("r1");
            assertThat(closed.outcome()).isEqualTo(TerminalState.PARTIAL);
            assertThat(closed.units()).isEqualTo(60);
            assertThat(closed.at()).isEqualTo(at("2025-02-02"));
            assertThat(closed.cause())
                    .as(
                            "coreweave never answered: it might have had the units, so they are not filed as missing capacity")
                    .isEqualTo(UnmetCause.NO_ANSWER);
            assertThat(closed.reason())
                    .isEqualTo(
                            "market: 60 of 100 units awarded (oracle 60 at 5.00); 40 unmet (no-answer):"
                                    + " oracle offered 60 of 100; azure declined: no room; coreweave did not answer by 2025-02-02T00:00:00Z");
        }

        @Test
        void nobodyAnsweringIsNoAnswer() {
            start();
            tender.submit(request("r1", 100).build());
            tender.runUntil(at("2025-02-05"));

            Closed closed = tender.events.closed("r1");
            assertThat(closed.outcome()).isEqualTo(TerminalState.UNFULFILLED);
            assertThat(closed.cause()).isEqualTo(UnmetCause.NO_ANSWER);
            assertThat(tender.events.of("r1", Responded.class))
                    .extracting(Responded::outcome, Responded::at)
                    .containsOnly(tuple(ResponseOutcome.LAPSED, at("2025-02-02")));
        }

        @Test
        void aQuoteAboveMaxPriceIsRecordedButNotAwarded() {
            start();
            tender.submit(request("r1", 100).maxPrice("5.50").build());

            assertThat(azure().take(100, "6.00", "azure-east", MARCH_1)).isEqualTo(Reply.RECEIVED);
            coreweave().decline("no room");
            oracle().decline("no room");

            Responded quote = tender.events.of("r1", Responded.class).get(0);
            assertThat(quote.outcome()).isEqualTo(ResponseOutcome.ACCEPTED);
            assertThat(quote.unitPrice()).isEqualTo(Money.ofDollars("6.00"));
            assertThat(quote.reason()).isEqualTo("quoted 6.00, above maxPrice 5.50");
            assertThat(tender.events.of("r1", Awarded.class)).isEmpty();
            Closed closed = tender.events.closed("r1");
            assertThat(closed.outcome()).isEqualTo(TerminalState.UNFULFILLED);
            assertThat(closed.cause()).isEqualTo(UnmetCause.OVER_MAX_PRICE);
            assertThat(closed.cause()).extracting(UnmetCause::code).isEqualTo("over-max-price");
            assertThat(closed.reason()).contains("100 unmet (over-max-price)");
            assertThat(tender.free("azure-east", "H100", MARCH_1, DAY))
                    .as("a refused quote holds nothing")
                    .isEqualTo(1000);
        }

        @Test
        void aQuoteWhoseCostTenderCannotCountIsRefusedNotAwarded() {
            start();
            tender.submit(request("r1", 100).hours(1_000_000).build());

            azure().take(100, "1000000000", "azure-east", MARCH_1);
            coreweave().decline("no room");
            oracle().decline("no room");

            assertThat(tender.events.of("r1", Responded.class).get(0).reason())
                    .isEqualTo("100 units for 1000000h at 1000000000.00 cost more than Tender can count");
            assertThat(tender.events.of("r1", Awarded.class)).isEmpty();
            assertThat(tender.events.closed("r1").outcome()).isEqualTo(TerminalState.UNFULFILLED);
        }

        @Test
        void aQuoteAtMaxPriceIsAwarded() {
            start();
            tender.submit(request("r1", 100).maxPrice("5.50").build());

            azure().take(100, "6.00", "azure-east", MARCH_1);
            coreweave().take(100, "5.50", "cw-east", MARCH_1);
            oracle().decline("no room");

            assertThat(tender.events.only("r1", Awarded.class).provider().value())
                    .isEqualTo("coreweave");
            assertThat(tender.events.closed("r1").outcome()).isEqualTo(TerminalState.FULFILLED);
        }

        @Test
        void aQuoteOutsideTheFlexIsRecordedButNotAwarded() {
            start();
            tender.submit(request("r1", 100).build());

            azure().take(100, "4.00", "azure-east", at("2025-03-08T00:00:01Z"));
            coreweave().take(100, "5.50", "cw-east", at("2025-03-08"));
            oracle().decline("no room");

            assertThat(tender.events.of("r1", Responded.class).get(0).reason())
                    .isEqualTo("start 2025-03-08T00:00:01Z is outside 2025-03-01T00:00:00Z to 2025-03-08T00:00:00Z");
            Awarded award = tender.events.only("r1", Awarded.class);
            assertThat(award.provider().value()).isEqualTo("coreweave");
            assertThat(award.start()).isEqualTo(at("2025-03-08"));
            assertThat(award.end()).isEqualTo(at("2025-03-09"));
        }
    }

    @Nested
    class FirstLook {

        private final Agreement rofr =
                firstLook("azure-rofr", "azure", Duration.ofDays(5), true, Scope.EVERYTHING, "2025-01-21", null);

        @Test
        void acceptedClosesFulfilledWithoutAnyRfq() {
            start(rofr);
            tender.submit(request("r1", 150).build());
            assertThat(azure().take(150, "6.00", "azure-east", MARCH_1)).isEqualTo(Reply.RECEIVED);

            assertThat(tender.events.types("r1"))
                    .containsExactly("SUBMITTED", "ROUTED", "OFFERED", "RESPONDED", "AWARDED", "CLOSED");
            Routed routed = tender.events.only("r1", Routed.class);
            assertThat(routed.route()).isEqualTo(RouteKind.ROFR_FIRST_LOOK);
            assertThat(routed.agreements()).extracting(AgreementId::value).containsExactly("azure-rofr");
            Offered offered = tender.events.only("r1", Offered.class);
            assertThat(offered.provider().value()).isEqualTo("azure");
            assertThat(offered.kind()).isEqualTo(OfferKind.ROFR);
            assertThat(offered.units()).isEqualTo(150);
            assertThat(offered.deadline()).isEqualTo(at("2025-02-06"));
            assertThat(offered.agreement()).isEqualTo(new AgreementId("azure-rofr"));
            assertThat(tender.events.only("r1", Responded.class).outcome()).isEqualTo(ResponseOutcome.ACCEPTED);
            Closed closed = tender.events.closed("r1");
            assertThat(closed.outcome()).isEqualTo(TerminalState.FULFILLED);
            assertThat(closed.reason())
                    .isEqualTo("first look azure-rofr: 150 of 150 units awarded (azure 150 at 6.00)");
            assertThat(coreweave().offers()).isEmpty();
            assertThat(oracle().offers()).isEmpty();
        }

        @Test
        void partialGoesToTheMarketWithoutTheHolderForTheRest() {
            start(rofr);
            tender.submit(request("r1", 150).build());
            tender.advance(Duration.ofDays(1));
            azure().take(60, "6.00", "azure-east", MARCH_1);

            assertThat(tender.events.of("r1", Responded.class))
                    .extracting(Responded::outcome, Responded::units)
                    .containsExactly(tuple(ResponseOutcome.PARTIAL, 60));
            assertThat(tender.events.of("r1", Offered.class))
                    .extracting(
                            o -> o.offer().value(),
                            o -> o.provider().value(),
                            Offered::kind,
                            Offered::units,
                            Offered::deadline,
                            Offered::agreement)
                    .containsExactly(
                            tuple(
                                    "r1.o1",
                                    "azure",
                                    OfferKind.ROFR,
                                    150,
                                    at("2025-02-06"),
                                    new AgreementId("azure-rofr")),
                            tuple("r1.o2", "coreweave", OfferKind.RFQ, 90, at("2025-02-03"), null),
                            tuple("r1.o3", "oracle", OfferKind.RFQ, 90, at("2025-02-03"), null));

            coreweave().take(90, "5.50", "cw-east", MARCH_1);
            oracle().take(50, "5.00", "oracle-west", MARCH_1);

            assertThat(tender.events.types("r1"))
                    .containsExactly(
                            "SUBMITTED",
                            "ROUTED",
                            "OFFERED",
                            "RESPONDED",
                            "AWARDED",
                            "OFFERED",
                            "OFFERED",
                            "RESPONDED",
                            "RESPONDED",
                            "AWARDED",
                            "AWARDED",
                            "CLOSED");
            assertThat(tender.events.of("r1", Awarded.class))
                    .extracting(a -> a.provider().value(), Awarded::units, Awarded::unitPrice, a -> a.offer()
                            .value())
                    .containsExactly(
                            tuple("azure", 60, Money.ofDollars(6), "r1.o1"),
                            tuple("oracle", 50, Money.ofDollars(5), "r1.o3"),
                            tuple("coreweave", 40, Money.ofDollars("5.50"), "r1.o2"));
            assertThat(tender.events.closed("r1").outcome()).isEqualTo(TerminalState.FULFILLED);
            assertThat(tender.free("cw-east", "H100", MARCH_1, DAY)).isEqualTo(960);
            assertThat(azure().offers()).hasSize(1);
        }

        @Test
        void allOrNothingRefusesAPartialAnswer() {
            start(firstLook("azure-rofr", "azure", Duration.ofDays(5), false, Scope.EVERYTHING, "2025-01-21", null));
            tender.submit(request("r1", 150).build());
            assertThat(azure().last().partialAllowed()).isFalse();

            Reply reply = azure().take(60, "6.00", "azure-east", MARCH_1);

            assertThat(reply).isEqualTo(new Reply.Refused("offer r1.o1 must be taken whole (150 units) or declined"));
            assertThat(tender.events.of("r1", Responded.class)).isEmpty();
            assertThat(tender.free("azure-east", "H100", MARCH_1, DAY)).isEqualTo(1000);

            assertThat(azure().decline("not all of it")).isEqualTo(Reply.RECEIVED);
            assertThat(tender.events.of("r1", Offered.class))
                    .extracting(o -> o.provider().value(), Offered::kind, Offered::units)
                    .containsExactly(
                            tuple("azure", OfferKind.ROFR, 150),
                            tuple("coreweave", OfferKind.RFQ, 150),
                            tuple("oracle", OfferKind.RFQ, 150));
        }

        @Test
        void lapsedAtTheDeadlineThenTheMarket() {
            start(rofr);
            tender.submit(request("r1", 100).build());

            tender.runUntil(at("2025-02-05T23:59:59Z"));
            assertThat(coreweave().offers())
                    .as("no one else before the holder's answer")
                    .isEmpty();
            tender.runUntil(at("2025-02-06"));

            Responded lapsed = tender.events.only("r1", Responded.class);
            assertThat(lapsed.outcome()).isEqualTo(ResponseOutcome.LAPSED);
            assertThat(lapsed.provider().value()).isEqualTo("azure");
            assertThat(lapsed.at()).isEqualTo(at("2025-02-06"));
            assertThat(tender.events.of("r1", Offered.class))
                    .extracting(o -> o.provider().value(), Offered::kind, Offered::at, Offered::deadline)
                    .containsExactly(
                            tuple("azure", OfferKind.ROFR, NOW, at("2025-02-06")),
                            tuple("coreweave", OfferKind.RFQ, at("2025-02-06"), at("2025-02-07")),
                            tuple("oracle", OfferKind.RFQ, at("2025-02-06"), at("2025-02-07")));
            assertThat(lapsed.seq())
                    .isLessThan(tender.events.of("r1", Offered.class).get(1).seq());

            coreweave().take(100, "5.50", "cw-east", MARCH_1);
            oracle().decline("no room");
            assertThat(tender.events.only("r1", Awarded.class).provider().value())
                    .isEqualTo("coreweave");
            assertThat(tender.events.closed("r1").outcome()).isEqualTo(TerminalState.FULFILLED);
        }

        @Test
        void anAnswerDueAtTheVeryDeadlineIsTaken() {
            start(rofr);
            azure().script(tender.scheduler, Duration.ofDays(5), offer -> taking(100, "6.00", "azure-east", MARCH_1));
            tender.submit(request("r1", 100).build());

            tender.runUntil(at("2025-02-10"));

            assertThat(azure().replies()).containsExactly(Reply.RECEIVED);
            Responded responded = tender.events.only("r1", Responded.class);
            assertThat(responded.outcome()).isEqualTo(ResponseOutcome.ACCEPTED);
            assertThat(responded.at()).isEqualTo(at("2025-02-06"));
            assertThat(tender.events.closed("r1").outcome()).isEqualTo(TerminalState.FULFILLED);
        }

        @Test
        void holderAloneClosesWithWhatItTook() {
            start(world(rofr)
                    .provider("stargate", "H100", "4.00")
                    .pool("stargate", "abilene", "us-central", "H100", 10));
            tender.submit(request("r1", 100).regions("us-west").build());
            assertThat(tender.events.only("r1", Routed.class).eligible())
                    .extracting(ProviderId::value)
                    .containsExactly("azure", "oracle");

            azure().take(30, "6.00", "azure-west", MARCH_1);
            oracle().take(70, "5.00", "oracle-west", MARCH_2);

            assertThat(tender.events.of("r1", Awarded.class))
                    .extracting(a -> a.site().value(), Awarded::units)
                    .containsExactly(tuple("azure-west", 30), tuple("oracle-west", 70));
        }
    }

    @Nested
    class Match {

        private final Agreement rofr =
                match("azure-rofr", "azure", Duration.ofHours(12), Scope.EVERYTHING, "2025-01-21", null);

        @Test
        void marketFirstThenTheHolderMatchesTheBestQuoteAndIsAwardedFirst() {
            start(rofr);
            tender.submit(request("r1", 150).build());

            assertThat(azure().offers()).isEmpty();
            coreweave().take(100, "5.50", "cw-east", MARCH_2);
            oracle().take(100, "5.00", "oracle-west", MARCH_3);

            Offer matchOffer = azure().last();
            assertThat(matchOffer.kind()).isEqualTo(OfferKind.MATCH);
            assertThat(matchOffer.matchPrice()).isEqualTo(Money.ofDollars(5));
            assertThat(matchOffer.matchStart()).isEqualTo(MARCH_3);
            assertThat(matchOffer.latestStart()).isEqualTo(MARCH_3);
            assertThat(matchOffer.units()).isEqualTo(150);
            Offered offered = tender.events.of("r1", Offered.class).get(2);
            assertThat(offered.kind()).isEqualTo(OfferKind.MATCH);
            assertThat(offered.provider().value()).isEqualTo("azure");
            assertThat(offered.matchPrice()).isEqualTo(Money.ofDollars(5));
            assertThat(offered.agreement()).isEqualTo(new AgreementId("azure-rofr"));
            assertThat(offered.deadline()).isEqualTo(at("2025-02-01T12:00:00Z"));

            azure().take(80, "5.00", "azure-east", MARCH_1);

            assertThat(tender.events.types("r1"))
                    .containsExactly(
                            "SUBMITTED",
                            "ROUTED",
                            "OFFERED",
                            "OFFERED",
                            "RESPONDED",
                            "RESPONDED",
                            "OFFERED",
                            "RESPONDED",
                            "AWARDED",
                            "AWARDED",
                            "CLOSED");
            assertThat(tender.events.of("r1", Offered.class))
                    .extracting(o -> o.provider().value(), Offered::kind)
                    .containsExactly(
                            tuple("coreweave", OfferKind.RFQ),
                            tuple("oracle", OfferKind.RFQ),
                            tuple("azure", OfferKind.MATCH));
            assertThat(tender.events.of("r1", Awarded.class))
                    .extracting(a -> a.provider().value(), Awarded::units, Awarded::unitPrice, Awarded::start)
                    .containsExactly(
                            tuple("azure", 80, Money.ofDollars(5), MARCH_1),
                            tuple("oracle", 70, Money.ofDollars(5), MARCH_3));
            assertThat(tender.events.only("r1", Routed.class).route()).isEqualTo(RouteKind.ROFR_MATCH);
            assertThat(tender.events.closed("r1").outcome()).isEqualTo(TerminalState.FULFILLED);
            assertThat(tender.free("cw-east", "H100", MARCH_2, DAY)).isEqualTo(1000);
            assertThat(tender.free("oracle-west", "H100", MARCH_3, DAY)).isEqualTo(930);
        }

        @Test
        void anAllOrNothingRightBindsTheMatchToo() {
            start(new RightOfFirstRefusal(
                    new AgreementId("azure-rofr"),
                    new ProviderId("azure"),
                    RightOfFirstRefusal.Mode.MATCH,
                    Duration.ofHours(12),
                    false,
                    Scope.EVERYTHING,
                    at("2025-01-21"),
                    null));
            tender.submit(request("r1", 150).build());
            coreweave().take(100, "5.50", "cw-east", MARCH_2);
            oracle().take(100, "5.00", "oracle-west", MARCH_3);

            assertThat(azure().last().partialAllowed()).isFalse();
            assertThat(azure().take(80, "5.00", "azure-east", MARCH_1))
                    .isEqualTo(new Reply.Refused("offer r1.o3 must be taken whole (150 units) or declined"));
            assertThat(azure().take(150, "5.00", "azure-east", MARCH_1)).isEqualTo(Reply.RECEIVED);

            assertThat(tender.events.of("r1", Awarded.class))
                    .extracting(a -> a.provider().value(), Awarded::units)
                    .containsExactly(tuple("azure", 150));
        }

        @Test
        void aMatchAboveTheBestQuoteIsRefusedAndTheMarketFills() {
            start(rofr);
            tender.submit(request("r1", 150).build());
            coreweave().take(100, "5.50", "cw-east", MARCH_2);
            oracle().take(100, "5.00", "oracle-west", MARCH_3);

            azure().take(150, "5.20", "azure-east", MARCH_1);

            assertThat(tender.events.of("r1", Responded.class).get(2).reason())
                    .isEqualTo("quoted 5.20, above the match price 5.00");
            assertThat(tender.events.of("r1", Awarded.class))
                    .extracting(a -> a.provider().value(), Awarded::units)
                    .containsExactly(tuple("oracle", 100), tuple("coreweave", 50));
            assertThat(tender.free("azure-east", "H100", MARCH_1, DAY)).isEqualTo(1000);
        }

        @Test
        void aMatchStartingLaterThanTheBestQuoteIsRefused() {
            start(rofr);
            tender.submit(request("r1", 100).build());
            coreweave().decline("no room");
            oracle().take(100, "5.00", "oracle-west", MARCH_2);

            azure().take(100, "5.00", "azure-east", MARCH_3);

            assertThat(tender.events.of("r1", Responded.class).get(2).reason())
                    .isEqualTo("start 2025-03-03T00:00:00Z is later than the best market start 2025-03-02T00:00:00Z");
            assertThat(tender.events.only("r1", Awarded.class).provider().value())
                    .isEqualTo("oracle");
        }

        @Test
        void aLapsedMatchLeavesTheMarketQuotes() {
            start(rofr);
            tender.submit(request("r1", 100).build());
            coreweave().take(100, "5.50", "cw-east", MARCH_2);
            oracle().take(100, "5.00", "oracle-west", MARCH_3);

            tender.runUntil(at("2025-02-02"));

            Responded lapsed = tender.events.of("r1", Responded.class).get(2);
            assertThat(lapsed.outcome()).isEqualTo(ResponseOutcome.LAPSED);
            assertThat(lapsed.at()).isEqualTo(at("2025-02-01T12:00:00Z"));
            assertThat(tender.events.only("r1", Awarded.class).provider().value())
                    .isEqualTo("oracle");
            assertThat(tender.free("cw-east", "H100", MARCH_2, DAY)).isEqualTo(1000);
        }

        @Test
        void withoutAMarketQuoteTheHolderIsAskedOnItsOwnTerms() {
            start(rofr);
            tender.submit(request("r1", 100).maxPrice("6.50").build());
            tender.advance(Duration.ofHours(2));
            coreweave().decline("no room");
            // Over maxPrice: recorded, but not a quote the holder could be asked to match.
            oracle().take(100, "7.00", "oracle-west", MARCH_1);

            Offered own = tender.events.of("r1", Offered.class).get(2);
            assertThat(own.provider().value()).isEqualTo("azure");
            assertThat(own.kind()).isEqualTo(OfferKind.ROFR);
            assertThat(own.agreement()).isEqualTo(new AgreementId("azure-rofr"));
            assertThat(own.matchPrice()).isNull();
            assertThat(own.deadline()).isEqualTo(at("2025-02-01T14:00:00Z"));
            assertThat(azure().last().matchStart()).isNull();

            azure().take(100, "6.00", "azure-east", MARCH_1);

            assertThat(tender.events.only("r1", Awarded.class))
                    .extracting(a -> a.provider().value(), Awarded::unitPrice)
                    .containsExactly("azure", Money.ofDollars(6));
            assertThat(tender.events.closed("r1").outcome()).isEqualTo(TerminalState.FULFILLED);
        }

        @Test
        void holderAloneIsAskedOnItsOwnTermsAtOnce() {
            start(match("oracle-rofr", "oracle", Duration.ofHours(12), Scope.EVERYTHING, "2025-01-21", null));
            tender.submit(request("r1", 100).regions("us-west").build());

            // azure also has a us-west pool, so first a market of one:
            assertThat(tender.events.of("r1", Offered.class))
                    .extracting(o -> o.provider().value(), Offered::kind)
                    .containsExactly(tuple("azure", OfferKind.RFQ));

            TestBroker second = new TestBroker(
                    new TestWorld()
                            .provider("oracle", "H100", "5.00")
                            .pool("oracle", "oracle-west", "us-west", "H100", 1000)
                            .agreement(match(
                                    "oracle-rofr",
                                    "oracle",
                                    Duration.ofHours(12),
                                    Scope.EVERYTHING,
                                    "2025-01-21",
                                    null)),
                    NOW);
            second.submit(request("r2", 100).build());
            assertThat(second.events.of("r2", Offered.class))
                    .extracting(o -> o.provider().value(), Offered::kind, Offered::deadline)
                    .containsExactly(tuple("oracle", OfferKind.ROFR, at("2025-02-01T12:00:00Z")));
            second.responder("oracle").decline("no");
            assertThat(second.events.closed("r2").outcome()).isEqualTo(TerminalState.UNFULFILLED);
            second.events.assertWellFormed();
        }
    }

    @Nested
    class Exclusivity {

        private final Agreement azureOnly = exclusive("azure-exclusive", "azure", Scope.EVERYTHING, "2019-07-22", null);

        @Test
        void shortfallIsPartialWithCauseExclusive() {
            start(azureOnly);
            tender.submit(request("r1", 150).build());

            Offered offered = tender.events.only("r1", Offered.class);
            assertThat(offered.kind()).isEqualTo(OfferKind.EXCLUSIVE);
            assertThat(offered.deadline()).isEqualTo(NOW.plus(OFFER_WINDOW));
            assertThat(offered.agreement()).isEqualTo(new AgreementId("azure-exclusive"));
            assertThat(azure().last().partialAllowed()).isTrue();

            azure().take(60, "6.00", "azure-east", MARCH_1);

            Closed closed = tender.events.closed("r1");
            assertThat(closed.outcome()).isEqualTo(TerminalState.PARTIAL);
            assertThat(closed.units()).isEqualTo(60);
            assertThat(closed.cause()).isEqualTo(UnmetCause.EXCLUSIVE);
            assertThat(closed.reason()).startsWith("exclusive azure-exclusive: 60 of 150 units awarded");
            assertThat(coreweave().offers()).isEmpty();
            assertThat(oracle().offers()).isEmpty();
            assertThat(tender.events.of("r1", Awarded.class))
                    .allMatch(a -> a.provider().value().equals("azure"));
        }

        @Test
        void declinedExclusiveIsUnfulfilledNamingTheClause() {
            start(azureOnly);
            tender.submit(request("r1", 150).build());
            azure().decline("full");

            Closed closed = tender.events.closed("r1");
            assertThat(closed.outcome()).isEqualTo(TerminalState.UNFULFILLED);
            assertThat(closed.cause()).isEqualTo(UnmetCause.EXCLUSIVE);
            assertThat(closed.reason())
                    .isEqualTo(
                            "exclusive azure-exclusive: nothing awarded; 150 unmet (exclusive): azure declined: full");
        }

        @Test
        void exclusiveProviderWithoutAPoolClosesAtOnce() {
            start(exclusive("oracle-exclusive", "oracle", Scope.EVERYTHING, "2019-07-22", null));
            tender.submit(request("r1", 10).regions("us-east").build());

            assertThat(tender.events.types("r1")).containsExactly("SUBMITTED", "ROUTED", "CLOSED");
            Closed closed = tender.events.closed("r1");
            assertThat(closed.at()).isEqualTo(NOW);
            assertThat(closed.outcome()).isEqualTo(TerminalState.UNFULFILLED);
            assertThat(closed.cause()).isEqualTo(UnmetCause.EXCLUSIVE);
            assertThat(closed.reason())
                    .contains("oracle-exclusive makes oracle the only provider for all requests")
                    .contains("10 unmet (exclusive)");
            assertThat(tender.broker.openTenders()).isZero();
        }

        @Test
        void theWindowComesFromTheProvidersRight() {
            start(
                    azureOnly,
                    firstLook("azure-rofr", "azure", Duration.ofDays(5), true, Scope.EVERYTHING, "2025-01-21", null));
            tender.submit(request("r1", 10).build());

            assertThat(tender.events.only("r1", Offered.class).deadline()).isEqualTo(at("2025-02-06"));
        }
    }

    @Nested
    class Commitments {

        private final Commitment toAzure =
                commitment("azure-commitment", "azure", "10000", 0.10, Scope.EVERYTHING, "2025-01-21", null);

        @Test
        void preferenceReordersTheRankingUntilTheCommitmentIsMet() {
            start(toAzure);
            tender.submit(request("r1", 100).build());
            azure().take(100, "5.40", "azure-east", MARCH_1);
            oracle().take(100, "5.00", "oracle-west", MARCH_1);
            coreweave().take(100, "4.90", "cw-east", MARCH_1);

            // azure ranks as 4.86: ahead of coreweave's 4.90 and oracle's 5.00; it is paid its 5.40.
            Awarded first = tender.events.only("r1", Awarded.class);
            assertThat(tender.events.closed("r1").reason())
                    .as("the commitment decided who was awarded, and the closing sentence says so")
                    .startsWith("market, ranked by azure-commitment's preference: 100 of 100 units awarded (azure 100");
            assertThat(first.provider().value()).isEqualTo("azure");
            assertThat(first.unitPrice()).isEqualTo(Money.ofDollars("5.40"));
            assertThat(first.cost()).isEqualTo(Money.ofDollars(12_960));
            assertThat(tender.broker.burndown().met(toAzure)).isTrue();
            assertThat(tender.broker.burndown().metAt(toAzure)).contains(NOW);

            tender.advance(Duration.ofHours(1));
            tender.submit(request("r2", 100).build());
            azure().take(100, "5.40", "azure-east", MARCH_1);
            oracle().take(100, "5.00", "oracle-west", MARCH_1);
            coreweave().take(100, "4.90", "cw-east", MARCH_1);

            assertThat(tender.events.only("r2", Awarded.class).provider().value())
                    .as("met: no preference any more")
                    .isEqualTo("coreweave");
            assertThat(tender.events.closed("r2").reason()).startsWith("market: ");
        }

        @Test
        void aPreferenceThatChangesNoAwardIsNotSaidToHaveDecided() {
            start(toAzure);
            tender.submit(request("r1", 300).build());
            azure().take(100, "5.40", "azure-east", MARCH_1);
            oracle().take(100, "5.00", "oracle-west", MARCH_1);
            coreweave().take(100, "4.90", "cw-east", MARCH_1);

            assertThat(tender.events.of("r1", Awarded.class)).hasSize(3);
            assertThat(tender.events.closed("r1").reason())
                    .as("every quote was needed, whatever the order")
                    .startsWith("market: 300 of 300 units awarded");
        }

        @Test
        void aPreferenceTooSmallDoesNotWin() {
            start(toAzure);
            tender.submit(request("r1", 100).build());
            azure().take(100, "5.60", "azure-east", MARCH_1);
            oracle().take(100, "5.00", "oracle-west", MARCH_1);
            coreweave().decline("no");

            assertThat(tender.events.only("r1", Awarded.class).provider().value())
                    .isEqualTo("oracle");
            assertThat(tender.broker.burndown().spent(toAzure)).isEqualTo(Money.ZERO);
        }

        @Test
        void noPreferenceBeforeTheCommitmentIsInForce() {
            start(commitment("azure-commitment", "azure", "10000", 0.10, Scope.EVERYTHING, "2025-02-02", null));
            tender.submit(request("r1", 100).build());
            azure().take(100, "5.40", "azure-east", MARCH_1);
            oracle().take(100, "5.00", "oracle-west", MARCH_1);
            coreweave().decline("no");

            assertThat(tender.events.only("r1", Awarded.class).provider().value())
                    .isEqualTo("oracle");
        }
    }

    @Nested
    class Holds {

        @Test
        void aHeldQuoteIsNotOfferedTwice() {
            start();
            tender.submit(request("r1", 800).flex(Duration.ZERO).build());
            oracle().take(800, "5.00", "oracle-west", MARCH_1);
            assertThat(tender.free("oracle-west", "H100", MARCH_1, DAY)).isEqualTo(200);

            tender.submit(request("r2", 800).flex(Duration.ZERO).build());
            Reply tooMuch = oracle().take(800, "5.00", "oracle-west", MARCH_1);

            assertThat(tooMuch)
                    .isEqualTo(new Reply.Refused("site oracle-west does not have 800 H100 free from"
                            + " 2025-03-01T00:00:00Z to 2025-03-02T00:00:00Z"));
            assertThat(oracle().take(200, "5.00", "oracle-west", MARCH_1)).isEqualTo(Reply.RECEIVED);
            assertThat(tender.free("oracle-west", "H100", MARCH_1, DAY)).isZero();

            // The others decline both requests; each round then closes.
            for (ScriptedResponder other : List.of(azure(), coreweave())) {
                for (Offer offer : other.offers()) {
                    assertThat(other.answer(offer, new Answer.Decline("no"))).isEqualTo(Reply.RECEIVED);
                }
            }

            assertThat(tender.events.only("r1", Awarded.class).units()).isEqualTo(800);
            assertThat(tender.events.only("r2", Awarded.class).units()).isEqualTo(200);
            assertThat(tender.events.closed("r2").outcome()).isEqualTo(TerminalState.PARTIAL);
            assertThat(tender.free("oracle-west", "H100", MARCH_1, DAY)).isZero();
        }

        @Test
        void theSecondRequestsAutoResponderSeesReducedCapacity() {
            start(new TestWorld()
                    .provider("oracle", "H100", "5.00")
                    .responder("oracle", new ResponderSpec.Auto(Span.of(Duration.ofHours(1)), 1.0))
                    .pool("oracle", "oracle-west", "us-west", "H100", 100));
            tender.submit(request("r1", 60).flex(Duration.ZERO).build());
            tender.submit(request("r2", 60).flex(Duration.ZERO).build());

            tender.runUntil(at("2025-02-03"));

            assertThat(tender.events.only("r1", Awarded.class).units()).isEqualTo(60);
            Awarded second = tender.events.only("r2", Awarded.class);
            assertThat(second.units()).isEqualTo(40);
            assertThat(second.start()).isEqualTo(MARCH_1);
            assertThat(tender.events.only("r2", Responded.class).outcome()).isEqualTo(ResponseOutcome.PARTIAL);
            assertThat(tender.events.closed("r2").outcome()).isEqualTo(TerminalState.PARTIAL);
            assertThat(tender.free("oracle-west", "H100", MARCH_1, DAY)).isZero();
        }

        @Test
        void finerBucketsLetBackToBackRequestsShareAPool() {
            TestWorld hourly = new TestWorld()
                    .provider("oracle", "H100", "5.00")
                    .pool("oracle", "oracle-west", "us-west", "H100", 100)
                    .bucket(Duration.ofHours(1), 24 * 90);
            assertThat(backToBack(hourly)).containsExactly(Reply.RECEIVED, Reply.RECEIVED);

            TestWorld daily = new TestWorld()
                    .provider("oracle", "H100", "5.00")
                    .pool("oracle", "oracle-west", "us-west", "H100", 100);
            assertThat(backToBack(daily))
                    .as("a day bucket counts the morning's hold against the afternoon")
                    .containsExactly(
                            Reply.RECEIVED,
                            new Reply.Refused("site oracle-west does not have 100 H100 free from"
                                    + " 2025-03-01T12:00:00Z to 2025-03-02T00:00:00Z"));
        }

        /** The morning and the afternoon of March 1st, 100 units each, on a pool of 100. */
        private List<Reply> backToBack(TestWorld world) {
            start(world);
            tender.submit(request("am", 100).hours(12).flex(Duration.ZERO).build());
            Reply morning = oracle().take(100, "5.00", "oracle-west", MARCH_1);
            tender.submit(Requests.request("pm")
                    .units(100)
                    .start("2025-03-01T12:00:00Z")
                    .hours(12)
                    .build());
            Reply afternoon = oracle().take(100, "5.00", "oracle-west", at("2025-03-01T12:00:00Z"));
            tender.runUntil(at("2026-01-01"));
            tender.events.assertWellFormed();
            return List.of(morning, afternoon);
        }
    }

    @Nested
    class RefusedAnswers {

        @Test
        void unknownOffer() {
            start();
            tender.submit(request("r1", 100).build());
            int logged = tender.events.all().size();

            Reply reply = tender.broker.answer(
                    OfferId.parse("r9.o1").orElseThrow(), taking(10, "5.00", "oracle-west", MARCH_1));

            assertThat(reply).isInstanceOf(Reply.Closed.class);
            assertThat(((Reply.Closed) reply).reason()).startsWith("offer r9.o1 is not open");
            assertThat(tender.events.all()).hasSize(logged);
        }

        @Test
        void anAnswerByIdReachesTheOpenOfferAndItsDeskThenRefusesASecond() {
            start();
            tender.submit(request("r1", 100).build());

            Reply byId = tender.broker.answer(oracle().last().id(), taking(100, "5.00", "oracle-west", MARCH_1));
            Reply atDesk = oracle().take(100, "5.00", "oracle-west", MARCH_1);

            assertThat(byId).isEqualTo(Reply.RECEIVED);
            assertThat(atDesk).isInstanceOf(Reply.Closed.class);
            assertThat(tender.events.of("r1", Responded.class)).hasSize(1);
            assertThat(tender.free("oracle-west", "H100", MARCH_1, DAY)).isEqualTo(900);
        }

        @Test
        void tooManyOrTooFewUnits() {
            start();
            tender.submit(request("r1", 100).build());

            assertThat(oracle().take(101, "5.00", "oracle-west", MARCH_1))
                    .isEqualTo(new Reply.Refused("units must be between 1 and 100, not 101"));
            assertThat(oracle().take(0, "5.00", "oracle-west", MARCH_1))
                    .isEqualTo(new Reply.Refused("units must be between 1 and 100, not 0"));
            Answer free = new Answer.Take(10, Money.ZERO, new SiteId("oracle-west"), MARCH_1);
            assertThat(oracle().answer(oracle().last(), free))
                    .isEqualTo(new Reply.Refused("unitPrice must be positive, not 0.00"));
            assertThat(tender.events.of("r1", Responded.class)).isEmpty();
        }

        @Test
        void wrongSite() {
            start();
            tender.submit(request("r1", 100).regions("us-east").build());

            assertThat(coreweave().take(10, "5.00", "oracle-west", MARCH_1))
                    .isEqualTo(new Reply.Refused("site oracle-west has no H100 pool of coreweave"));
            assertThat(azure().take(10, "5.00", "azure-west", MARCH_1))
                    .isEqualTo(new Reply.Refused("site azure-west is in us-west, a region the request does not allow"));
            assertThat(azure().take(10, "5.00", "nowhere", MARCH_1)).isInstanceOf(Reply.Refused.class);
            assertThat(tender.events.of("r1", Responded.class)).isEmpty();
            assertThat(azure().take(10, "5.00", "azure-east", MARCH_1)).isEqualTo(Reply.RECEIVED);
        }

        @Test
        void afterTheDeadline() {
            // The clock passes the deadline before the deadline's action has run, as a real clock can.
            // The log of this broker is not checked afterwards: its lapse is stamped when the action runs.
            TestBroker late = new TestBroker(world(), NOW);
            late.submit(request("r1", 100).build());
            late.clock.advanceTo(at("2025-02-02T00:00:01Z"));

            assertThat(late.responder("oracle").take(10, "5.00", "oracle-west", MARCH_1))
                    .isEqualTo(new Reply.Closed("offer r1.o3 closed at 2025-02-02T00:00:00Z"));
            assertThat(late.events.of("r1", Responded.class)).isEmpty();
            assertThat(late.free("oracle-west", "H100", MARCH_1, DAY)).isEqualTo(1000);
        }

        @Test
        void afterTheOfferLapsedOrWasAnswered() {
            start();
            tender.submit(request("r1", 100).build());
            assertThat(oracle().decline("no")).isEqualTo(Reply.RECEIVED);
            assertThat(oracle().decline("still no")).isInstanceOf(Reply.Closed.class);

            tender.runUntil(at("2025-02-02"));

            assertThat(azure().take(10, "5.00", "azure-east", MARCH_1)).isInstanceOf(Reply.Closed.class);
            assertThat(tender.events.of("r1", Responded.class))
                    .extracting(r -> r.provider().value(), Responded::outcome)
                    .containsExactly(
                            tuple("oracle", ResponseOutcome.DECLINED),
                            tuple("azure", ResponseOutcome.LAPSED),
                            tuple("coreweave", ResponseOutcome.LAPSED));
        }
    }

    @Nested
    class Lifecycle {

        @Test
        void cancelReleasesHeldCapacityAndClosesCancelled() {
            start();
            tender.submit(request("r1", 100).build());
            azure().take(100, "6.00", "azure-east", MARCH_1);
            assertThat(tender.free("azure-east", "H100", MARCH_1, DAY)).isEqualTo(900);

            assertThat(tender.broker.cancel(new RequestId("r1"), "tenant withdrew"))
                    .isTrue();

            assertThat(tender.free("azure-east", "H100", MARCH_1, DAY)).isEqualTo(1000);
            Closed closed = tender.events.closed("r1");
            assertThat(closed.outcome()).isEqualTo(TerminalState.CANCELLED);
            assertThat(closed.units()).isZero();
            assertThat(closed.cause()).isEqualTo(UnmetCause.WITHDRAWN);
            assertThat(closed.reason()).isEqualTo("market: nothing awarded: cancelled: tenant withdrew");
            assertThat(oracle().take(100, "5.00", "oracle-west", MARCH_1)).isInstanceOf(Reply.Closed.class);
            int logged = tender.events.all().size();
            tender.runUntil(at("2025-02-10"));
            assertThat(tender.events.all()).hasSize(logged);
            assertThat(tender.broker.cancel(new RequestId("r1"), "again")).isFalse();
            assertThat(tender.broker.openTenders()).isZero();
        }

        @Test
        void cancelKeepsAwardsAlreadyMade() {
            start(firstLook("azure-rofr", "azure", Duration.ofDays(5), true, Scope.EVERYTHING, "2025-01-21", null));
            tender.submit(request("r1", 100).build());
            azure().take(60, "6.00", "azure-east", MARCH_1);
            coreweave().take(40, "5.50", "cw-east", MARCH_1);

            tender.broker.cancel(new RequestId("r1"), "changed plans");

            Closed closed = tender.events.closed("r1");
            assertThat(closed.outcome()).isEqualTo(TerminalState.CANCELLED);
            assertThat(closed.units()).isEqualTo(60);
            assertThat(tender.free("azure-east", "H100", MARCH_1, DAY)).isEqualTo(940);
            assertThat(tender.free("cw-east", "H100", MARCH_1, DAY)).isEqualTo(1000);
        }

        @Test
        void unknownAcceleratorIsRejected() {
            start();
            assertThat(tender.submit(request("r1", 10).accelerator("B300").build()))
                    .isEqualTo(Reply.RECEIVED);

            assertThat(tender.events.types("r1")).containsExactly("SUBMITTED", "CLOSED");
            Closed closed = tender.events.closed("r1");
            assertThat(closed.outcome()).isEqualTo(TerminalState.REJECTED);
            assertThat(closed.reason()).isEqualTo("unknown accelerator B300");
            assertThat(closed.units()).isZero();
            assertThat(closed.cause()).isEqualTo(UnmetCause.WITHDRAWN);
        }

        @Test
        void aStartBeforeTheSubmissionIsRejected() {
            start();
            tender.submit(request("r1", 10).start("2025-01-31T23:00:00Z").build());

            assertThat(tender.events.types("r1")).containsExactly("SUBMITTED", "CLOSED");
            Closed closed = tender.events.closed("r1");
            assertThat(closed.outcome()).isEqualTo(TerminalState.REJECTED);
            assertThat(closed.reason())
                    .isEqualTo(
                            "start 2025-01-31T23:00:00Z is before the request was submitted at 2025-02-01T00:00:00Z");
            assertThat(closed.cause()).isEqualTo(UnmetCause.WITHDRAWN);
        }

        @Test
        void aStartAtTheVeryInstantOfSubmissionIsTaken() {
            start();
            tender.submit(request("r1", 10).start(NOW).build());

            assertThat(tender.events.types("r1")).contains("ROUTED");
        }

        @Test
        void unknownWorkloadIsRejected() {
            start();
            tender.submit(request("r1", 10).workload("gaming").build());

            assertThat(tender.events.closed("r1").reason()).isEqualTo("unknown workload class gaming");
            assertThat(tender.events.closed("r1").outcome()).isEqualTo(TerminalState.REJECTED);
        }

        @Test
        void noEligibleProviderClosesUnfulfilledAtOnce() {
            start();
            tender.submit(request("r1", 10).accelerator("GB200").build());

            assertThat(tender.events.types("r1")).containsExactly("SUBMITTED", "ROUTED", "CLOSED");
            Closed closed = tender.events.closed("r1");
            assertThat(closed.outcome()).isEqualTo(TerminalState.UNFULFILLED);
            assertThat(closed.cause()).isEqualTo(UnmetCause.NO_PROVIDER);
            assertThat(closed.reason())
                    .isEqualTo(
                            "market: nothing awarded; 10 unmet (no-provider): no provider has a GB200 pool in any region");
        }

        @Test
        void aRequestStillOpenCannotBeSubmittedAgain() {
            start();
            tender.submit(request("r1", 10).build());
            int logged = tender.events.all().size();

            assertThat(tender.submit(request("r1", 10).build()))
                    .isEqualTo(new Reply.Refused("request r1 is already open"));
            assertThat(tender.events.all()).hasSize(logged);
        }

        @Test
        void seqIsStrictlyIncreasingAcrossRequestsAndClosedIsLast() {
            start();
            tender.submit(request("r1", 10).build());
            tender.advance(Duration.ofHours(1));
            tender.submit(request("r2", 10).build());
            tender.runUntil(at("2025-02-05"));

            List<TenderEvent> all = tender.events.all();
            assertThat(all).extracting(TenderEvent::seq).isSorted().doesNotHaveDuplicates();
            assertThat(all.get(0).seq()).isEqualTo(1);
            assertThat(tender.events.of("r1").get(tender.events.of("r1").size() - 1))
                    .isInstanceOf(Closed.class);
            assertThat(tender.events.of("r2").get(tender.events.of("r2").size() - 1))
                    .isInstanceOf(Closed.class);
            assertThat(tender.events.closed("r1").at()).isEqualTo(at("2025-02-02"));
            assertThat(tender.events.closed("r2").at()).isEqualTo(at("2025-02-02T01:00:00Z"));
        }
    }
}
