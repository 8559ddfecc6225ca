package dev.tender.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The JSON Schema published under docs/ is the one the code makes, so it cannot drift from the log. */
class EventLogSchemaTest {

    static final Path PUBLISHED = Path.of("..", "docs", "event-log.schema.json");

    @Test
    void thePublishedCopyIsUpToDate() throws Exception {
        assertThat(Files.readString(PUBLISHED))
                .as("docs/event-log.schema.json is out of date: run `./tender schema > docs/event-log.schema.json`")
                .isEqualTo(EventLogSchema.text());
    }

    @Test
    void everyTypeAndFieldOfTheLogIsInIt() {
        assertThat(EventLogSchema.text())
                .contains("\"$ref\" : \"#/$defs/SUBMITTED\"", "\"$ref\" : \"#/$defs/CLOSED\"")
                .contains("\"maxPrice\"", "\"matchPrice\"", "\"cause\"")
                .contains("\"additionalProperties\" : false");
    }
}
