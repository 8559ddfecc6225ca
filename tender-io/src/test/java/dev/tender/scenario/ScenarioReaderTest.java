package dev.tender.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tender.agreement.Commitment;
import dev.tender.agreement.Exclusive;
import dev.tender.agreement.RightOfFirstRefusal;
import dev.tender.capacity.CapacityStep;
import dev.tender.capacity.Pool;
import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.Region;
import dev.tender.catalog.WorkloadClass;
import dev.tender.demand.Generator;
import dev.tender.demand.GeneratorId;
import dev.tender.demand.IntRange;
import dev.tender.demand.Request;
import dev.tender.demand.TenantId;
import dev.tender.money.Money;
import dev.tender.provider.ResponderSpec;
import dev.tender.time.Span;
import dev.tender.world.Scenario;
import dev.tender.world.World;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioReaderTest {

    private static final String FULL = """
            name: seed-story
            description: OpenAI's compute supply once Azure was no longer exclusive
            start: 2025-01-01
            horizon: P4Y
            bucket: PT6H
            seed: 7
            defaults: { offerWindow: P3D, rfqWindow: PT36H }
            workloads: [api, product, training, research]
            accelerators:
              H100:  { h100e: 1.0, kw: 1.4 }
              GB200: { h100e: 2.5, kw: 2.5 }
            providers:
              azure:
                name: Microsoft Azure
                responder: { kind: auto, after: P3D, share: 0.8 }
                prices: { H100: 6.00, GB200: 11.00 }
                sites:
                  - id: azure-us-east
                    region: us-east
                    capacity:
                      - { accelerator: H100,  units: 120000, from: 2024-01-01 }
                      - { accelerator: GB200, units: 60000,  from: "2025-09-01", until: 2028-01-01 }
                      - { accelerator: H100,  units: 5000,   from: 2025-03-01T06:00:00Z }
              stargate:
                responder: { kind: manual }
                prices: { GB200: 9.50 }
                sites:
                  - id: abilene
                    region: us-central
                    capacity:
                      - { accelerator: GB200, megawatts: 200,  from: 2025-07-01 }
                  - id: stargate-{n}
                    count: 3
                    region: us-{n}
                    capacity:
                      - { accelerator: GB200, megawatts: 500, from: 2026-09-01, until: 2027-09-01, every: P2M }
            agreements:
              - { id: azure-exclusive, kind: exclusive, provider: azure, from: 2019-07-22, until: 2025-01-21 }
              - { id: azure-rofr, kind: rofr, holder: azure, mode: match, partial: true, from: 2025-01-21 }
              - id: azure-commitment
                kind: commitment
                provider: azure
                amount: 50000000000
                preference: 0.10
                scope: { workloads: [training], accelerators: [GB200], regions: [us-east] }
                from: "2025-01-21T00:00:00Z"
                until: 2029-01-01
            demand:
              generators:
                - { workload: training, accelerator: GB200, every: P7D, units: [20000, 60000], hours: [720, 2160],
                    lead: P30D, flex: P60D, growth: 2.0, maxPrice: 14.0 }
                - { id: api-load, tenant: openai, workload: api, accelerator: H100, every: P1M, units: 500,
                    hours: 8760, regions: [us-east], from: 2026-01-01 }
              trace: traces/requests.csv
            """;

    private static final String TRACE = """
            id,submitted,tenant,workload,accelerator,units,start,hours,flex,regions,maxPrice
            r1,2025-02-01,openai,training,GB200,1000,2025-03-01T12:00:00Z,720,P2D,us-east;us-central,12.5
            r2,2025-02-02T08:00:00Z,openai,api,H100,10,2025-02-03,24,,,
            """;

    @TempDir
    Path dir;

    private ScenarioFiles files;

    @BeforeEach
    void setUp() {
        files = new ScenarioFiles(dir);
        dir.resolve("traces").toFile().mkdir();
        files.write("traces/requests.csv", TRACE);
    }

    @Test
    void readsAFullScenario() {
        Scenario scenario = files.load(FULL);

        assertThat(scenario.name()).isEqualTo("seed-story");
        assertThat(scenario.start()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(scenario.end()).isEqualTo(Instant.parse("2029-01-01T00:00:00Z"));
        assertThat(scenario.seed()).isEqualTo(7);
        World world = scenario.world();
        assertThat(world.bucket()).isEqualTo(Duration.ofHours(6));
        assertThat(world.defaults().offerWindow()).isEqualTo(Duration.ofDays(3));
        assertThat(world.defaults().rfqWindow()).isEqualTo(Duration.ofHours(36));
        assertThat(world.workloads())
                .extracting(WorkloadClass::value)
                .containsExactlyInAnyOrder("api", "product", "training", "research");
        assertThat(world.accelerators()).hasEntrySatisfying(new AcceleratorId("GB200"), gb200 -> assertThat(gb200.kw())
                .isEqualByComparingTo("2.5"));
    }

    @Test
    void buildsProvidersAndPoolsInFileOrder() {
        World world = files.load(FULL).world();

        assertThat(world.providers()).extracting(p -> p.id().value()).containsExactly("azure", "stargate");
        assertThat(world.providers().get(0).name()).isEqualTo("Microsoft Azure");
        assertThat(world.providers().get(0).responder()).isEqualTo(new ResponderSpec.Auto(Span.ofDays(3), 0.8));
        assertThat(world.providers().get(1).responder()).isEqualTo(new ResponderSpec.Manual());
        assertThat(world.providers().get(1).prices().priceOf(new AcceleratorId("GB200")))
                .contains(Money.ofDollars("9.5"));
        assertThat(world.pools())
                .extracting(Pool::toString)
                .containsExactly(
                        "azure-us-east/H100",
                        "azure-us-east/GB200",
                        "abilene/GB200",
                        "stargate-1/GB200",
                        "stargate-2/GB200",
                        "stargate-3/GB200");
        Pool azureH100 = world.pools().get(0);
        assertThat(azureH100.steps())
                .containsExactly(
                        new CapacityStep(120000, Instant.parse("2024-01-01T00:00:00Z"), null),
                        new CapacityStep(5000, Instant.parse("2025-03-01T06:00:00Z"), null));
        assertThat(world.pools().get(1).steps())
                .containsExactly(new CapacityStep(
                        60000, Instant.parse("2025-09-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z")));
    }

    @Test
    void turnsMegawattsIntoUnitsAndExpandsTemplates() {
        List<Pool> pools = files.load(FULL).world().pools();

        assertThat(pools.get(2).steps()).extracting(CapacityStep::units).containsExactly(80000);
        assertThat(pools.subList(3, 6))
                .extracting(pool -> pool.region().value())
                .containsExactly("us-1", "us-2", "us-3");
        assertThat(pools.subList(3, 6))
                .extracting(pool -> pool.steps().get(0))
                .containsExactly(
                        step(200000, "2026-09-01", "2027-09-01"),
                        step(200000, "2026-11-01", "2027-11-01"),
                        step(200000, "2027-01-01", "2028-01-01"));
    }

    @Test
    void readsAgreementsWithTheirDefaults() {
        World world = files.load(FULL).world();

        assertThat(world.agreements().all()).hasSize(3);
        Exclusive exclusive = (Exclusive) world.agreements().all().get(0);
        assertThat(exclusive.until()).isEqualTo(Instant.parse("2025-01-21T00:00:00Z"));
        RightOfFirstRefusal right =
                (RightOfFirstRefusal) world.agreements().all().get(1);
        assertThat(right.mode()).isEqualTo(RightOfFirstRefusal.Mode.MATCH);
        assertThat(right.window()).as("defaults.offerWindow").isEqualTo(Duration.ofDays(3));
        assertThat(right.partial()).isTrue();
        Commitment commitment = (Commitment) world.agreements().all().get(2);
        assertThat(commitment.amount()).isEqualTo(Money.ofDollars(50_000_000_000L));
        assertThat(commitment.preference()).isEqualTo(0.10);
        assertThat(commitment.scope().workloads()).containsExactly(new WorkloadClass("training"));
        assertThat(commitment.scope().regions()).containsExactly(new Region("us-east"));
        assertThat(commitment.from()).isEqualTo(Instant.parse("2025-01-21T00:00:00Z"));
    }

    @Test
    void readsGeneratorsWithTheirDefaults() {
        List<Generator> generators = files.load(FULL).generators();

        Generator training = generators.get(0);
        assertThat(training.id()).isEqualTo(new GeneratorId("g1"));
        assertThat(training.tenant()).isEqualTo(new TenantId("seed-story"));
        assertThat(training.units()).isEqualTo(new IntRange(20000, 60000));
        assertThat(training.lead()).isEqualTo(Span.ofDays(30));
        assertThat(training.flex()).isEqualTo(Duration.ofDays(60));
        assertThat(training.growth()).isEqualTo(2.0);
        assertThat(training.maxPrice()).isEqualTo(Money.ofDollars(14));
        assertThat(training.regions()).isEmpty();
        Generator api = generators.get(1);
        assertThat(api.id()).isEqualTo(new GeneratorId("api-load"));
        assertThat(api.every()).isEqualTo(Span.parse("P1M").orElseThrow());
        assertThat(api.units()).isEqualTo(IntRange.exactly(500));
        assertThat(api.lead()).isEqualTo(Span.ofDays(0));
        assertThat(api.growth()).isEqualTo(1.0);
        assertThat(api.maxPrice()).isNull();
        assertThat(api.regions()).containsExactly(new Region("us-east"));
        assertThat(api.from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(api.until()).isNull();
    }

    @Test
    void readsTheTraceNextToTheScenario() {
        Scenario scenario = files.load(FULL);

        assertThat(scenario.trace()).hasSize(2);
        assertThat(scenario.trace().get(0).submitted()).isEqualTo(Instant.parse("2025-02-01T00:00:00Z"));
        Request first = scenario.trace().get(0).request();
        assertThat(first.id().value()).isEqualTo("r1");
        assertThat(first.units()).isEqualTo(1000);
        assertThat(first.start()).isEqualTo(Instant.parse("2025-03-01T12:00:00Z"));
        assertThat(first.flex()).isEqualTo(Duration.ofDays(2));
        assertThat(first.regions()).containsExactly(new Region("us-east"), new Region("us-central"));
        assertThat(first.maxPrice()).isEqualTo(Money.ofDollars("12.5"));
        Request second = scenario.trace().get(1).request();
        assertThat(second.flex()).isZero();
        assertThat(second.regions()).isEmpty();
        assertThat(second.maxPrice()).isNull();
    }

    @Test
    void appliesTopLevelDefaults() {
        Scenario scenario = files.load("""
                name: bare
                start: 2025-01-01T06:00:00Z
                horizon: P30D
                workloads: [api]
                accelerators: { H100: { h100e: 1, kw: 1.4 } }
                providers: {}
                """);

        assertThat(scenario.start()).isEqualTo(Instant.parse("2025-01-01T06:00:00Z"));
        assertThat(scenario.seed()).isZero();
        assertThat(scenario.description()).isEmpty();
        assertThat(scenario.world().bucket()).isEqualTo(Duration.ofDays(1));
        assertThat(scenario.world().defaults().offerWindow()).isEqualTo(Duration.ofDays(2));
        assertThat(scenario.world().agreements().all()).isEmpty();
        assertThat(scenario.generators()).isEmpty();
        assertThat(scenario.trace()).isEmpty();
        assertThat(scenario.world().workloads()).isEqualTo(Set.of(new WorkloadClass("api")));
    }

    @Test
    void reportsAMissingFileByName() {
        Path missing = dir.resolve("nowhere.yaml");

        ScenarioReader.Result result = new ScenarioReader().read(missing);

        assertThat(result)
                .isEqualTo(new ScenarioReader.Result.Invalid(
                        List.of(new Problem("(file)", "no such file: '" + missing + "'"))));
    }

    @Test
    void printsAProblemAsPathAndMessage() {
        Problem problem =
                new Problem("providers.azure.sites[0].capacity[1].from", "not a date or instant: '2025-13-01'");

        assertThat(problem)
                .hasToString("providers.azure.sites[0].capacity[1].from: not a date or instant: '2025-13-01'");
    }

    private static CapacityStep step(int units, String from, String until) {
        return new CapacityStep(
                units, Instant.parse(from + "T00:00:00Z"), until == null ? null : Instant.parse(until + "T00:00:00Z"));
    }
}
