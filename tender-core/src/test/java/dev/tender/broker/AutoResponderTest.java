package dev.tender.broker;

import static dev.tender.fixtures.TestWorld.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tender.capacity.CapacityLedger;
import dev.tender.capacity.Pool;
import dev.tender.demand.Request;
import dev.tender.event.OfferId;
import dev.tender.event.OfferKind;
import dev.tender.fixtures.ManualScheduler;
import dev.tender.fixtures.Requests;
import dev.tender.fixtures.TestWorld;
import dev.tender.money.Money;
import dev.tender.provider.Provider;
import dev.tender.provider.ProviderId;
import dev.tender.provider.ResponderSpec;
import dev.tender.provider.SiteId;
import dev.tender.time.Span;
import dev.tender.time.VirtualClock;
import dev.tender.world.World;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stargate answers by rule: GB200 at 9.50. {@code abilene} (us-central) has 100 units from the
 * start; {@code stargate-2} (us) gets 100 from 2025-03-02 on, as a building comes online.
 */
class AutoResponderTest {

    private static final Instant NOW = at("2025-02-01");
    private static final Instant MARCH_1 = at("2025-03-01");
    private static final ProviderId STARGATE = new ProviderId("stargate");
    private static final SiteId ABILENE = new SiteId("abilene");
    private static final SiteId SECOND = new SiteId("stargate-2");
    private static final Money LIST = Money.ofDollars("9.50");

    private final TestWorld spec = new TestWorld()
            .provider("stargate", "GB200", "9.50")
            .pool("stargate", "abilene", "us-central", "GB200", 100)
            .site("stargate", "stargate-2", "us")
            .capacity("stargate-2", "GB200", 100, at("2025-03-01T12:00:00Z"));
    private final World world = spec.build();
    private final CapacityLedger ledger = spec.ledger(world);
    private final VirtualClock clock = new VirtualClock(NOW);
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final Pool abilene = world.pools().get(0);
    private final Pool second = world.pools().get(1);

    private AutoResponder responder(double share) {
        return responder(Span.ofDays(1), share);
    }

    private AutoResponder responder(Span after, double share) {
        Provider stargate = world.provider(STARGATE).orElseThrow();
        return new AutoResponder(
                stargate, new ResponderSpec.Auto(after, share), world.footprint(), ledger, clock, scheduler);
    }

    private static Requests request(int units) {
        return Requests.request("r1")
                .accelerator("GB200")
                .units(units)
                .start(MARCH_1)
                .hours(24);
    }

    private static Offer offer(Request request, boolean partial) {
        return new Offer(
                OfferId.of(request.id(), 1),
                request,
                STARGATE,
                OfferKind.RFQ,
                request.units(),
                NOW,
                NOW.plus(Duration.ofDays(2)),
                null,
                null,
                null,
                partial);
    }

    private static Offer matchOffer(Request request, String matchPrice, Instant matchStart) {
        return new Offer(
                OfferId.of(request.id(), 2),
                request,
                STARGATE,
                OfferKind.MATCH,
                request.units(),
                NOW,
                NOW.plus(Duration.ofDays(2)),
                null,
                Money.ofDollars(matchPrice),
                matchStart,
                true);
    }

    private static Answer.Take take(int units, Money price, SiteId site, Instant start) {
        return new Answer.Take(units, price, site, start);
    }

    @Test
    void takesAtMostItsShareOfTheFreeUnits() {
        AutoResponder eighty = responder(0.8);
        Request asksEighty = request(80).regions("us-central").build();
        Request asksEightyOne = request(81).regions("us-central").build();

        assertThat(eighty.decide(offer(asksEighty, true))).isEqualTo(take(80, LIST, ABILENE, MARCH_1));
        assertThat(eighty.decide(offer(asksEightyOne, true)))
                .as("no whole fit: part at the requested start")
                .isEqualTo(take(80, LIST, ABILENE, MARCH_1));
        assertThat(eighty.decide(offer(asksEightyOne, false)))
                .isEqualTo(new Answer.Decline(
                        "no 81 GB200 free between 2025-03-01T00:00:00Z and 2025-03-01T00:00:00Z for 24h"));
        assertThat(responder(1.0).decide(offer(asksEightyOne, false))).isEqualTo(take(81, LIST, ABILENE, MARCH_1));
    }

