package dev.tender.planning;

import dev.tender.demand.TraceRequest;
import dev.tender.sim.DemandStream;
import dev.tender.world.Scenario;
import java.util.ArrayList;
import java.util.List;

/** The requests {@code simulate} plays for a scenario and seed, in submission order. */
final class DrawnDemand {

    private DrawnDemand() {}

    static List<TraceRequest> of(Scenario scenario) {
        DemandStream stream = new DemandStream(
                scenario.generators(),
                scenario.trace(),
                scenario.start(),
                scenario.end(),
                scenario.seed(),
                scenario.scale());
        List<TraceRequest> demand = new ArrayList<>();
        while (stream.hasNext()) {
            demand.add(stream.next());
        }
        return demand;
    }
}
