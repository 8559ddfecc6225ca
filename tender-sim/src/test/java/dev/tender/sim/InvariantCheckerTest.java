package dev.tender.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tender.agreement.RouteKind;
import dev.tender.event.ResponseOutcome;
import dev.tender.event.TenderEvent;
import dev.tender.event.TenderEvent.Awarded;
import dev.tender.event.TenderEvent.Closed;
import dev.tender.event.TenderEvent.Offered;
import dev.tender.event.TenderEvent.Responded;
import dev.tender.event.TenderEvent.Routed;
import dev.tender.provider.ProviderId;
import dev.tender.world.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The checker must catch a broken log, or the property test that relies on it proves nothing. */
class InvariantCheckerTest {

    private Scenario scenario;
    private List<TenderEvent> log;

    @BeforeEach
    void runAWorldThatHasEveryKindOfEvent() {
        for (long seed = 1; ; seed++) {
            scenario = RandomWorld.build(new Random(seed));
            log = new ArrayList<>();
            new Simulation(scenario, log::add).run(Simulation.Progress.NONE);
            if (has(e -> e instanceof Awarded)
                    && has(e -> e instanceof Responded r && r.outcome() == ResponseOutcome.LAPSED)
                    && has(e -> e instanceof Routed r
                            && r.route() == RouteKind.EXCLUSIVE
                            && !r.eligible().isEmpty())) {
                return;
            }
        }
    }

    private boolean has(Predicate<TenderEvent> test) {
        return log.stream().anyMatch(test);
    }

    private List<String> checkWith(Predicate<TenderEvent> which, UnaryOperator<TenderEvent> change) {
        List<TenderEvent> broken = new ArrayList<>(log);
        for (int i = 0; i < broken.size(); i++) {
            if (which.test(broken.get(i))) {
                TenderEvent changed = change.apply(broken.get(i));
                if (changed == null) {
                    broken.remove(i);
                } else {
                    broken.set(i, changed);
                }
                break;
            }
        }
        return InvariantChecker.check(scenario.world(), broken);
    }

    @Test
    void theUnbrokenLogIsSound() {
        assertThat(InvariantChecker.check(scenario.world(), log)).isEmpty();
    }

    @Test
    void aRequestWithoutItsCloseIsCaught() {
        assertThat(checkWith(e -> e instanceof Closed, e -> null)).anyMatch(v -> v.startsWith("1: "));
    }

    @Test
    void anOfferToAnotherProviderUnderAnExclusiveIsCaught() {
        var exclusive = log.stream()
                .filter(e -> e instanceof Routed r
                        && r.route() == RouteKind.EXCLUSIVE
                        && !r.eligible().isEmpty())
                .findFirst()
                .orElseThrow()
                .request();
        assertThat(checkWith(e -> e instanceof Offered o && o.request().equals(exclusive), e -> {
                    Offered o = (Offered) e;
                    return new Offered(
                            o.seq(),
                            o.at(),
                            o.request(),
                            o.offer(),
                            new ProviderId("intruder"),
                            o.kind(),
                            o.units(),
                            o.deadline(),
                            o.agreement(),
                            o.matchPrice());
                }))
                .anyMatch(v -> v.startsWith("2: "));
    }

    @Test
    void anAwardBeyondCapacityIsCaught() {
        assertThat(checkWith(e -> e instanceof Awarded, e -> {
                    Awarded a = (Awarded) e;
                    return new Awarded(
                            a.seq(),
                            a.at(),
                            a.request(),
                            a.provider(),
                            a.site(),
                            a.accelerator(),
                            a.units() + 1_000_000,
                            a.unitPrice(),
                            a.start(),
                            a.end(),
                            a.cost(),
                            a.offer());
                }))
                .anyMatch(v -> v.startsWith("5: "))
                .anyMatch(v -> v.startsWith("6: "));
    }

    @Test
    void aLapseAfterTheDeadlineIsCaught() {
        assertThat(checkWith(e -> e instanceof Responded r && r.outcome() == ResponseOutcome.LAPSED, e -> {
                    Responded r = (Responded) e;
                    return new Responded(
                            r.seq(),
                            r.at().plusSeconds(1),
                            r.request(),
                            r.offer(),
                            r.provider(),
                            r.outcome(),
                            r.units(),
                            r.unitPrice(),
                            r.site(),
                            r.start(),
                            r.reason());
                }))
                .anyMatch(v -> v.startsWith("7: "));
    }

    @Test
    void aRouteThatTheClausesDoNotGiveIsCaught() {
        assertThat(checkWith(e -> e instanceof Routed, e -> {
                    Routed r = (Routed) e;
                    RouteKind other = r.route() == RouteKind.MARKET ? RouteKind.ROFR_MATCH : RouteKind.MARKET;
                    return new Routed(r.seq(), r.at(), r.request(), other, r.agreements(), r.eligible(), r.reason());
                }))
                .anyMatch(v -> v.startsWith("8: "));
    }
}