    @Test
    void keepsTheRequestedStartWhenItIsFree() {
        Instant midMorning = at("2025-03-01T06:00:00Z");

        assertThat(responder(1.0).decide(offer(request(50).start(midMorning).build(), true)))
                .isEqualTo(take(50, LIST, ABILENE, midMorning));
    }

    @Test
    void startsAtALaterBucketBoundaryWithinTheFlex() {
        ledger.hold(abilene, 100, MARCH_1, at("2025-03-03"));

        // abilene is full until the 3rd; stargate-2 comes online on the 1st at noon, so counts from the 2nd.
        Answer answer =
                responder(1.0).decide(offer(request(50).flex(Duration.ofDays(7)).build(), true));

        assertThat(answer).isEqualTo(take(50, LIST, SECOND, at("2025-03-02")));
    }

    @Test
    void looksOnlyInAllowedRegions() {
        ledger.hold(abilene, 100, MARCH_1, at("2025-03-03"));

        Answer answer = responder(1.0)
                .decide(offer(
                        request(50)
                                .flex(Duration.ofDays(7))
                                .regions("us-central")
                                .build(),
                        true));

        assertThat(answer).isEqualTo(take(50, LIST, ABILENE, at("2025-03-03")));
    }

    @Test
    void prefersTheEarlierStartAcrossPools() {
        ledger.hold(abilene, 100, MARCH_1, at("2025-03-05"));

        Answer answer = responder(1.0)
                .decide(offer(request(100).flex(Duration.ofDays(7)).build(), false));

        assertThat(answer).isEqualTo(take(100, LIST, SECOND, at("2025-03-02")));
    }

    @Test
    void partAtTheRequestedStartFromThePoolWithTheMostRoom() {
        Request early = request(100).start(at("2025-03-03")).build();
        ledger.hold(second, 50, at("2025-03-03"), at("2025-03-04"));
        ledger.hold(abilene, 70, at("2025-03-03"), at("2025-03-04"));

        assertThat(responder(1.0).decide(offer(early, true))).isEqualTo(take(50, LIST, SECOND, at("2025-03-03")));
        assertThat(responder(0.5).decide(offer(early, true))).isEqualTo(take(25, LIST, SECOND, at("2025-03-03")));
    }

    @Test
    void declinesWithAReasonWhenNothingFits() {
        ledger.hold(abilene, 100, MARCH_1, at("2025-03-10"));

        Answer answer = responder(1.0)
                .decide(offer(
                        request(50)
                                .flex(Duration.ofDays(2))
                                .regions("us-central")
                                .build(),
                        true));

        assertThat(answer)
                .isEqualTo(new Answer.Decline(
                        "no 50 GB200 free between 2025-03-01T00:00:00Z and 2025-03-03T00:00:00Z for 24h"));
    }

    @Test
    void declinesAcceleratorsItHasNoPriceFor() {
        Answer answer = responder(1.0)
                .decide(offer(Requests.request("r1").accelerator("H100").build(), true));

        assertThat(answer).isEqualTo(new Answer.Decline("no price for H100"));
    }

