package dev.tender.server.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tender.agreement.Agreement;
import dev.tender.agreement.AgreementId;
import dev.tender.agreement.Burndown;
import dev.tender.agreement.Commitment;
import dev.tender.broker.AutoResponder;
import dev.tender.broker.Broker;
import dev.tender.broker.Reply;
import dev.tender.broker.Responder;
import dev.tender.capacity.Accelerator;
import dev.tender.capacity.CapacityLedger;
import dev.tender.capacity.CapacityStep;
import dev.tender.capacity.Pool;
import dev.tender.capacity.TimeGrid;
import dev.tender.capacity.Window;
import dev.tender.demand.RequestId;
import dev.tender.demand.TenantId;
import dev.tender.event.TenderEvent;
import dev.tender.money.Money;
import dev.tender.provider.Provider;
import dev.tender.provider.ProviderId;
import dev.tender.provider.ResponderSpec;
import dev.tender.scenario.Problem;
import dev.tender.scenario.ScenarioReader;
import dev.tender.server.node.Command.WorldEdit;
import dev.tender.server.node.Command.WorldEdit.Outcome;
import dev.tender.sim.EventQueue;
import dev.tender.time.VirtualClock;
import dev.tender.world.Scenario;
import dev.tender.world.World;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The engine as the node drives it: the simulator's broker, ledger and agenda on a virtual clock
 * that the writer moves to each command's instant, firing every timer due by then at the timer's
 * own instant first, as the simulator's agenda does. Deterministic: the same commands at the same
 * instants yield the same events, which is what replay rests on. One thread only.
 */
public final class LiveEngine {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final VirtualClock clock = new VirtualClock(Instant.EPOCH);
    private final EventQueue agenda = new EventQueue();
    private final List<TenderEvent> emitted = new ArrayList<>();
    /** The keys of the last {@link #KEYS_KEPT}, oldest first (submissions come in the order of their instants). */
    private final LinkedHashMap<Key, Named> keys = new LinkedHashMap<>();
    /** Capacity announced while live, by pool index. */
    private final Map<Integer, List<CapacityStep>> announced = new HashMap<>();
    /** Units awarded from each pool (by index) in each bucket of the ledger's grid. */
    private final Map<Integer, long[]> awarded = new HashMap<>();
    /**
     * Each commitment's spend at the end of each day an award added to it, by the commitment's id
     * (which outlives an edit of the clause, as its spend does): a point a day at most, so it stays
     * small however many awards the node makes.
     */
    private final Map<AgreementId, TreeMap<Instant, Money>> spentByDay = new HashMap<>();

    private @Nullable Loaded loaded;
    private long named;

    /**
     * How long a tenant's {@code Idempotency-Key} is remembered from its first submission: a retry
     * within this gets the same request back; after it, the key names a new request. Counted on the
     * engine's clock, so a replay forgets exactly what the live node forgot.
     */
    public static final Duration KEYS_KEPT = Duration.ofHours(24);

    /**
     * A tenant's key as the first 128 bits of the SHA-256 of the tenant and the key: two numbers,
     * not two texts (a day of keys may be millions); two keys are told apart but for a chance of 2^-128.
     */
    private record Key(long high, long low) {
        static Key of(TenantId tenant, String idempotencyKey) {
            // Ids hold no line feed, so the text names one tenant and one key.
            ByteBuffer digest = Sha256.of(tenant.value() + "\n" + idempotencyKey);
            return new Key(digest.getLong(), digest.getLong());
        }
    }

    /**
     * What a key named: the request's number, the demand's fingerprint and when, in epoch
     * milliseconds; numbers, not objects, as a day of keys may be millions.
     */
    private record Named(long request, long demand, long atMillis) {}

    /** What a loaded world adds: its text (for edits), the engine, and what the API may read. */
    private static final class Loaded {
        String text;
        LiveWorld world;
        final CapacityLedger ledger;
        final Broker broker;

        Loaded(String text, LiveWorld world, CapacityLedger ledger, Broker broker) {
            this.text = text;
            this.world = world;
            this.ledger = ledger;
            this.broker = broker;
        }
    }

