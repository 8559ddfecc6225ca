package dev.tender.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tender.report.Summary;
import dev.tender.scenario.ScenarioReader;
import dev.tender.world.Variant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Pairing: run k of every entrant meets the same demand, so only a change can make a difference. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComparisonTest {

    private static final String WORLD = """
            name: pairing
            start: 2026-01-01
            horizon: P90D
            seed: 11
            defaults: { offerWindow: P1D, rfqWindow: P1D }
            workloads: [api, training]
            accelerators:
              H100: { h100e: 1.0, kw: 1.4 }
            providers:
              azure:
                responder: { kind: auto, after: PT1H, share: 0.6 }
                prices: { H100: 6.00 }
                sites:
                  - { id: azure-east, region: us-east, capacity: [ { accelerator: H100, units: 900, from: 2025-01-01 } ] }
              coreweave:
                responder: { kind: auto, after: PT2H }
                prices: { H100: 5.00 }
                sites:
                  - { id: cw-tx, region: us-south, capacity: [ { accelerator: H100, units: 700, from: 2025-01-01 } ] }
            agreements:
              - { id: azure-rofr, kind: rofr, holder: azure, mode: first-look, window: P2D, partial: true,
                  scope: { workloads: [training] }, from: 2026-01-01 }
              - { id: azure-api, kind: exclusive, provider: azure, scope: { workloads: [api] }, from: 2026-01-01 }
            demand:
              generators:
                - { id: training, tenant: lab, workload: training, accelerator: H100, every: P2D,
                    units: [50, 400], hours: [24, 240], lead: P3D, flex: P5D }
            variants:
              - { name: unchanged }
              - { name: same-prices, prices: { azure: { H100: 6.00 }, coreweave: { H100: 5.0 } } }
              - { name: no-api-exclusive, remove: [azure-api] }
              - { name: no-rofr, remove: [azure-rofr] }
              - { name: bigger, scaleDemand: { "*": 1.5 } }
            """;

    private Comparison.Outcome outcome;

    @BeforeAll
    void playFourRunsOfEach() throws InterruptedException {
        var loaded = (ScenarioReader.Result.Loaded) new ScenarioReader().read(WORLD, null, "pairing.yaml");
        List<Variant> entrants = new ArrayList<>();
        entrants.add(new Variant("base", "", loaded.scenario()));
        entrants.addAll(loaded.variants());
        outcome = new Comparison(entrants, 4, 100).run(2, Comparison.Progress.NONE);
    }

    @Test
    void aVariantThatChangesNothingDiffersByExactlyZeroInEveryRun() {
        for (String name : List.of("unchanged", "same-prices")) {
            int entrant = index(name);
            for (Figure figure : outcome.figures()) {
                assertThat(outcome.values(entrant, figure))
                        .as("%s of %s", figure.name(), name)
                        .containsExactly(outcome.values(0, figure));
                assertThat(outcome.difference(entrant, figure)).isEqualTo(new Estimate(0, 0, 0, 4));
            }
        }
    }

    @Test
    void removingAClauseChangesTheRunsInWhichItDecidedSomethingAndOnlyThose() {
        for (String name : List.of("no-api-exclusive", "no-rofr")) {
            String clause = name.equals("no-rofr") ? "azure-rofr" : "azure-api";
            List<Summary> base = outcome.summaries(0);
            List<Summary> without = outcome.summaries(index(name));
            for (int k = 0; k < outcome.runs(); k++) {
                boolean decided = decided(base.get(k), clause);
                boolean same = figures(without.get(k)).equals(figures(base.get(k)));
                assertThat(same)
                        .as("run %d without %s, which decided %s", k, clause, decided ? "something" : "nothing")
                        .isNotEqualTo(decided);
            }
        }
        // The world is made so that the first look decides in every run and the exclusive in none.
        assertThat(outcome.summaries(0)).allMatch(run -> decided(run, "azure-rofr"));
        assertThat(outcome.summaries(0)).noneMatch(run -> decided(run, "azure-api"));
    }

    @Test
    void runKOfEveryEntrantMeetsTheSameRequestsAndRunsDifferAmongThemselves() {
        Figure requested = new Figure("unitsAwarded", Figure.UNITS);
        int bigger = index("bigger");
        for (int k = 0; k < outcome.runs(); k++) {
            Summary base = outcome.summaries(0).get(k);
            Summary scaled = outcome.summaries(bigger).get(k);
            assertThat(scaled.requests().submitted()).isEqualTo(base.requests().submitted());
            assertThat(scaled.unitsRequested())
                    .isBetween(
                            (long) (base.unitsRequested() * 1.5)
                                    - base.requests().submitted(),
                            (long) (base.unitsRequested() * 1.5)
                                    + base.requests().submitted());
            assertThat(scaled.seed()).isEqualTo(100 + k).isEqualTo(base.seed());
        }
        double[] awarded = outcome.values(0, requested);
        assertThat(awarded[0]).isNotEqualTo(awarded[1]);
    }

    @Test
    void refusesWhatIsNoComparison() {
        var base = outcome.base();
        assertThatThrownBy(() -> new Comparison(List.of(), 1, 1)).hasMessageContaining("base");
        assertThatThrownBy(() -> new Comparison(List.of(base, base), 1, 1)).hasMessageContaining("two entrants");
        assertThatThrownBy(() -> new Comparison(List.of(base), 0, 1)).hasMessageContaining("at least 1");
    }

    private int index(String name) {
        for (int i = 0; i < outcome.entrants().size(); i++) {
            if (outcome.entrants().get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no entrant " + name);
    }

    /** Whether {@code clause} routed any request in the run. */
    private static boolean decided(Summary run, String clause) {
        return run.rofr().stream().anyMatch(r -> r.agreement().equals(clause) && r.requests() > 0)
                || run.exclusivity().stream().anyMatch(e -> e.agreement().equals(clause) && e.requests() > 0);
    }

    private static java.util.Map<Figure, Double> figures(Summary run) {
        java.util.Map<Figure, Double> figures = new java.util.LinkedHashMap<>(RunFigures.of(run));
        // A clause that is gone has no line of its own in the summary; compare what both have.
        figures.keySet().removeIf(f -> f.name().startsWith("rofr.") || f.name().startsWith("shortfall."));
        return figures;
    }
}
