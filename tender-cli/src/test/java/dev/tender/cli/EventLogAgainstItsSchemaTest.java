package dev.tender.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every line the demo writes is an instance of the published JSON Schema, checked by a validator that is not ours. */
class EventLogAgainstItsSchemaTest {

    static final Path PUBLISHED = Path.of("..", "docs", "event-log.schema.json");

    @TempDir
    static Path out;

    static Schema schema;

    @BeforeAll
    static void runTheDemoAndLoadTheSchema() throws Exception {
        int exit = Main.execute(
                new String[] {"demo", "--out", out.toString()},
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        assertThat(exit).isZero();
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(PUBLISHED), InputFormat.JSON);
    }

    private static List<Error> check(String line) {
        return schema.validate(line, InputFormat.JSON);
    }

    @Test
    void everyLineOfTheDemosLogIsValid() throws Exception {
        List<String> lines = Files.readAllLines(out.resolve("events.jsonl"));
        List<String> invalid = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            List<Error> errors = check(lines.get(i));
            if (!errors.isEmpty()) {
                invalid.add("line " + (i + 1) + ": " + errors);
            }
        }

        assertThat(lines).hasSizeGreaterThan(10_000);
        assertThat(invalid).isEmpty();
    }

    @Test
    void theSchemaRefusesALineThatBreaksTheFormat() throws Exception {
        String closed = Files.readAllLines(out.resolve("events.jsonl")).stream()
                .filter(l -> l.contains("\"type\":\"CLOSED\""))
                .findFirst()
                .orElseThrow();

        assertThat(check(closed)).isEmpty();
        assertThat(check(closed.replace("\"outcome\":\"", "\"outcome\":\"X"))).isNotEmpty();
        assertThat(check(closed.replace("\"units\":", "\"unitz\":"))).isNotEmpty();
        assertThat(check(closed.replace("}", ",\"extra\":1}"))).isNotEmpty();
        assertThat(check(closed.replace("\"at\":\"20", "\"at\":\"yesterday 20")))
                .isNotEmpty();
    }
}
