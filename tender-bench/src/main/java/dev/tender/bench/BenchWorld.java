package dev.tender.bench;

import dev.tender.agreement.AgreementBook;
import dev.tender.scenario.ScenarioReader;
import dev.tender.time.Span;
import dev.tender.world.Scenario;
import dev.tender.world.World;
import java.nio.file.Path;

/** The benchmark world of {@code bench/world-1m.yaml}, cut to fewer days of demand and, for the baseline, without clauses. */
final class BenchWorld {

    static final Path FILE = Path.of(System.getProperty("tender.bench.world", "bench/world-1m.yaml"));

    private BenchWorld() {}

    static Scenario scenario(int days, boolean withClauses) {
        ScenarioReader.Result result = new ScenarioReader().read(FILE);
        if (!(result instanceof ScenarioReader.Result.Loaded loaded)) {
            throw new IllegalStateException(
                    "cannot read " + FILE.toAbsolutePath() + " (run from the repository root): " + result);
        }
        Scenario full = loaded.scenario();
        World world = full.world();
        if (!withClauses) {
            world = world.withAgreements(AgreementBook.empty());
        }
        return new Scenario(
                full.name(),
                full.description(),
                full.start(),
                Span.ofDays(days),
                full.seed(),
                world,
                full.generators(),
                full.trace());
    }
}
