package dev.tender.sim;

import dev.tender.broker.AutoResponder;
import dev.tender.broker.Broker;
import dev.tender.broker.Responder;
import dev.tender.capacity.CapacityLedger;
import dev.tender.capacity.TimeGrid;
import dev.tender.demand.Generator;
import dev.tender.demand.TraceRequest;
import dev.tender.event.EventSink;
import dev.tender.provider.Provider;
import dev.tender.provider.ProviderId;
import dev.tender.provider.ResponderSpec;
import dev.tender.world.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Plays a scenario's demand against its world on a virtual clock: requests are submitted at their
 * instants, providers answer by their rules, deadlines pass, and every decision goes to the sink.
 * The same scenario and seed always give the same events.
 */
public final class Simulation {

    /** Told how far the run has come, now and then; for a progress bar. */
    @FunctionalInterface
    public interface Progress {
        void at(Instant simulated, long submitted);

        Progress NONE = (simulated, submitted) -> {};
    }

    /** What a finished run did. */
    public record Run(long submitted, Instant lastEvent) {}

    private static final int PROGRESS_EVERY = 8192;

    private final Scenario scenario;
    private final VirtualClock clock;
    private final EventQueue agenda = new EventQueue();
    private final Broker broker;

    public Simulation(Scenario scenario, EventSink sink) {
        this.scenario = scenario;
        this.clock = new VirtualClock(scenario.start());
        TimeGrid grid = TimeGrid.covering(
                scenario.start(), demandEnd(scenario), scenario.world().bucket());
        CapacityLedger ledger = new CapacityLedger(grid, scenario.world().pools());
        Map<ProviderId, Responder> responders = new HashMap<>();
        var footprint = scenario.world().footprint();
        for (Provider provider : scenario.world().providers()) {
            responders.put(
                    provider.id(),
                    provider.responder() instanceof ResponderSpec.Auto auto
                            ? new AutoResponder(provider, auto, footprint, ledger, clock, agenda)
                            : Responder.silent());
        }
        this.broker = new Broker(scenario.world(), ledger, responders, clock, agenda, sink);
    }

    /** The last instant any request of the scenario could need capacity, so the ledger reaches it. */
    static Instant demandEnd(Scenario scenario) {
        Instant end = scenario.end();
        for (Generator generator : scenario.generators()) {
            Instant until = generator.until() != null && generator.until().isBefore(scenario.end())
                    ? generator.until()
                    : scenario.end();
            Instant last = generator
                    .lead()
                    .addTo(until)
                    .plus(generator.flex())
                    .plus(Duration.ofHours(generator.hours().max()));
            end = last.isAfter(end) ? last : end;
        }
        for (TraceRequest trace : scenario.trace()) {
            Instant last = trace.request().latestStart().plus(trace.request().length());
            end = last.isAfter(end) ? last : end;
        }
        return end.plus(scenario.world().bucket());
    }

    public Run run(Progress progress) {
        DemandStream demand = new DemandStream(
                scenario.generators(), scenario.trace(), scenario.start(), scenario.end(), scenario.seed());
        long submitted = 0;
        long steps = 0;
        while (demand.hasNext() || !agenda.isEmpty()) {
            boolean submitNext =
                    demand.hasNext() && (agenda.isEmpty() || !demand.nextAt().isAfter(agenda.next()));
            if (submitNext) {
                TraceRequest next = demand.next();
                clock.advanceTo(next.submitted());
                broker.submit(next.request());
                submitted++;
            } else {
                clock.advanceTo(agenda.next());
                agenda.runNext();
            }
            if (++steps % PROGRESS_EVERY == 0) {
                progress.at(clock.instant(), submitted);
            }
        }
        progress.at(clock.instant(), submitted);
        return new Run(submitted, clock.instant());
    }

    public Broker broker() {
        return broker;
    }
}
