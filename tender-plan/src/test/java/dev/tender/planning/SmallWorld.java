package dev.tender.planning;

import dev.tender.agreement.Agreement;
import dev.tender.agreement.AgreementBook;
import dev.tender.agreement.AgreementId;
import dev.tender.agreement.Commitment;
import dev.tender.agreement.Exclusive;
import dev.tender.agreement.RightOfFirstRefusal;
import dev.tender.agreement.Scope;
import dev.tender.capacity.Accelerator;
import dev.tender.capacity.CapacityStep;
import dev.tender.capacity.Pool;
import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.Region;
import dev.tender.catalog.WorkloadClass;
import dev.tender.demand.Request;
import dev.tender.demand.RequestId;
import dev.tender.demand.TenantId;
import dev.tender.demand.TraceRequest;
import dev.tender.money.Money;
import dev.tender.provider.PriceList;
import dev.tender.provider.Provider;
import dev.tender.provider.ProviderId;
import dev.tender.provider.ResponderSpec;
import dev.tender.provider.Site;
import dev.tender.provider.SiteId;
import dev.tender.time.Span;
import dev.tender.world.Defaults;
import dev.tender.world.Scenario;
import dev.tender.world.World;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Random worlds small enough to plan exactly in a blink: up to four providers with a few small pools
 * that come online and go offline at odd hours, random clauses of every kind (without the conflicts
 * the loader refuses), and up to eight explicit requests starting at odd minutes, so that capacity
 * binds, the buckets round and every route comes up. Modelled on tender-sim's {@code RandomWorld},
 * whose worlds are larger and whose demand is drawn by generators.
 */
final class SmallWorld {

    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final AcceleratorId H100 = new AcceleratorId("H100");
    private static final AcceleratorId GB200 = new AcceleratorId("GB200");
    private static final List<AcceleratorId> ACCELERATORS = List.of(H100, GB200);
    private static final List<WorkloadClass> WORKLOADS =
            List.of(new WorkloadClass("api"), new WorkloadClass("training"), new WorkloadClass("research"));
    private static final List<Region> REGIONS = List.of(new Region("r1"), new Region("r2"));

    private final Random random;

    private SmallWorld(Random random) {
        this.random = random;
    }

    static Scenario build(Random random) {
        return new SmallWorld(random).scenario();
    }

    private Scenario scenario() {
        List<Provider> providers = new ArrayList<>();
        List<Pool> pools = new ArrayList<>();
        int providerCount = 2 + random.nextInt(3);
        for (int p = 1; p <= providerCount; p++) {
            providers.add(provider(new ProviderId("p" + p), pools));
        }
        World world = new World(
                Map.of(
                        H100,
                        new Accelerator(H100, BigDecimal.ONE, new BigDecimal("1.4")),
                        GB200,
                        new Accelerator(GB200, new BigDecimal("2.5"), new BigDecimal("2.5"))),
                Set.copyOf(WORKLOADS),
                providers,
                pools,
                new AgreementBook(agreements(providers)),
                new Defaults(hours(24, 72), hours(12, 48)),
                pick(List.of(Duration.ofDays(1), Duration.ofHours(12), Duration.ofHours(6))));
        List<TraceRequest> trace = new ArrayList<>();
        int requests = 1 + random.nextInt(8);
        for (int r = 1; r <= requests; r++) {
            trace.add(request("r" + r));
        }
        return new Scenario(
                "small", "", START, Span.ofDays(12 + random.nextInt(10)), random.nextLong(), world, List.of(), trace);
    }

    private Provider provider(ProviderId id, List<Pool> pools) {
        List<Site> sites = new ArrayList<>();
        Map<AcceleratorId, Money> prices = new HashMap<>();
        for (int s = 1; s <= 1 + random.nextInt(2); s++) {
            Site site = new Site(new SiteId(id + "-s" + s), id, pick(REGIONS));
            sites.add(site);
            for (AcceleratorId accelerator : ACCELERATORS) {
                // The first site of all has an H100 pool: a world without capacity has nothing to plan.
                if (random.nextDouble() < 0.7 || (pools.isEmpty() && accelerator.equals(H100))) {
                    pools.add(new Pool(pools.size(), site, accelerator, steps()));
                    prices.computeIfAbsent(accelerator, a -> price(1, 20));
                }
            }
        }
        ResponderSpec responder = random.nextDouble() < 0.85
                ? new ResponderSpec.Auto(Span.of(hours(0, 48)), 0.3 + 0.7 * random.nextDouble())
                : new ResponderSpec.Manual();
        return new Provider(id, id.value(), new PriceList(prices), sites, responder);
    }

