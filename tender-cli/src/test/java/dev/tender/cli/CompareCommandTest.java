package dev.tender.cli;

import static dev.tender.cli.CommandLineTest.SEED_STORY;
import static dev.tender.cli.CommandLineTest.tender;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tender compare` as a user runs it: the seed story's variants against the story as signed. */
class CompareCommandTest {

    @TempDir
    Path out;

    @Test
    void writesEveryFigureOfEveryRunAndTellsTheDifferencesToTheBase() throws IOException {
        CommandLineTest.Result run = tender(
                "compare", SEED_STORY.toString(), "--variant", "no-rofr", "--runs", "3", "--out", out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("the base and 1 variants, 3 runs each (seeds 7 to 9)")
                .contains("no-rofr: without Azure's right of first refusal")
                .containsPattern("cost +[0-9.]+ B USD +[-+][0-9.]+ B \\[");
        List<String> csv = Files.readAllLines(out.resolve(ComparisonRun.CSV));
        assertThat(csv.get(0)).isEqualTo("variant,figure,unit,mean,low,high,diff,diffLow,diffHigh");
        assertThat(csv.stream().filter(line -> line.startsWith("base,")))
                .isNotEmpty()
                .allMatch(line -> line.endsWith(",0,0,0"));
        assertThat(csv).anyMatch(line -> line.startsWith("no-rofr,cost,USD,") && !line.endsWith(",0,0,0"));
        assertThat(csv).anyMatch(line -> line.startsWith("no-rofr,rofr.azure-rofr.offers,offers,0,0,0,"));

        JsonNode json =
                new ObjectMapper().readTree(out.resolve(ComparisonRun.JSON).toFile());
        assertThat(json.get("runs").asInt()).isEqualTo(3);
        assertThat(json.get("variants")).extracting(v -> v.get("name").asText()).containsExactly("base", "no-rofr");
        JsonNode cost = json.get("variants").get(1).get("figures").get(0);
        assertThat(cost.get("name").asText()).isEqualTo("cost");
        assertThat(cost.get("runs")).hasSize(3);
        assertThat(cost.get("diff").get("mean").asDouble()).isNotZero();
        for (String entrant : List.of("base", "no-rofr")) {
            JsonNode summary = new ObjectMapper()
                    .readTree(out.resolve(entrant).resolve("summary.json").toFile());
            assertThat(summary.get("seed").asLong()).isEqualTo(7);
            assertThat(summary.get("timeToCapacity").get("meanHours").asDouble())
                    .isPositive();
        }
    }

    @Test
    void refusesTooFewRunsAnUnknownVariantAndAScenarioWithoutVariants(@TempDir Path dir) throws IOException {
        CommandLineTest.Result one = tender("compare", SEED_STORY.toString(), "--runs", "1", "--out", out.toString());
        assertThat(one.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(one.err()).contains("--runs must be 2 to 1000, not 1");

        CommandLineTest.Result unknown =
                tender("compare", SEED_STORY.toString(), "--variant", "no-rofrr", "--out", out.toString());
        assertThat(unknown.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(unknown.err())
                .contains("--variant no-rofrr: no such variant")
                .contains("it has: no-rofr, no-api-exclusive, open-market, abilene-late, demand-plus-25");

        String story = Files.readString(SEED_STORY);
        Path plain = dir.resolve("plain.yaml");
        Files.writeString(plain, story.substring(0, story.indexOf("\nvariants:")));
        CommandLineTest.Result none = tender("compare", plain.toString(), "--out", out.toString());
        assertThat(none.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(none.err()).contains("has no variants, so there is nothing to compare");
        try (var files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }
}
