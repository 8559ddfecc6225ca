package dev.tender.server.node;

import dev.tender.broker.AutoResponder;
import dev.tender.broker.Broker;
import dev.tender.broker.Reply;
import dev.tender.broker.Responder;
import dev.tender.capacity.CapacityLedger;
import dev.tender.capacity.TimeGrid;
import dev.tender.demand.RequestId;
import dev.tender.demand.TenantId;
import dev.tender.event.TenderEvent;
import dev.tender.provider.Provider;
import dev.tender.provider.ProviderId;
import dev.tender.provider.ResponderSpec;
import dev.tender.scenario.ScenarioReader;
import dev.tender.sim.EventQueue;
import dev.tender.time.VirtualClock;
import dev.tender.world.Scenario;
import dev.tender.world.World;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The engine as the node drives it: the simulator's broker, ledger and agenda on a virtual clock
 * that the writer moves to each command's instant, firing every timer due by then at the timer's
 * own instant first, as the simulator's agenda does. Deterministic: the same commands at the same
 * instants yield the same events, which is what replay rests on. One thread only.
 */
public final class LiveEngine {

    private final VirtualClock clock = new VirtualClock(Instant.EPOCH);
    private final EventQueue agenda = new EventQueue();
    private final List<TenderEvent> emitted = new ArrayList<>();
    private final Map<Key, Named> keys = new HashMap<>();
    private @Nullable Broker broker;
    private @Nullable LiveWorld world;
    private long named;

    private record Key(TenantId tenant, String idempotencyKey) {}

    private record Named(RequestId request, Demand demand) {}

    /** Moves the clock to {@code now}, firing every timer due by then at its own instant, in order. */
    public void advanceTo(Instant now) {
        while (!agenda.isEmpty() && !agenda.next().isAfter(now)) {
            clock.advanceTo(agenda.next());
            agenda.runNext();
        }
        clock.advanceTo(now);
    }

    public Instant now() {
        return clock.instant();
    }

    /** When the next timer falls due, if one is set. */
    public Optional<Instant> nextTimer() {
        return agenda.isEmpty() ? Optional.empty() : Optional.of(agenda.next());
    }

    /** The events made since the last call, in order. */
    public List<TenderEvent> drainEvents() {
        List<TenderEvent> events = List.copyOf(emitted);
        emitted.clear();
        return events;
    }

    public Optional<LiveWorld> world() {
        return Optional.ofNullable(world);
    }

    Command.WorldLoad load(Command.LoadWorld command) {
        if (world != null) {
            return new Command.WorldLoad(
                    List.of("the node has a world already; it is loaded once, into an empty store"));
        }
        var result = new ScenarioReader().read(command.scenario(), null, command.source());
        if (result instanceof ScenarioReader.Result.Invalid invalid) {
            return new Command.WorldLoad(
                    invalid.problems().stream().map(Object::toString).toList());
        }
        Scenario scenario = ((ScenarioReader.Result.Loaded) result).scenario();
        List<String> unknown = command.manual().stream()
                .filter(id -> scenario.world().provider(id).isEmpty())
                .map(id -> "manual: no provider " + id + " in " + command.source())
                .toList();
        if (!unknown.isEmpty()) {
            return new Command.WorldLoad(unknown);
        }
        Instant now = clock.instant();
        World loaded = scenario.world();
        TimeGrid grid =
                TimeGrid.covering(origin(now, loaded), scenario.horizon().addTo(now), loaded.bucket());
        CapacityLedger ledger = new CapacityLedger(grid, loaded.pools());
        Map<ProviderId, Responder> responders = new HashMap<>();
        for (Provider provider : loaded.providers()) {
            boolean auto = provider.responder() instanceof ResponderSpec.Auto
                    && !command.manual().contains(provider.id());
            responders.put(
                    provider.id(),
                    auto
                            ? new AutoResponder(
                                    provider,
                                    (ResponderSpec.Auto) provider.responder(),
                                    loaded.footprint(),
                                    ledger,
                                    clock,
                                    agenda)
                            : Responder.silent());
        }
        broker = new Broker(loaded, loaded.footprint(), ledger, responders, clock, agenda, emitted::add);
        world = new LiveWorld(scenario.name(), loaded, grid, command.manual());
        return new Command.WorldLoad(List.of());
    }

    /** The grid starts at the bucket boundary at or before {@code now}, counted from the epoch, so capacity dates fall on boundaries. */
    private static Instant origin(Instant now, World world) {
        long size = world.bucket().toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), size) * size);
    }

    Submission submit(Command.Submit command) {
        if (broker == null) {
            return new Submission.Refused("the node has no world yet: start it with --scenario");
        }
        Key key = new Key(command.demand().tenant(), command.idempotencyKey());
        Named before = keys.get(key);
        if (before != null) {
            return before.demand().equals(command.demand())
                    ? new Submission.Repeated(before.request())
                    : new Submission.KeyReused(before.request());
        }
        RequestId id = new RequestId("req-" + ++named);
        keys.put(key, new Named(id, command.demand()));
        Reply reply = broker.submit(command.demand().named(id));
        if (reply instanceof Reply.Refused refused) {
            // The engine names requests one by one, so one can never be open already.
            throw new IllegalStateException("request " + id + " refused: " + refused.reason());
        }
        return new Submission.Accepted(id);
    }

    Reply respond(Command.Respond command) {
        if (broker == null) {
            return new Reply.Closed("offer " + command.offer() + " is not open: the node has no world yet");
        }
        return broker.answer(command.offer(), command.answer());
    }

    boolean cancel(Command.Cancel command) {
        return broker != null && broker.cancel(command.request(), command.reason());
    }
}
