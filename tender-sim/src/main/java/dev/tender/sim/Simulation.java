package dev.tender.sim;

import dev.tender.broker.AutoResponder;
import dev.tender.broker.Broker;
import dev.tender.broker.Reply;
import dev.tender.broker.Responder;
import dev.tender.capacity.CapacityLedger;
import dev.tender.capacity.TimeGrid;
import dev.tender.demand.TraceRequest;
import dev.tender.event.EventSink;
import dev.tender.provider.Provider;
import dev.tender.provider.ProviderId;
import dev.tender.provider.ResponderSpec;
import dev.tender.time.VirtualClock;
import dev.tender.world.Scenario;
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
                scenario.start(), scenario.demandEnd(), scenario.world().bucket());
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
        this.broker = new Broker(scenario.world(), footprint, ledger, responders, clock, agenda, sink);
    }

    public Run run(Progress progress) {
        try (DemandAhead demand = new DemandAhead(new DemandStream(
                scenario.generators(),
                scenario.trace(),
                scenario.start(),
                scenario.end(),
                scenario.seed(),
                scenario.scale()))) {
            return run(demand, progress);
        }
    }

    private Run run(DemandAhead demand, Progress progress) {
        long submitted = 0;
        long steps = 0;
        while (demand.hasNext() || !agenda.isEmpty()) {
            boolean submitNext =
                    demand.hasNext() && (agenda.isEmpty() || !demand.nextAt().isAfter(agenda.next()));
            if (submitNext) {
                TraceRequest next = demand.next();
                clock.advanceTo(next.submitted());
                // The scenario reader gives every request its own id, so a refusal here is a bug.
                if (broker.submit(next.request()) instanceof Reply.Refused refused) {
                    throw new IllegalStateException("request " + next.request().id() + " refused: " + refused.reason());
                }
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
}