    @Test
    void onAMatchQuotesTheMatchPriceAndNeverStartsLaterThanTheBestQuote() {
        ledger.hold(abilene, 100, MARCH_1, at("2025-03-03"));
        Request flexible =
                request(50).flex(Duration.ofDays(7)).regions("us-central").build();

        assertThat(responder(1.0).decide(matchOffer(flexible, "8.75", at("2025-03-04"))))
                .isEqualTo(take(50, Money.ofDollars("8.75"), ABILENE, at("2025-03-03")));
        assertThat(responder(1.0).decide(matchOffer(flexible, "8.75", at("2025-03-03"))))
                .isEqualTo(take(50, Money.ofDollars("8.75"), ABILENE, at("2025-03-03")));
        assertThat(responder(1.0).decide(matchOffer(flexible, "8.75", at("2025-03-02T12:00:00Z"))))
                .isEqualTo(new Answer.Decline(
                        "no 50 GB200 free between 2025-03-01T00:00:00Z and 2025-03-02T12:00:00Z for 24h"));
    }

    @Test
    void aMatchAboveTheListPriceIsStillQuotedAtTheMatchPrice() {
        Request request = request(50).regions("us-central").build();

        assertThat(responder(1.0).decide(matchOffer(request, "12.00", MARCH_1)))
                .isEqualTo(take(50, Money.ofDollars(12), ABILENE, MARCH_1));
    }

    @Test
    void answersAfterItsDelay() {
        List<Answer> answered = new ArrayList<>();
        AutoResponder responder = responder(Span.ofDays(1), 1.0);
        Offer offer = offer(request(50).regions("us-central").build(), true);

        responder.offered(offer, (id, answer) -> {
            assertThat(id).isEqualTo(offer.id());
            answered.add(answer);
            return Reply.RECEIVED;
        });

        assertThat(scheduler.due()).containsExactly(at("2025-02-02"));
        scheduler.runUntil(at("2025-02-01T23:59:59Z"));
        assertThat(answered).isEmpty();
        scheduler.runUntil(at("2025-02-02"));
        assertThat(answered).containsExactly(take(50, LIST, ABILENE, MARCH_1));
    }

    @Test
    void decidesAgainstTheLedgerAsItStandsWhenItAnswers() {
        List<Answer> answered = new ArrayList<>();
        Offer offer = offer(request(50).regions("us-central").build(), true);
        responder(1.0).offered(offer, (id, answer) -> {
            answered.add(answer);
            return Reply.RECEIVED;
        });

        ledger.hold(abilene, 70, MARCH_1, at("2025-03-02"));
        scheduler.runUntil(at("2025-02-03"));

        assertThat(answered).containsExactly(take(30, LIST, ABILENE, MARCH_1));
    }

    @Test
    void answersAtTheVeryDeadlineRatherThanStayingSilent() {
        responder(Span.ofDays(2), 1.0).offered(offer(request(50).build(), true), (id, answer) -> Reply.RECEIVED);

        assertThat(scheduler.due()).containsExactly(at("2025-02-03"));
    }

    @Test
    void staysSilentWhenItsDelayIsPastTheDeadline() {
        List<Answer> answered = new ArrayList<>();
        responder(Span.ofDays(3), 1.0).offered(offer(request(50).build(), true), (id, answer) -> {
            answered.add(answer);
            return Reply.RECEIVED;
        });

        assertThat(scheduler.pending()).isZero();
        scheduler.runUntil(at("2025-03-01"));
        assertThat(answered).isEmpty();
    }

    @Test
    void aRefusedAnswerIsABug() {
        responder(1.0).offered(offer(request(50).build(), true), (id, answer) -> new Reply.Refused("no such offer"));

        assertThatThrownBy(() -> scheduler.runUntil(at("2025-02-03")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("auto responder of stargate was refused: no such offer");
    }

    @Test
    void anOfferClosedBeforeTheAnswerIsLeftAlone() {
        responder(1.0).offered(offer(request(50).build(), true), (id, answer) -> new Reply.Closed("request cancelled"));

        scheduler.runUntil(at("2025-02-03"));

        assertThat(ledger.freeOver(abilene, MARCH_1, Duration.ofHours(24))).isEqualTo(100);
    }
}
