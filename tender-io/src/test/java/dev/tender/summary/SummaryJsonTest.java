package dev.tender.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryJsonTest {

    @TempDir
    Path folder;

    JsonNode written() throws IOException {
        Path file = folder.resolve("summary.json");
        SummaryJson.write(ReportFixture.SUMMARY, file);
        return new ObjectMapper().readTree(file.toFile());
    }

    static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void keepsTheKeysOtherToolsReadAndAddsTheNewOnes() throws IOException {
        JsonNode summary = written();

        assertThat(keys(summary))
                .containsSubsequence(
                        "scenario",
                        "seed",
                        "start",
                        "end",
                        "requests",
                        "unitsRequested",
                        "unitsAwarded",
                        "unitHoursAwarded",
                        "cost",
                        "routes",
                        "providers",
                        "workloads",
                        "rofr",
                        "exclusivity",
                        "unmetUnitsByCause",
                        "commitments",
                        "timeline")
                .contains("offers", "unmetCausePrecedence");
        assertThat(keys(summary.get("timeline")))
                .containsExactly(
                        "months",
                        "providers",
                        "commitments",
                        "requestsByRoute",
                        "offersByOutcome",
                        "unmetUnitsByCause",
                        "agreements");
        assertThat(keys(summary.get("timeline").get("providers").get(0)))
                .containsExactly("provider", "online", "inUse", "onlineH100e", "inUseH100e", "accelerators");
    }

    @Test
    void offersByProviderAndKindWithTheirAnswers() throws IOException {
        JsonNode rofr = written().get("offers").get(1);

        assertThat(rofr.get("provider").asText()).isEqualTo("azure");
        assertThat(rofr.get("kind").asText()).isEqualTo("ROFR");
        assertThat(rofr.get("offers").asLong()).isEqualTo(7);
        assertThat(keys(rofr.get("answers"))).containsExactly("accepted", "partial", "declined", "lapsed");
        assertThat(rofr.get("answers").get("lapsed").asLong()).isEqualTo(1);
        assertThat(rofr.get("unitsOffered").asLong()).isEqualTo(900);
        assertThat(rofr.get("unitsAwarded").asLong()).isEqualTo(500);
    }

    @Test
    void thePrecedenceOfUnmetCausesAndTheClausesWithTheirPeriods() throws IOException {
        JsonNode summary = written();

        assertThat(summary.get("unmetCausePrecedence").toString())
                .isEqualTo(
                        "[\"withdrawn\",\"exclusive\",\"no-provider\",\"no-answer\",\"over-max-price\",\"no-capacity\"]");
        JsonNode rofr = summary.get("timeline").get("agreements").get(1);
        assertThat(rofr.toString())
                .isEqualTo("{\"agreement\":\"azure-rofr\",\"kind\":\"rofr\",\"provider\":\"azure\","
                        + "\"from\":\"2025-01-21T00:00:00Z\",\"until\":null}");
        assertThat(summary.get("timeline").get("requestsByRoute").get(1).toString())
                .isEqualTo("{\"route\":\"ROFR_FIRST_LOOK\",\"requests\":[0,1,1,2,1,2]}");
    }
}
