package dev.tender.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tender.world.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes scenario text into a folder and reads it back, for tests. */
final class ScenarioFiles {

    private final Path dir;
    private final ScenarioReader reader = new ScenarioReader();

    ScenarioFiles(Path dir) {
        this.dir = dir;
    }

    Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ScenarioReader.Result read(String yaml) {
        return reader.read(write("scenario.yaml", yaml));
    }

    Scenario load(String yaml) {
        ScenarioReader.Result result = read(yaml);
        assertThat(result).as("%s", result).isInstanceOf(ScenarioReader.Result.Loaded.class);
        return ((ScenarioReader.Result.Loaded) result).scenario();
    }

    /** The problems of an invalid scenario, as {@code path: message} lines. */
    List<String> problems(String yaml) {
        ScenarioReader.Result result = read(yaml);
        assertThat(result).isInstanceOf(ScenarioReader.Result.Invalid.class);
        return ((ScenarioReader.Result.Invalid) result)
                .problems().stream().map(Problem::toString).toList();
    }
}
