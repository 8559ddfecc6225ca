package dev.tender.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tender.event.TenderEvent;
import dev.tender.world.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class InvariantPropertyTest {

    @Property(tries = 300)
    void everyInvariantOfSectionFourHoldsInEveryRun(@ForAll("worlds") Scenario scenario) {
        List<TenderEvent> log = new ArrayList<>();
        new Simulation(scenario, log::add).run(Simulation.Progress.NONE);

        assertThat(InvariantChecker.check(scenario.world(), log)).isEmpty();
        coverage(log);
    }

    /** The generated worlds must reach every route, offer kind and outcome, or the property proves little. */
    private static void coverage(List<TenderEvent> log) {
        Set<String> seen = new TreeSet<>();
        for (TenderEvent event : log) {
            if (event instanceof TenderEvent.Routed r) {
                seen.add(r.route().name());
            } else if (event instanceof TenderEvent.Offered o) {
                seen.add(o.kind().name());
            } else if (event instanceof TenderEvent.Responded r) {
                seen.add(r.outcome().name());
            } else if (event instanceof TenderEvent.Closed c) {
                seen.add("closed " + c.outcome());
            }
        }
        for (String label : List.of(
                "EXCLUSIVE",
                "ROFR_FIRST_LOOK",
                "ROFR_MATCH",
                "MARKET",
                "ROFR",
                "MATCH",
                "RFQ",
                "ACCEPTED",
                "PARTIAL",
                "DECLINED",
                "LAPSED",
                "closed FULFILLED",
                "closed PARTIAL",
                "closed UNFULFILLED")) {
            Statistics.label(label).collect(seen.contains(label));
        }
        Statistics.label("EXCLUSIVE").coverage(c -> c.check(true).percentage(p -> p > 5));
        Statistics.label("ROFR_FIRST_LOOK").coverage(c -> c.check(true).percentage(p -> p > 5));
        Statistics.label("ROFR_MATCH").coverage(c -> c.check(true).percentage(p -> p > 5));
        Statistics.label("MATCH").coverage(c -> c.check(true).percentage(p -> p > 2));
        Statistics.label("LAPSED").coverage(c -> c.check(true).percentage(p -> p > 5));
        Statistics.label("PARTIAL").coverage(c -> c.check(true).percentage(p -> p > 5));
        Statistics.label("closed PARTIAL").coverage(c -> c.check(true).percentage(p -> p > 5));
    }

    @Provide
    Arbitrary<Scenario> worlds() {
        return Arbitraries.randomValue(RandomWorld::build);
    }
}
