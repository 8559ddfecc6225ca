package dev.tender.sim;

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
import dev.tender.demand.Generator;
import dev.tender.demand.GeneratorId;
import dev.tender.demand.IntRange;
import dev.tender.demand.TenantId;
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

/**
 * Random worlds for property tests: a few providers with sites coming online and going offline,
 * random clauses (without the conflicts the loader would refuse), random demand. Small enough
 * to simulate in milliseconds, varied enough to reach every route and outcome.
 */
final class RandomWorld {

    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final AcceleratorId H100 = new AcceleratorId("H100");
    private static final AcceleratorId GB200 = new AcceleratorId("GB200");
    private static final List<WorkloadClass> WORKLOADS =
            List.of(new WorkloadClass("api"), new WorkloadClass("training"), new WorkloadClass("research"));
    private static final List<AcceleratorId> ACCELERATORS = List.of(H100, GB200);
    private static final List<Region> REGIONS = List.of(new Region("r1"), new Region("r2"), new Region("r3"));

    private final Random random;

    private RandomWorld(Random random) {
        this.random = random;
    }

    static Scenario build(Random random) {
        return new RandomWorld(random).scenario();
    }

    private Scenario scenario() {
        List<Provider> providers = new ArrayList<>();
        List<Pool> pools = new ArrayList<>();
        int providerCount = 1 + random.nextInt(5);
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
                new Defaults(hours(24, 96), hours(24, 72)),
                pick(List.of(Duration.ofDays(1), Duration.ofHours(6), Duration.ofHours(12))));
        List<Generator> generators = new ArrayList<>();
        for (int g = 1; g <= 1 + random.nextInt(3); g++) {
            generators.add(generator("g" + g));
        }
        return new Scenario(
                "random",
                "",
                START,
                Span.ofDays(60 + random.nextInt(180)),
                random.nextLong(),
                world,
                generators,
                List.of());
    }

    private Provider provider(ProviderId id, List<Pool> pools) {
        List<Site> sites = new ArrayList<>();
        Map<AcceleratorId, Money> prices = new HashMap<>();
        for (int s = 1; s <= 1 + random.nextInt(2); s++) {
            Site site = new Site(new SiteId(id + "-s" + s), id, pick(REGIONS));
            sites.add(site);
            for (AcceleratorId accelerator : ACCELERATORS) {
                if (random.nextDouble() < 0.7) {
                    pools.add(new Pool(pools.size(), site, accelerator, steps()));
                    prices.computeIfAbsent(accelerator, a -> new Money(1_000_000L + random.nextInt(19_000_000)));
                }
            }
        }
        ResponderSpec responder = random.nextDouble() < 0.85
                ? new ResponderSpec.Auto(Span.of(hours(0, 96)), 0.3 + 0.7 * random.nextDouble())
                : new ResponderSpec.Manual();
        return new Provider(id, id.value(), new PriceList(prices), sites, responder);
    }

    private List<CapacityStep> steps() {
        List<CapacityStep> steps = new ArrayList<>();
        for (int i = 0; i <= random.nextInt(2); i++) {
            Instant from = START.plus(hours(-30 * 24, 120 * 24));
            Instant until = random.nextDouble() < 0.3 ? from.plus(hours(240, 4800)) : null;
            steps.add(new CapacityStep(10 + random.nextInt(390), from, until));
        }
        return steps;
    }

    private List<Agreement> agreements(List<Provider> providers) {
        List<Agreement> agreements = new ArrayList<>();
        for (int i = 1; i <= 1 + random.nextInt(5); i++) {
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
        Instant from = START.plus(hours(-60 * 24, 150 * 24));
        Instant until = random.nextBoolean() ? from.plus(hours(240, 4800)) : null;
        Scope scope = new Scope(
                subset(WORKLOADS, 0.5),
                subset(ACCELERATORS, 0.3),
                random.nextDouble() < 0.2 ? subset(REGIONS, 1.0) : Set.of());
        // Rights of first refusal are the richest clause, so they come up most often.
        return switch (random.nextInt(4)) {
            case 0 -> new Exclusive(id, provider, scope, from, until);
            case 1, 2 ->
                new RightOfFirstRefusal(
                        id,
                        provider,
                        random.nextBoolean() ? RightOfFirstRefusal.Mode.FIRST_LOOK : RightOfFirstRefusal.Mode.MATCH,
                        hours(24, 120),
                        random.nextBoolean(),
                        scope,
                        from,
                        until);
            default ->
                new Commitment(
                        id,
                        provider,
                        Money.ofDollars(10_000 + random.nextInt(50_000_000)),
                        random.nextDouble() * 0.5,
                        scope,
                        from,
                        until);
        };
    }

    private Generator generator(String id) {
        int units = 1 + random.nextInt(300);
        int hours = 1 + random.nextInt(500);
        Money maxPrice = random.nextBoolean() ? null : new Money(2_000_000L + random.nextInt(18_000_000));
        List<Region> regions = random.nextDouble() < 0.3 ? List.copyOf(subset(REGIONS, 1.0)) : List.of();
        return new Generator(
                new GeneratorId(id),
                new TenantId("tenant"),
                pick(WORKLOADS),
                pick(ACCELERATORS),
                Span.of(hours(12, 120)),
                new IntRange(units, units + random.nextInt(200)),
                new IntRange(hours, hours + random.nextInt(300)),
                Span.of(hours(0, 480)),
                hours(0, 480),
                1 + 2 * random.nextDouble(),
                maxPrice,
                regions.stream().sorted().toList(),
                null,
                null);
    }

    private Duration hours(int min, int max) {
        return Duration.ofHours(min + random.nextInt(max - min + 1));
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
