package dev.tender.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tender.scenario.ScenarioReader;
import dev.tender.world.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Scenarios for tests, read as {@code tender plan} reads a file: a world in YAML (providers and
 * agreements) under a common head, and its whole demand as rows of a trace file. The head starts
 * on 2025-01-01 with daily buckets for thirty days, and knows one accelerator, H100.
 */
final class TraceScenarios {

    private static final String HEAD = """
            name: hand
            start: 2025-01-01
            horizon: P30D
            bucket: P1D
            seed: 1
            workloads: [training, api]
            accelerators:
              H100: { h100e: 1.0, kw: 1.4 }
            """;

    private static final String TRACE_HEADER =
            "id,submitted,tenant,workload,accelerator,units,start,hours,flex,regions,maxPrice\n";

    private TraceScenarios() {}

    /** The scenario of {@code world} with {@code rows} (trace lines without the header) as its demand. */
    static Scenario load(Path dir, String world, String rows) {
        try {
            Files.writeString(dir.resolve("requests.csv"), TRACE_HEADER + rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String yaml = HEAD + world + "demand:\n  trace: requests.csv\n";
        ScenarioReader.Result result = new ScenarioReader().read(yaml, dir, "hand.yaml");
        assertThat(result).as("%s", result).isInstanceOf(ScenarioReader.Result.Loaded.class);
        return ((ScenarioReader.Result.Loaded) result).scenario();
    }
}
