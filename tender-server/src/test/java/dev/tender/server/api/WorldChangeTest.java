package dev.tender.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tender.server.node.LiveNode;
import dev.tender.server.node.Node;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clauses added and ended, capacity announced, while the node runs: checked as in a file, applied from then on. */
class WorldChangeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRAINING = """
            {"workload": "training", "accelerator": "H100", "units": 10, "start": "2026-06-02T00:00:00Z", "hours": 10}""";

    @TempDir
    Path folder;

    private RunningApi api;

    @BeforeEach
    void start() {
        api = new RunningApi(folder, "azure", "oracle");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private String route(HttpResponse<String> created) throws Exception {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("route").textValue();
    }

    @Test
    void aRightEndedNowNoLongerRoutesWhatIsSubmittedAfterAndTheLogStillReplays() throws Exception {
        assertThat(route(api.post("research", "/v1/requests", TRAINING))).isEqualTo("ROFR_FIRST_LOOK");
        api.clock.advance(Duration.ofSeconds(1));

        HttpResponse<String> ended = api.post("admin", "/v1/agreements/azure-rofr/end", "");
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        JsonNode clause = JSON.readTree(ended.body());
        // It ends a millisecond after the command, so what was stamped with it keeps the clause.
        assertThat(clause.get("until").textValue())
                .isEqualTo(api.clock.instant().plusMillis(1).toString());
        assertThat(clause.get("inForce").booleanValue()).isTrue();
        assertThat(route(api.post("research", "/v1/requests", TRAINING))).isEqualTo("ROFR_FIRST_LOOK");
        api.clock.advance(Duration.ofMillis(1));
        assertThat(route(api.post("research", "/v1/requests", TRAINING))).isEqualTo("MARKET");

        HttpResponse<String> again = api.post("admin", "/v1/agreements/azure-rofr/end", "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(api.post("admin", "/v1/agreements/no-such/end", "").statusCode())
                .isEqualTo(404);

        api.server.stop();
        api.node.close();
        try (Node replayed = Node.start(api.store.commands(), api.clock)) {
            assertThat(replayed.requests().size()).isEqualTo(3);
            assertThat(replayed.world().orElseThrow().world().agreements().all())
                    .anySatisfy(a -> assertThat(a.until()).isNotNull());
        }
    }

    @Test
    void aClauseIsCheckedAsInAScenarioFileAndAppliesFromNowOn() throws Exception {
        String commitment = """
                {"id": "cw-commit", "kind": "commitment", "provider": "coreweave", "amount": 1000000,
                 "preference": 0.2, "from": "%s"}""".formatted(api.clock.instant().plusSeconds(1));
        HttpResponse<String> added = api.post("admin", "/v1/agreements", commitment);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(JSON.readTree(added.body()).get("inForce").booleanValue()).isFalse();
        assertThat(JSON.readTree(api.get("admin", "/v1/agreements").body()).get("agreements"))
                .extracting(a -> a.get("id").textValue())
                .contains("azure-rofr", "azure-api", "cw-commit");

        // An exclusive for Oracle over the api workload clashes with Azure's, as it would in a file.
        HttpResponse<String> clash = api.post("admin", "/v1/agreements", """
                {"id": "oracle-api", "kind": "exclusive", "provider": "oracle", "scope": {"workloads": ["api"]},
                 "from": "2027-01-01"}""");
        assertThat(clash.statusCode()).isEqualTo(422);
        assertThat(clash.body()).contains("overlap");

        HttpResponse<String> past = api.post("admin", "/v1/agreements", """
                {"id": "late", "kind": "exclusive", "provider": "oracle", "scope": {"workloads": ["training"]},
                 "from": "2026-01-01"}""");
        assertThat(past.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(past.body()).get("errors").get(0).get("field").textValue())
                .isEqualTo("from");

        HttpResponse<String> unknownProvider = api.post("admin", "/v1/agreements", """
                {"id": "x", "kind": "exclusive", "provider": "nobody", "from": "2027-01-01"}""");
        assertThat(unknownProvider.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(unknownProvider.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .textValue())
                .isEqualTo("provider");
        assertThat(api.post("research", "/v1/agreements", commitment).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aProviderAnnouncesCapacityAtItsOwnSiteAndSeesOnlyItsOwnPools() throws Exception {
        String announcement = """
                {"site": "oracle-abilene", "accelerator": "H100", "megawatts": 0.7, "from": "%s"}""".formatted(LiveNode.T0);
        HttpResponse<String> announced = api.post("oracle", "/v1/providers/oracle/capacity", announcement);
        assertThat(announced.statusCode()).as(announced.body()).isEqualTo(201);
        JsonNode pool = JSON.readTree(announced.body());
        // 0.7 MW at 1.4 kW a unit is 500 units, on top of the 600 the file gives, counted from the
        // first whole day they are online.
        assertThat(pool.get("at").textValue()).isEqualTo("2026-06-02T00:00:00Z");
        assertThat(pool.get("online").longValue()).isEqualTo(1100);
        assertThat(pool.get("free").longValue()).isEqualTo(1100);

        assertThat(api.post("oracle", "/v1/providers/coreweave/capacity", announcement)
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> noPool = api.post("admin", "/v1/providers/oracle/capacity", """
                {"site": "azure-east", "accelerator": "H100", "units": 5, "from": "2026-07-01T00:00:00Z"}""");
        assertThat(noPool.statusCode()).isEqualTo(422);
        assertThat(noPool.body()).contains("site");

        JsonNode own = JSON.readTree(api.get("oracle", "/v1/capacity").body()).get("pools");
        assertThat(own).extracting(p -> p.get("provider").textValue()).containsOnly("oracle");
        JsonNode all = JSON.readTree(api.get("admin", "/v1/capacity?at=" + LiveNode.T0.plus(Duration.ofDays(1)))
                        .body())
                .get("pools");
        assertThat(all).hasSize(3);
        assertThat(api.get("research", "/v1/capacity").statusCode()).isEqualTo(403);
    }

    @Test
    void awardedCapacityShowsInTheView() throws Exception {
        String id = JSON.readTree(api.post("research", "/v1/requests", TRAINING).body())
                .get("id")
                .textValue();
        api.post("azure", "/v1/offers/" + id + ".o1/response", """
                {"outcome": "ACCEPTED", "unitPrice": 6.0, "site": "azure-east"}""");
        JsonNode pools = JSON.readTree(
                        api.get("admin", "/v1/capacity?at=2026-06-02T01:00:00Z").body())
                .get("pools");
        JsonNode azure = null;
        for (JsonNode pool : pools) {
            if (pool.get("site").textValue().equals("azure-east")) {
                azure = pool;
            }
        }
        assertThat(azure).isNotNull();
        assertThat(azure.get("awarded").longValue()).isEqualTo(10);
        assertThat(azure.get("free").longValue()).isEqualTo(990);
        assertThat(azure.get("held").longValue()).isZero();
    }
}
