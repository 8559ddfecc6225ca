package dev.tender.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tender.agreement.Agreement;
import dev.tender.agreement.Exclusive;
import dev.tender.capacity.CapacityStep;
import dev.tender.capacity.Pool;
import dev.tender.catalog.AcceleratorId;
import dev.tender.demand.DemandScale;
import dev.tender.demand.GeneratorId;
import dev.tender.money.Money;
import dev.tender.provider.Provider;
import dev.tender.provider.ProviderId;
import dev.tender.world.Scenario;
import dev.tender.world.Variant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A scenario's variants: each change made to the base, and every mistake in them told at its path. */
class VariantsTest {

    /**
     * Three providers: azure with units, oracle with a megawatt template and a units site, stargate
     * with megawatts; an exclusive, a right of first refusal and a commitment; two named generators.
     */
    private static final String BASE = """
            name: mini
            description: a small world
            start: 2025-01-01
            horizon: P2Y
            seed: 42
            workloads: [api, training]
            accelerators:
              H100:  { h100e: 1.0, kw: 1.4 }
              GB200: { h100e: 2.5, kw: 2.5 }
            providers:
              azure:
                responder: { kind: auto, after: P1D, share: 0.8 }
                prices: { H100: 6.00, GB200: 11.00 }
                sites:
                  - id: azure-east
                    region: us-east
                    capacity:
                      - { accelerator: H100, units: 1001, from: 2025-01-01 }
                      - { accelerator: GB200, units: 300, from: 2025-03-01, until: 2026-03-01 }
              oracle:
                responder: { kind: manual }
                prices: { GB200: 9.50, H100: 5.00 }
                sites:
                  - id: oracle-{n}
                    count: 2
                    region: us-{n}
                    capacity:
                      - { accelerator: GB200, megawatts: 10, from: 2025-02-01, every: P1M }
                  - id: oracle-west
                    region: us-west
                    capacity:
                      - { accelerator: H100, units: 10, from: 2025-01-01 }
              stargate:
                responder: { kind: manual }
                prices: { GB200: 9.00 }
                sites:
                  - id: abilene
                    region: us-central
                    capacity:
                      - { accelerator: GB200, megawatts: 5, from: 2025-06-01 }
            agreements:
              - { id: azure-api, kind: exclusive, provider: azure, scope: { workloads: [api] }, from: 2019-07-22 }
              - { id: azure-rofr, kind: rofr, holder: azure, mode: match, from: 2025-01-01 }
              - { id: oracle-commit, kind: commitment, provider: oracle, amount: 1000000, from: 2025-01-01,
                  until: 2026-01-01 }
            demand:
              generators:
                - { id: training, workload: training, accelerator: GB200, every: P7D, units: [10, 100], hours: 24 }
                - { id: api-load, workload: api, accelerator: H100, every: P1D, units: 5, hours: 8 }
            """;

    private final ScenarioReader reader = new ScenarioReader();

    private static String withVariants(String variants) {
        return BASE + "variants:\n" + variants;
    }

    private ScenarioReader.Result read(String yaml) {
        return reader.read(yaml, null, "test.yaml");
    }

    private ScenarioReader.Result.Loaded loaded(String yaml) {
        ScenarioReader.Result result = read(yaml);
        assertThat(result).as("%s", result).isInstanceOf(ScenarioReader.Result.Loaded.class);
        return (ScenarioReader.Result.Loaded) result;
    }

    /** The scenario the only variant of {@code variants} makes. */
    private Scenario variantOf(String variants) {
        List<Variant> made = loaded(withVariants(variants)).variants();
        assertThat(made).hasSize(1);
        return made.get(0).scenario();
    }

    private Scenario base() {
        return loaded(BASE).scenario();
    }