    /** Moves the clock to {@code now}, firing every timer due by then at its own instant, in order. */
    public void advanceTo(Instant now) {
        while (!agenda.isEmpty() && !agenda.next().isAfter(now)) {
            clock.advanceTo(agenda.next());
            agenda.runNext();
        }
        clock.advanceTo(now);
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
        return loaded == null ? Optional.empty() : Optional.of(loaded.world);
    }

    private void emit(TenderEvent event) {
        emitted.add(event);
        if (event instanceof TenderEvent.Awarded award && loaded != null) {
            recordBurndown(award.at());
            TimeGrid grid = loaded.ledger.grid();
            loaded.world
                    .world()
                    .footprint()
                    .poolAt(award.provider(), award.site(), award.accelerator())
                    .ifPresent(pool -> {
                        long[] units = awarded.computeIfAbsent(pool.index(), i -> new long[grid.buckets()]);
                        Window window = grid.cover(award.start(), Duration.between(award.start(), award.end()));
                        for (long b = Math.max(0, window.from()); b < Math.min(units.length, window.to()); b++) {
                            units[(int) b] += award.units();
                        }
                    });
        }
    }

    /** The broker counts an award toward the commitments before it tells of it, so the spend is current here. */
    private void recordBurndown(Instant at) {
        Loaded current = requireLoaded();
        Instant day = at.truncatedTo(ChronoUnit.DAYS);
        for (Commitment commitment : current.world.world().agreements().commitments()) {
            Money spent = current.broker.burndown().spent(commitment);
            TreeMap<Instant, Money> days = spentByDay.computeIfAbsent(commitment.id(), id -> new TreeMap<>());
            Map.Entry<Instant, Money> last = days.lastEntry();
            if (last == null ? spent.isPositive() : !last.getValue().equals(spent)) {
                days.put(day, spent);
            }
        }
    }

    WorldEdit load(Command.LoadWorld command) {
        if (loaded != null) {
            return WorldEdit.refused(
                    Outcome.CONFLICT,
                    "(world)",
                    "the node has a world already; it is loaded once, into an empty store");
        }
        var result = new ScenarioReader().read(command.scenario(), null, command.source());
        if (result instanceof ScenarioReader.Result.Invalid invalid) {
            return new WorldEdit(Outcome.INVALID, invalid.problems());
        }
        Scenario scenario = ((ScenarioReader.Result.Loaded) result).scenario();
        List<Problem> unknown = command.manual().stream()
                .filter(id -> scenario.world().provider(id).isEmpty())
                .map(id -> new Problem("manual", "no provider " + id + " in " + command.source()))
                .toList();
        if (!unknown.isEmpty()) {
            return new WorldEdit(Outcome.INVALID, unknown);
        }
        Instant now = clock.instant();
        World world = scenario.world();
        TimeGrid grid = TimeGrid.covering(origin(now, world), scenario.horizon().addTo(now), world.bucket());
        CapacityLedger ledger = new CapacityLedger(grid, world.pools());
        Map<ProviderId, Responder> responders = new HashMap<>();
        for (Provider provider : world.providers()) {
            responders.put(
                    provider.id(),
                    provider.responder() instanceof ResponderSpec.Auto auto
                                    && !command.manual().contains(provider.id())
                            ? new AutoResponder(provider, auto, world.footprint(), ledger, clock, agenda)
                            : Responder.silent());
        }
        Broker broker = new Broker(world, world.footprint(), ledger, responders, clock, agenda, this::emit);
        loaded = new Loaded(
                command.scenario(), new LiveWorld(scenario.name(), world, grid, command.manual()), ledger, broker);
        return WorldEdit.DONE;
    }

