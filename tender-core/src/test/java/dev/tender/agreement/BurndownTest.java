package dev.tender.agreement;

import static dev.tender.fixtures.TestWorld.at;
import static dev.tender.fixtures.TestWorld.commitment;
import static dev.tender.fixtures.TestWorld.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tender.demand.Request;
import dev.tender.fixtures.Requests;
import dev.tender.money.Money;
import dev.tender.provider.ProviderId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BurndownTest {

    private static final ProviderId AZURE = new ProviderId("azure");
    private static final ProviderId ORACLE = new ProviderId("oracle");
    private static final Money ONE_DOLLAR = Money.ofDollars(1);

    /** $1000 with azure in February 2025, for training only, ten per cent preference. */
    private final Commitment february = commitment(
            "feb", "azure", "1000", 0.10, scope(List.of("training"), List.of(), List.of()), "2025-02-01", "2025-03-01");

    private final Burndown burndown = new Burndown(List.of(february));
    private final Request training = Requests.request("r").workload("training").build();

    @Test
    void aCommitmentEndedEarlyKeepsWhatWasSpentAndANewOneStartsAtNothing() {
        burndown.record(AZURE, training, ONE_DOLLAR, 10, at("2025-02-10"), at("2025-02-11"), at("2025-01-15"));
        Commitment endedEarly = commitment(
                "feb",
                "azure",
                "1000",
                0.10,
                scope(List.of("training"), List.of(), List.of()),
                "2025-02-01",
                "2025-02-15");
        Commitment added = commitment(
                "oracle-feb", "oracle", "500", 0.05, scope(List.of(), List.of(), List.of()), "2025-02-01", null);

        burndown.track(List.of(endedEarly, added));
        burndown.record(AZURE, training, ONE_DOLLAR, 10, at("2025-02-20"), at("2025-02-21"), at("2025-01-16"));

        assertThat(burndown.spent(endedEarly))
                .as("the award after the new end counts for nothing")
                .isEqualTo(Money.ofDollars(240));
        assertThat(burndown.spent(added)).isEqualTo(Money.ZERO);
    }

    @Test
    void countsAwardsInsideThePeriodInFull() {
        // 10 units x 24 h x $1
        burndown.record(AZURE, training, ONE_DOLLAR, 10, at("2025-02-10"), at("2025-02-11"), at("2025-01-15"));

        assertThat(burndown.spent(february)).isEqualTo(Money.ofDollars(240));
        assertThat(burndown.shortfall(february)).isEqualTo(Money.ofDollars(760));
        assertThat(burndown.met(february)).isFalse();
        assertThat(burndown.metAt(february)).isEmpty();
    }

    @Test
    void proRatesAwardsThatStraddleTheStartOrTheEnd() {
        // 12 of the 24 hours fall after from.
        burndown.record(
                AZURE,
                training,
                ONE_DOLLAR,
                10,
                at("2025-01-31T12:00:00Z"),
                at("2025-02-01T12:00:00Z"),
                at("2025-01-15"));
        assertThat(burndown.spent(february)).isEqualTo(Money.ofDollars(120));
        // 6 of the 24 hours fall before until.
        burndown.record(
                AZURE,
                training,
                ONE_DOLLAR,
                10,
                at("2025-02-28T18:00:00Z"),
                at("2025-03-01T18:00:00Z"),
                at("2025-01-15"));
        assertThat(burndown.spent(february)).isEqualTo(Money.ofDollars(180));
    }

    @Test
    void ignoresAwardsOutsideThePeriodOtherProvidersAndRequestsOutOfScope() {
        burndown.record(AZURE, training, ONE_DOLLAR, 10, at("2025-01-30"), at("2025-02-01"), at("2025-01-15"));
        burndown.record(AZURE, training, ONE_DOLLAR, 10, at("2025-03-01"), at("2025-03-02"), at("2025-01-15"));
        burndown.record(ORACLE, training, ONE_DOLLAR, 10, at("2025-02-10"), at("2025-02-11"), at("2025-01-15"));
        Request api = Requests.request("api").workload("api").build();
        burndown.record(AZURE, api, ONE_DOLLAR, 10, at("2025-02-10"), at("2025-02-11"), at("2025-01-15"));

        assertThat(burndown.spent(february)).isEqualTo(Money.ZERO);
        assertThat(burndown.shortfall(february)).isEqualTo(Money.ofDollars(1000));
    }

    @Test
    void metAtIsTheAwardThatReachesTheAmount() {
        burndown.record(AZURE, training, ONE_DOLLAR, 20, at("2025-02-10"), at("2025-02-11"), at("2025-01-10"));
        burndown.record(AZURE, training, Money.ofDollars(2), 10, at("2025-02-12"), at("2025-02-13"), at("2025-01-11"));
        burndown.record(AZURE, training, ONE_DOLLAR, 1, at("2025-02-12"), at("2025-02-13"), at("2025-01-12"));
        assertThat(burndown.spent(february)).isEqualTo(Money.ofDollars(984));
        assertThat(burndown.shortfall(february)).isEqualTo(Money.ofDollars(16));
        assertThat(burndown.metAt(february)).isEmpty();

        // 16 unit-hours more reach $1000 exactly: met.
        burndown.record(AZURE, training, ONE_DOLLAR, 1, at("2025-02-12"), at("2025-02-12T16:00:00Z"), at("2025-01-13"));
        assertThat(burndown.spent(february)).isEqualTo(Money.ofDollars(1000));
        assertThat(burndown.metAt(february)).contains(at("2025-01-13"));
        assertThat(burndown.shortfall(february)).isEqualTo(Money.ZERO);

        burndown.record(AZURE, training, ONE_DOLLAR, 100, at("2025-02-14"), at("2025-02-15"), at("2025-01-20"));
        assertThat(burndown.metAt(february)).as("stays the first time").contains(at("2025-01-13"));
        assertThat(burndown.spent(february)).isEqualTo(Money.ofDollars(3400));
        assertThat(burndown.shortfall(february)).as("never negative").isEqualTo(Money.ZERO);
    }

    @Test
    void preferenceOnlyWhileUnmetAndInForce() {
        assertThat(preference(burndown, AZURE, training, at("2025-01-31T23:59:59Z")))
                .isZero();
        assertThat(preference(burndown, AZURE, training, at("2025-02-01"))).isEqualTo(0.10);
        assertThat(preference(burndown, AZURE, training, at("2025-02-28T23:59:59Z")))
                .isEqualTo(0.10);
        assertThat(preference(burndown, AZURE, training, at("2025-03-01"))).isZero();
        assertThat(preference(burndown, ORACLE, training, at("2025-02-10"))).isZero();
        assertThat(preference(
                        burndown, AZURE, Requests.request("a").workload("api").build(), at("2025-02-10")))
                .isZero();

        burndown.record(AZURE, training, ONE_DOLLAR, 1000, at("2025-02-10"), at("2025-02-11"), at("2025-02-05"));

        assertThat(burndown.met(february)).isTrue();
        assertThat(preference(burndown, AZURE, training, at("2025-02-10"))).isZero();
    }

    @Test
    void theLargestUnmetPreferenceWins() {
        Commitment small = commitment("small", "azure", "100", 0.05, Scope.EVERYTHING, "2025-01-01", null);
        Commitment large = commitment("large", "azure", "100000", 0.20, Scope.EVERYTHING, "2025-01-01", null);
        Burndown both = new Burndown(List.of(small, large));

        assertThat(preference(both, AZURE, training, at("2025-02-01"))).isEqualTo(0.20);
        both.record(AZURE, training, ONE_DOLLAR, 100, at("2025-02-01"), at("2025-02-02"), at("2025-01-20"));
        assertThat(both.met(small)).isTrue();
        assertThat(both.met(large)).isFalse();
        assertThat(both.spent(large)).isEqualTo(Money.ofDollars(2400));
        assertThat(preference(both, AZURE, training, at("2025-02-01"))).isEqualTo(0.20);
    }

    @Test
    void refusesCommitmentsItDoesNotTrack() {
        Commitment other = commitment("other", "azure", "1", 0.1, Scope.EVERYTHING, "2025-01-01", null);

        assertThatThrownBy(() -> burndown.spent(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other");
    }

    private static double preference(Burndown burndown, ProviderId provider, Request request, Instant at) {
        return burndown.preferring(provider, request, at)
                .map(Commitment::preference)
                .orElse(0.0);
    }
}
