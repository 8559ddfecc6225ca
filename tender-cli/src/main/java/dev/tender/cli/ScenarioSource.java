package dev.tender.cli;

import dev.tender.scenario.Problem;
import dev.tender.scenario.ScenarioReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where a scenario comes from: a file the user names, or the seed story inside the jar. */
final class ScenarioSource {

    static final String SEED_STORY = "scenarios/seed-story.yaml";

    private ScenarioSource() {}

    /**
     * The scenario with its warnings, each already printed to {@code err} on a line of its own; or
     * empty after every problem has been printed there.
     */
    static Optional<ScenarioReader.Result.Loaded> load(Path file, PrintWriter err) {
        return report(new ScenarioReader().read(file), file.toString(), err);
    }

    static Optional<ScenarioReader.Result.Loaded> seedStory(PrintWriter err) {
        try (InputStream in = ScenarioSource.class.getClassLoader().getResourceAsStream(SEED_STORY)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + SEED_STORY + "; rebuild it");
            }
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return report(new ScenarioReader().read(yaml, Path.of("."), SEED_STORY), SEED_STORY, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<ScenarioReader.Result.Loaded> report(
            ScenarioReader.Result result, String name, PrintWriter err) {
        if (result instanceof ScenarioReader.Result.Loaded loaded) {
            loaded.warnings().forEach(warning -> err.println("warning: " + warning));
            return Optional.of(loaded);
        }
        List<Problem> problems = ((ScenarioReader.Result.Invalid) result).problems();
        err.println(name + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + ", nothing was run:");
        problems.forEach(p -> err.println("  " + p));
        return Optional.empty();
    }
}