    /** The grid starts at the bucket boundary at or before {@code now}, counted from the epoch, so capacity dates fall on boundaries. */
    private static Instant origin(Instant now, World world) {
        long size = world.bucket().toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), size) * size);
    }

    WorldEdit addAgreement(Command.AddAgreement command) {
        Loaded current = requireLoaded();
        JsonNode entry;
        try {
            entry = JSON.readTree(command.entry());
        } catch (JsonProcessingException e) {
            return WorldEdit.refused(Outcome.INVALID, "(body)", "not JSON: " + e.getOriginalMessage());
        }
        WorldFile.Added withEntry = WorldFile.withAgreement(current.text, entry);
        String path = "agreements[" + withEntry.index() + "]";
        String text = withEntry.text();
        return edit(
                current,
                text,
                path,
                world -> world.agreements().all().stream()
                        .filter(a -> a.id().value().equals(entry.path("id").asText()))
                        .findFirst()
                        .filter(added -> !added.from().isAfter(clock.instant()))
                        .map(
                                added -> new Problem(
                                        path + ".from",
                                        "is not after now (" + clock.instant()
                                                + "): a clause added while live applies after it is added, not to requests already routed")));
    }

    WorldEdit endAgreement(Command.EndAgreement command) {
        Loaded current = requireLoaded();
        Optional<Agreement> agreement = current.world.world().agreements().all().stream()
                .filter(a -> a.id().equals(command.agreement()))
                .findFirst();
        if (agreement.isEmpty()) {
            return WorldEdit.refused(Outcome.NOT_FOUND, "id", "no agreement " + command.agreement());
        }
        Instant now = clock.instant();
        Instant until = agreement.get().until();
        if (until != null && !until.isAfter(now)) {
            return WorldEdit.refused(Outcome.CONFLICT, "id", command.agreement() + " ended already, at " + until);
        }
        Instant given = command.at();
        if (given != null && !given.isAfter(now)) {
            return WorldEdit.refused(
                    Outcome.INVALID, "at", "is not after now (" + now + "): a clause ends from now on");
        }
        Instant at = given != null ? given : now.plusMillis(1);
        if (!at.isAfter(agreement.get().from())) {
            return WorldEdit.refused(
                    Outcome.CONFLICT,
                    "at",
                    command.agreement() + " starts only at " + agreement.get().from()
                            + "; it can end after that, not before it starts");
        }
        if (until != null && at.isAfter(until)) {
            return WorldEdit.refused(Outcome.INVALID, "at", "is after the clause's own end, " + until);
        }
        String text = WorldFile.ending(current.text, command.agreement().value(), at)
                .orElseThrow(
                        () -> new IllegalStateException("agreement " + command.agreement() + " is not in the text"));
        return edit(current, text, "", world -> Optional.empty());
    }

    /**
     * Reads the edited world and, when it is valid and {@code refusal} finds nothing against it,
     * routes by its clauses from now on. Problems under {@code path} are told relative to it.
     */
    private WorldEdit edit(Loaded current, String text, String path, Function<World, Optional<Problem>> refusal) {
        var result = new ScenarioReader().read(text, null, current.world.name());
        if (result instanceof ScenarioReader.Result.Invalid invalid) {
            return new WorldEdit(Outcome.INVALID, relative(invalid.problems(), path));
        }
        World edited = ((ScenarioReader.Result.Loaded) result).scenario().world();
        Optional<Problem> refused = refusal.apply(edited);
        if (refused.isPresent()) {
            return new WorldEdit(Outcome.INVALID, relative(List.of(refused.get()), path));
        }
        current.text = text;
        current.world = new LiveWorld(
                current.world.name(),
                current.world.world().withAgreements(edited.agreements()),
                current.world.grid(),
                current.world.manual());
        current.broker.agreementsChanged(edited.agreements());
        return WorldEdit.DONE;
    }

    private static List<Problem> relative(List<Problem> problems, String path) {
        if (path.isEmpty()) {
            return problems;
        }
        return problems.stream()
                .map(problem -> problem.path().startsWith(path + ".")
                        ? new Problem(problem.path().substring(path.length() + 1), problem.message())
                        : problem)
                .toList();
    }

    WorldEdit announce(Command.AnnounceCapacity command) {
        Loaded current = requireLoaded();
        World world = current.world.world();
        if (world.provider(command.provider()).isEmpty()) {
            return WorldEdit.refused(Outcome.NOT_FOUND, "provider", "no provider " + command.provider());
        }
        Accelerator accelerator = world.accelerators().get(command.accelerator());
        if (accelerator == null) {
            return WorldEdit.refused(Outcome.INVALID, "accelerator", "unknown accelerator " + command.accelerator());
        }
        Optional<Pool> pool = world.footprint().poolAt(command.provider(), command.site(), command.accelerator());
        if (pool.isEmpty()) {
            return WorldEdit.refused(
                    Outcome.INVALID,
                    "site",
                    command.provider() + " has no " + command.accelerator() + " pool at a site " + command.site()
                            + "; capacity is announced for a pool the world has");
        }
        Integer given = command.units();
        BigDecimal megawatts = command.megawatts();
        long units = given != null ? given : megawatts != null ? accelerator.unitsFor(megawatts) : 0;
        if (units <= 0 || units > Integer.MAX_VALUE) {
            return WorldEdit.refused(
                    Outcome.INVALID,
                    command.units() != null ? "units" : "megawatts",
                    "comes to " + units + " units, which is not a positive number of units");
        }
        CapacityStep step = new CapacityStep((int) units, command.from(), null);
        current.ledger.addCapacity(pool.get(), step);
        announced.computeIfAbsent(pool.get().index(), i -> new ArrayList<>()).add(step);
        return WorldEdit.DONE;
    }

    /** Each pool that {@code which} keeps, as the ledger counts it in the bucket that holds {@code at}. */
    public List<PoolCapacity> capacity(Instant at, Predicate<Pool> which) {
        Loaded current = requireLoaded();
        List<PoolCapacity> pools = new ArrayList<>();
        for (Pool pool : current.world.world().pools()) {
            if (!which.test(pool)) {
                continue;
            }
            long online = 0;
            List<CapacityStep> steps = new ArrayList<>(pool.steps());
            steps.addAll(announced.getOrDefault(pool.index(), List.of()));
            for (CapacityStep step : steps) {
                if (current.ledger.countsOnline(step, at)) {
                    online += step.units();
                }
            }
            long bucket = current.ledger.grid().floor(at);
            long free = current.ledger.freeOver(pool, new Window(bucket, bucket + 1));
            long[] units = awarded.get(pool.index());
            long awardedNow = units == null || bucket < 0 || bucket >= units.length ? 0 : units[(int) bucket];
            pools.add(new PoolCapacity(pool, online, Math.max(0, online - free - awardedNow), awardedNow, free));
        }
        return pools;
    }

    /** Every commitment of the world, with what the awards so far count toward it. */
    public List<CommitmentProgress> commitments() {
        Loaded current = requireLoaded();
        Burndown burndown = current.broker.burndown();
        return current.world.world().agreements().commitments().stream()
                .map(commitment -> new CommitmentProgress(
                        commitment,
                        burndown.spent(commitment),
                        burndown.metAt(commitment).orElse(null),
                        spentByDay.getOrDefault(commitment.id(), new TreeMap<>()).entrySet().stream()
                                .map(day -> new CommitmentProgress.Spent(day.getKey(), day.getValue()))
                                .toList()))
                .toList();
    }

    private Loaded requireLoaded() {
        if (loaded == null) {
            throw new IllegalStateException("no world is loaded; the API refuses this before it reaches the engine");
        }
        return loaded;
    }

    Submission submit(Command.Submit command) {
        if (loaded == null) {
            return new Submission.Refused("the node has no world yet: start it with --scenario");
        }
        forgetKeysOlderThan(clock.instant().minus(KEYS_KEPT));
        Key key = Key.of(command.demand().tenant(), command.idempotencyKey());
        long demand = CommandCodec.fingerprint(command.demand());
        Named before = keys.get(key);
        if (before != null) {
            RequestId request = requestId(before.request());
            return before.demand() == demand ? new Submission.Repeated(request) : new Submission.KeyReused(request);
        }
        RequestId id = requestId(++named);
        keys.put(key, new Named(named, demand, clock.instant().toEpochMilli()));
        Reply reply = loaded.broker.submit(command.demand().named(id));
        if (reply instanceof Reply.Refused refused) {
            // The engine names requests one by one, so one can never be open already.
            throw new IllegalStateException("request " + id + " refused: " + refused.reason());
        }
        return new Submission.Accepted(id);
    }

    private static RequestId requestId(long number) {
        return new RequestId("req-" + number);
    }

    private void forgetKeysOlderThan(Instant oldest) {
        long millis = oldest.toEpochMilli();
        var iterator = keys.values().iterator();
        while (iterator.hasNext() && iterator.next().atMillis() < millis) {
            iterator.remove();
        }
    }

    Reply respond(Command.Respond command) {
        if (loaded == null) {
            return new Reply.Closed("offer " + command.offer() + " is not open: the node has no world yet");
        }
        return loaded.broker.answer(command.offer(), command.answer());
    }

    boolean cancel(Command.Cancel command) {
        return loaded != null && loaded.broker.cancel(command.request(), command.reason());
    }
}