    /** The problems of an invalid file, as {@code path: message} lines. */
    private List<String> problems(String yaml) {
        ScenarioReader.Result result = read(yaml);
        assertThat(result).as("%s", result).isInstanceOf(ScenarioReader.Result.Invalid.class);
        return ((ScenarioReader.Result.Invalid) result)
                .problems().stream().map(Problem::toString).toList();
    }

    private static List<String> agreementIds(Scenario scenario) {
        return scenario.world().agreements().all().stream()
                .map(agreement -> agreement.id().value())
                .toList();
    }

    private static Agreement agreement(Scenario scenario, String id) {
        return scenario.world().agreements().all().stream()
                .filter(agreement -> agreement.id().value().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no agreement " + id));
    }

    /** The steps of the pool written {@code site/accelerator}. */
    private static List<CapacityStep> steps(Scenario scenario, String pool) {
        return scenario.world().pools().stream()
                .filter(p -> p.toString().equals(pool))
                .findFirst()
                .map(Pool::steps)
                .orElseThrow(() -> new AssertionError("no pool " + pool));
    }

    private static Provider provider(Scenario scenario, String id) {
        return scenario.world().providers().stream()
                .filter(p -> p.id().equals(new ProviderId(id)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no provider " + id));
    }

    private static CapacityStep step(int units, String from, @Nullable String until) {
        return new CapacityStep(units, at(from), until == null ? null : at(until));
    }

    private static Instant at(String date) {
        return Instant.parse(date + "T00:00:00Z");
    }

    @Test
    void theBaseScenarioLoadsWithoutVariants() {
        ScenarioReader.Result.Loaded base = loaded(BASE);

        assertThat(base.variants()).isEmpty();
        assertThat(base.scenario().scale()).isEqualTo(DemandScale.NONE);
        assertThat(steps(base.scenario(), "azure-east/H100")).containsExactly(step(1001, "2025-01-01", null));
        assertThat(steps(base.scenario(), "oracle-1/GB200")).containsExactly(step(4000, "2025-02-01", null));
        assertThat(steps(base.scenario(), "oracle-2/GB200")).containsExactly(step(4000, "2025-03-01", null));
        assertThat(steps(base.scenario(), "abilene/GB200")).containsExactly(step(2000, "2025-06-01", null));
    }

    @Nested
    class EachChange {

        @Test
        void removeTakesTheAgreementAway() {
            Scenario variant = variantOf("""
                      - name: no-rofr
                        remove: [azure-rofr]
                    """);

            assertThat(agreementIds(variant)).containsExactly("azure-api", "oracle-commit");
        }

        @Test
        void addAppendsTheAgreement() {
            Scenario variant = variantOf("""
                      - name: stargate-deal
                        add:
                          - { id: stargate-training, kind: exclusive, provider: stargate,
                              scope: { workloads: [training] }, from: 2026-01-01 }
                    """);

            assertThat(agreementIds(variant))
                    .containsExactly("azure-api", "azure-rofr", "oracle-commit", "stargate-training");
            Agreement added = agreement(variant, "stargate-training");
            assertThat(added).isInstanceOf(Exclusive.class);
            assertThat(added.provider()).isEqualTo(new ProviderId("stargate"));
            assertThat(added.from()).isEqualTo(at("2026-01-01"));
        }

        @Test
        void removeAndAddTogetherReplaceAClause() {
            Scenario variant = variantOf("""
                      - name: rofr-to-oracle
                        remove: [azure-rofr]
                        add:
                          - { id: azure-rofr, kind: rofr, holder: oracle, mode: first-look, from: 2025-06-01 }
                    """);

            assertThat(agreementIds(variant)).containsExactly("azure-api", "oracle-commit", "azure-rofr");
            assertThat(agreement(variant, "azure-rofr").provider()).isEqualTo(new ProviderId("oracle"));
        }

        @Test
        void endSetsTheAgreementsUntil() {
            Scenario variant = variantOf("""
                      - name: exclusive-ends
                        end: { azure-api: 2025-06-01 }
                    """);

            assertThat(agreement(variant, "azure-api").until()).isEqualTo(at("2025-06-01"));
            assertThat(agreement(base(), "azure-api").until()).isNull();
            assertThat(agreement(variant, "oracle-commit").until()).isEqualTo(at("2026-01-01"));
        }

        @Test
        void scaleCapacityOfAProviderFloorsUnitsOfEverySite() {
            Scenario variant = variantOf("""
                      - name: half-azure
                        scaleCapacity: { azure: 0.5 }
                    """);

            assertThat(steps(variant, "azure-east/H100")).containsExactly(step(500, "2025-01-01", null));
            assertThat(steps(variant, "azure-east/GB200")).containsExactly(step(150, "2025-03-01", "2026-03-01"));
            assertThat(steps(variant, "oracle-1/GB200")).containsExactly(step(4000, "2025-02-01", null));
            assertThat(steps(variant, "oracle-west/H100")).containsExactly(step(10, "2025-01-01", null));
        }

        @Test
        void scaleCapacityOfAProviderMultipliesItsMegawatts() {
            Scenario variant = variantOf("""
                      - name: bigger-abilene
                        scaleCapacity: { stargate: 1.5 }
                    """);

            // 5 MW * 1.5 = 7.5 MW of 2.5 kW chips
            assertThat(steps(variant, "abilene/GB200")).containsExactly(step(3000, "2025-06-01", null));
        }

        @Test
        void scaleCapacityOfATemplateSiteScalesEverySiteItMakesAndNoOther() {
            Scenario variant = variantOf("""
                      - name: half-oracle-template
                        scaleCapacity: { "oracle-{n}": 0.5 }
                    """);

            assertThat(steps(variant, "oracle-1/GB200")).containsExactly(step(2000, "2025-02-01", null));
            assertThat(steps(variant, "oracle-2/GB200")).containsExactly(step(2000, "2025-03-01", null));
            assertThat(steps(variant, "oracle-west/H100")).containsExactly(step(10, "2025-01-01", null));
        }

        @Test
        void scaleCapacityOfAUnitsSiteFloorsItsUnits() {
            Scenario variant = variantOf("""
                      - name: smaller-west
                        scaleCapacity: { oracle-west: 0.35 }
                    """);

            assertThat(steps(variant, "oracle-west/H100")).containsExactly(step(3, "2025-01-01", null));
            assertThat(steps(variant, "oracle-1/GB200")).containsExactly(step(4000, "2025-02-01", null));
        }

        @Test
        void delayMovesFromAndUntilOfASitesCapacityLater() {
            Scenario variant = variantOf("""
                      - name: azure-late
                        delay: { azure-east: P2M }
                    """);

            assertThat(steps(variant, "azure-east/H100")).containsExactly(step(1001, "2025-03-01", null));
            assertThat(steps(variant, "azure-east/GB200")).containsExactly(step(300, "2025-05-01", "2026-05-01"));
            assertThat(steps(variant, "oracle-west/H100")).containsExactly(step(10, "2025-01-01", null));
        }

        @Test
        void delayOfAProviderMovesEverySiteItHas() {
            Scenario variant = variantOf("""
                      - name: oracle-late
                        delay: { oracle: P1Y }
                    """);

            assertThat(steps(variant, "oracle-1/GB200")).containsExactly(step(4000, "2026-02-01", null));
            assertThat(steps(variant, "oracle-2/GB200")).containsExactly(step(4000, "2026-03-01", null));
            assertThat(steps(variant, "oracle-west/H100")).containsExactly(step(10, "2026-01-01", null));
            assertThat(steps(variant, "abilene/GB200")).containsExactly(step(2000, "2025-06-01", null));
        }

        @Test
        void pricesChangeTheNamedPriceOnly() {
            Scenario variant = variantOf("""
                      - name: dear-oracle
                        prices: { oracle: { GB200: 12.5 } }
                    """);

            Provider oracle = provider(variant, "oracle");
            assertThat(oracle.prices().priceOf(new AcceleratorId("GB200"))).contains(Money.ofDollars("12.5"));
            assertThat(oracle.prices().priceOf(new AcceleratorId("H100"))).contains(Money.ofDollars("5"));
            assertThat(provider(variant, "azure").prices())
                    .isEqualTo(provider(base(), "azure").prices());
        }

        @Test
        void scaleDemandBecomesTheScenariosScale() {
            Scenario variant = variantOf("""
                      - name: boom
                        scaleDemand: { "*": 2, training: 0.5 }
                    """);

            assertThat(variant.scale().everyRequest()).isEqualTo(2.0);
            assertThat(variant.scale().byGenerator()).isEqualTo(Map.of(new GeneratorId("training"), 0.5));
            assertThat(variant.scale().units(10, new GeneratorId("training"))).isEqualTo(10);
            assertThat(variant.scale().units(10, new GeneratorId("api-load"))).isEqualTo(20);
        }

        @Test
        void aVariantWithoutChangesMakesTheBaseWorldUnderTheBasesName() {
            Scenario base = base();
            Scenario variant = variantOf("""
                      - name: same
                    """);

            assertThat(variant.world().agreements().all())
                    .isEqualTo(base.world().agreements().all());
            assertThat(variant.world().pools()).isEqualTo(base.world().pools());
            assertThat(variant.world().providers()).isEqualTo(base.world().providers());
            assertThat(variant.name()).isEqualTo("mini");
            assertThat(variant.description()).isEqualTo("a small world");
            assertThat(variant.seed()).isEqualTo(42);
            assertThat(variant.start()).isEqualTo(base.start());
            assertThat(variant.horizon()).isEqualTo(base.horizon());
            assertThat(variant.generators()).isEqualTo(base.generators());
            assertThat(variant.scale()).isEqualTo(DemandScale.NONE);
        }

        @Test
        void aChangeLeavesTheBaseScenarioAsWritten() {
            ScenarioReader.Result.Loaded loaded = loaded(withVariants("""
                      - name: all-at-once
                        remove: [azure-rofr]
                        scaleCapacity: { azure: 2 }
                        delay: { stargate: P1M }
                        prices: { azure: { H100: 7 } }
                        scaleDemand: { "*": 3 }
                    """));
            Scenario base = base();

            assertThat(agreementIds(loaded.scenario())).isEqualTo(agreementIds(base));
            assertThat(loaded.scenario().world().pools()).isEqualTo(base.world().pools());
            assertThat(loaded.scenario().world().providers())
                    .isEqualTo(base.world().providers());
            assertThat(loaded.scenario().scale()).isEqualTo(DemandScale.NONE);
            Scenario variant = loaded.variants().get(0).scenario();
            assertThat(agreementIds(variant)).containsExactly("azure-api", "oracle-commit");
            assertThat(steps(variant, "azure-east/H100")).containsExactly(step(2002, "2025-01-01", null));
            assertThat(steps(variant, "abilene/GB200")).containsExactly(step(2000, "2025-07-01", null));
            assertThat(provider(variant, "azure").prices().priceOf(new AcceleratorId("H100")))
                    .contains(Money.ofDollars("7"));
            assertThat(variant.scale().everyRequest()).isEqualTo(3.0);
        }
    }

    @Test
    void variantsComeInFileOrderWithNamesAndDescriptions() {
        List<Variant> variants = loaded(withVariants("""
                  - name: no-rofr
                    description: Azure loses its right of first refusal
                    remove: [azure-rofr]
                  - name: boom
                    scaleDemand: { "*": 2 }
                  - name: azure-late
                    description: Azure's sites come a year late
                    delay: { azure: P1Y }
                """)).variants();

        assertThat(variants).extracting(Variant::name).containsExactly("no-rofr", "boom", "azure-late");
        assertThat(variants)
                .extracting(Variant::description)
                .containsExactly("Azure loses its right of first refusal", "", "Azure's sites come a year late");
        assertThat(agreementIds(variants.get(0).scenario())).containsExactly("azure-api", "oracle-commit");
        assertThat(variants.get(1).scenario().scale().everyRequest()).isEqualTo(2.0);
        assertThat(steps(variants.get(2).scenario(), "azure-east/H100"))
                .containsExactly(step(1001, "2026-01-01", null));
    }

    @Nested
    class BrokenVariants {

        @Test
        void everyMistakeIsToldAtItsChangeAllAtOnce() {
            assertThat(problems(withVariants("""
                      - name: typo
                        remove: [azure-rofrr]
                      - name: bad-add
                        add:
                          - { id: orcale-rofr, kind: rofr, holder: orcale, from: 2026-01-01 }
                      - name: bad-end
                        end: { azure-api: 2018-01-01 }
                      - name: bad-price
                        prices: { oracle: { H200: 12 } }
                      - name: bad-demand
                        scaleDemand: { trainin: 2 }
                      - name: typo
                      - name: base
                    """)))
                    .containsExactly(
                            "variants[0].remove[0]: no agreement 'azure-rofrr'; did you mean 'azure-rofr'?",
                            "variants[1].add[0].holder: unknown provider 'orcale' (declared: azure, oracle, stargate)",
                            "variants[2].end.azure-api: until 2018-01-01 is not after from 2019-07-22 (at until)",
                            "variants[3].prices.oracle.H200: unknown accelerator 'H200' (declared: H100, GB200)",
                            "variants[4].scaleDemand.trainin: no generator 'trainin' (a generator's id, or '*' for"
                                    + " every request); did you mean 'training'?",
                            "variants[5].name: duplicate variant name 'typo' (first at variants[0])",
                            "variants[6].name: 'base' names the scenario as written; a variant needs another name");
        }

        @Test
        void aFileWithOneBrokenVariantLoadsNothing() {
            ScenarioReader.Result result = read(withVariants("""
                      - name: fine
                        remove: [azure-rofr]
                      - name: broken
                        end: { oracle-comit: 2025-06-01 }
                    """));

            assertThat(result).isInstanceOf(ScenarioReader.Result.Invalid.class);
            assertThat(((ScenarioReader.Result.Invalid) result).problems())
                    .containsExactly(new Problem(
                            "variants[1].end.oracle-comit",
                            "no agreement 'oracle-comit'; did you mean 'oracle-commit'?"));
        }

        @Test
        void capacityAndDemandChangesNameWhatTheyChange() {
            assertThat(problems(withVariants("""
                      - name: wrong-capacity
                        scaleCapacity: { azur: 2, oracle-1: 2, oracle-west: 0 }
                        delay: { abilen: P1M, azure: P0D }
                        scaleDemand: { "*": 101, api-load: 0 }
                    """)))
                    .containsExactly(
                            "variants[0].scaleCapacity.azur: no provider or site 'azur' with capacity;"
                                    + " did you mean 'azure'?",
                            // a template site is named as written (oracle-{n}); the suggestion is the provider's id
                            "variants[0].scaleCapacity.oracle-1: no provider or site 'oracle-1' with capacity;"
                                    + " did you mean 'oracle'?",
                            "variants[0].scaleCapacity.oracle-west: must be greater than 0, got 0",
                            "variants[0].delay.abilen: no provider or site 'abilen' with capacity;"
                                    + " did you mean 'abilene'?",
                            "variants[0].delay.azure: must be longer than zero, got 'P0D'",
                            "variants[0].scaleDemand.*: must be at most 100, got 101",
                            "variants[0].scaleDemand.api-load: must be greater than 0, got 0");
        }

        @Test
        void pricesOfAnUnknownProviderAreRefused() {
            assertThat(problems(withVariants("""
                      - name: dear
                        prices: { oracel: { GB200: 12 } }
                    """)))
                    .containsExactly("variants[0].prices.oracel: no provider 'oracel'; did you mean 'oracle'?");
        }

        @Test
        void unknownKeysInAVariantAreRefusedWithTheirPath() {
            assertThat(problems(withVariants("""
                      - name: colourful
                        colour: red
                    """)))
                    .containsExactly("variants[0].colour: unknown key (expected one of: name, description, remove,"
                            + " add, end, scaleCapacity, delay, prices, scaleDemand)");
        }

        @Test
        void aVariantNeedsAName() {
            assertThat(problems(withVariants("""
                      - description: nameless
                        remove: [azure-rofr]
                    """))).containsExactly("variants[0].name: required key is missing");
        }

        @Test
        void aBrokenBaseStillHasItsVariantsOwnEntriesChecked() {
            String brokenBase = withVariants("""
                      - name: twice
                        colour: red
                      - name: twice
                        remove: [azure-rofrr]
                    """).replace("horizon: P2Y", "horizon: P0Y");

            assertThat(problems(brokenBase))
                    .containsExactly(
                            "horizon: must be longer than zero, got 'P0Y'",
                            "variants[0].colour: unknown key (expected one of: name, description, remove, add, end,"
                                    + " scaleCapacity, delay, prices, scaleDemand)",
                            "variants[1].name: duplicate variant name 'twice' (first at variants[0])",
                            "variants[1].remove[0]: no agreement 'azure-rofrr'; did you mean 'azure-rofr'?");
        }
    }

    /** Edges found by review: decimal units, time's end, a problem of a whole clause, a broken base. */
    @Nested
    class Edges {

        @Test
        void scaleCapacityScalesUnitsWrittenWithADecimalPoint() {
            String text = withVariants("""
                      - name: smaller-west
                        scaleCapacity: { oracle-west: 0.5 }
                    """);
            assertThat(text).containsOnlyOnce("units: 10, from");
            ScenarioReader.Result.Loaded loaded = loaded(text.replace("units: 10, from", "units: 10.0, from"));

            assertThat(steps(loaded.scenario(), "oracle-west/H100")).containsExactly(step(10, "2025-01-01", null));
            assertThat(steps(loaded.variants().get(0).scenario(), "oracle-west/H100"))
                    .containsExactly(step(5, "2025-01-01", null));
        }

        @Test
        void aDelayBeyondTheRangeOfTimeIsToldAtTheDelay() {
            List<String> problems = problems(withVariants("""
                      - name: forever-late
                        delay: { azure: P999999999Y }
                    """));

            assertThat(problems).hasSize(1);
            assertThat(problems.get(0)).startsWith("variants[0].delay.azure: ");
        }

        @Test
        void anEndThatMakesExclusivesOverlapIsToldWithoutAnEmptyPlace() {
            String base = BASE.replace("from: 2019-07-22 }", "from: 2019-07-22, until: 2020-01-01 }")
                    .replace(
                            "agreements:\n",
                            "agreements:\n  - { id: oracle-api, kind: exclusive, provider: oracle,"
                                    + " scope: { workloads: [api] }, from: 2020-01-01 }\n");
            assertThat(loaded(base).variants()).isEmpty();

            assertThat(problems(base + "variants:\n  - name: longer\n    end: { azure-api: 2021-01-01 }\n"))
                    .containsExactly("variants[0].end.azure-api: exclusives oracle-api (oracle) and azure-api (azure)"
                            + " overlap in scope and period");
        }

        @Test
        void anEndOfAnUnnamedAgreementInABrokenBaseIsReportedNotThrown() {
            String brokenBase = BASE.replace("agreements:\n", "agreements:\n  - ~\n");

            assertThat(problems(brokenBase + "variants:\n  - name: x\n    end: { \"\": 2026-01-01 }\n"))
                    .contains("agreements[0]: expected a value, got nothing")
                    .noneMatch(problem -> problem.startsWith(ScenarioReader.READER));
        }
    }
}