    /** Dollars in {@code [low, high)}: mostly in cents, sometimes to the micro-dollar (the planner counts cents). */
    private Money price(int low, int high) {
        long micros = random.nextDouble() < 0.7
                ? 10_000L * random.nextInt((high - low) * 100)
                : random.nextInt((high - low) * 1_000_000);
        return new Money(low * 1_000_000L + micros);
    }

    /** One or two steps of a few units each, arriving and leaving at any minute. */
    private List<CapacityStep> steps() {
        List<CapacityStep> steps = new ArrayList<>();
        for (int i = 0; i <= random.nextInt(2); i++) {
            Instant from = START.plus(minutes(-3 * 24 * 60, 12 * 24 * 60));
            Instant until = random.nextDouble() < 0.35 ? from.plus(minutes(12 * 60, 12 * 24 * 60)) : null;
            steps.add(new CapacityStep(1 + random.nextInt(40), from, until));
        }
        return steps;
    }

    private List<Agreement> agreements(List<Provider> providers) {
        List<Agreement> agreements = new ArrayList<>();
        for (int i = 1; i <= 2 + random.nextInt(4); i++) {
            Agreement candidate =
                    agreement(new AgreementId("a" + i), pick(providers).id());
            List<Agreement> with = new ArrayList<>(agreements);
            with.add(candidate);
            if (AgreementBook.conflicts(with).isEmpty()) {
                agreements.add(candidate);
            }
        }
        return agreements;
    }

    private Agreement agreement(AgreementId id, ProviderId provider) {
        Instant from = START.plus(hours(-5 * 24, 4 * 24));
        Instant until = random.nextBoolean() ? from.plus(hours(24, 15 * 24)) : null;
        Scope scope = new Scope(
                subset(WORKLOADS, 0.4),
                subset(ACCELERATORS, 0.3),
                random.nextDouble() < 0.2 ? subset(REGIONS, 1.0) : Set.of());
        // Rights of first refusal are the richest clause, so they come up most often.
        return switch (random.nextInt(5)) {
            case 0 -> new Exclusive(id, provider, scope, from, until);
            case 1, 2, 3 ->
                new RightOfFirstRefusal(
                        id,
                        provider,
                        random.nextBoolean() ? RightOfFirstRefusal.Mode.FIRST_LOOK : RightOfFirstRefusal.Mode.MATCH,
                        hours(12, 72),
                        random.nextBoolean(),
                        scope,
                        from,
                        until);
            default ->
                new Commitment(
                        id,
                        provider,
                        Money.ofDollars(100 + random.nextInt(20_000)),
                        random.nextDouble() * 0.5,
                        scope,
                        from,
                        until);
        };
    }

    private TraceRequest request(String id) {
        Instant submitted = START.plus(minutes(0, 8 * 24 * 60));
        Instant start = submitted.plus(minutes(0, 4 * 24 * 60));
        @Nullable Money maxPrice = random.nextDouble() < 0.4 ? price(3, 20) : null;
        List<Region> regions = random.nextDouble() < 0.3 ? List.of(pick(REGIONS)) : List.of();
        Request request = new Request(
                new RequestId(id),
                new TenantId("tenant"),
                pick(WORKLOADS),
                pick(ACCELERATORS),
                1 + random.nextInt(30),
                start,
                1 + random.nextInt(96),
                random.nextDouble() < 0.3 ? Duration.ZERO : hours(0, 72),
                regions,
                maxPrice);
        return new TraceRequest(submitted, request);
    }

    private Duration hours(int min, int max) {
        return Duration.ofHours(min + random.nextInt(max - min + 1));
    }

    private Duration minutes(int min, int max) {
        return Duration.ofMinutes(min + random.nextInt(max - min + 1));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A random subset; with {@code nonEmptyChance} it has at least one element. */
    private <T> Set<T> subset(List<T> values, double nonEmptyChance) {
        Set<T> chosen = new HashSet<>();
        if (random.nextDouble() < nonEmptyChance) {
            chosen.add(pick(values));
            values.forEach(v -> {
                if (random.nextDouble() < 0.3) {
                    chosen.add(v);
                }
            });
        }
        return chosen;
    }
}
