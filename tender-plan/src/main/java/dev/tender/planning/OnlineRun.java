package dev.tender.planning;

import dev.tender.event.EventSink;
import dev.tender.event.TenderEvent;
import dev.tender.report.Summary;
import dev.tender.report.SummaryCollector;
import dev.tender.sim.Simulation;
import dev.tender.world.Scenario;
import java.util.ArrayList;
import java.util.List;

/** The online engine's run of the same scenario and seed: its summary and every award it made. */
record OnlineRun(Summary summary, List<TenderEvent.Awarded> awards) {

    OnlineRun {
        awards = List.copyOf(awards);
    }

    static OnlineRun of(Scenario scenario) {
        SummaryCollector collector = new SummaryCollector(scenario.world(), scenario.start(), scenario.end());
        List<TenderEvent.Awarded> awards = new ArrayList<>();
        EventSink keepAwards = event -> {
            if (event instanceof TenderEvent.Awarded awarded) {
                awards.add(awarded);
            }
        };
        new Simulation(scenario, collector.andThen(keepAwards)).run(Simulation.Progress.NONE);
        return new OnlineRun(collector.summary(scenario.name(), scenario.seed()), awards);
    }
}
