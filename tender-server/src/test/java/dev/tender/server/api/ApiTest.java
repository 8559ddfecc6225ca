package dev.tender.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tender.demand.RequestId;
import dev.tender.event.TenderEvent;
import dev.tender.eventlog.EventLines;
import dev.tender.report.Explanation;
import dev.tender.server.node.LiveNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API over a real HTTP server: a tenant submits, a provider answers, the tenant reads the story. */
class ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRAINING = """
            {"workload": "training", "accelerator": "H100", "units": 100,
             "start": "2026-06-02T00:00:00Z", "hours": 10, "flex": "P1D", "maxPrice": 7.5}""";

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

    @Test
    void aTenantSubmitsTheHolderAnswersItsFirstLookAndTheTenantReadsTheStory() throws Exception {
        HttpResponse<String> created = api.post("research", "/v1/requests", TRAINING);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode request = JSON.readTree(created.body());
        String id = request.get("id").textValue();
        assertThat(created.headers().firstValue("Location")).hasValue("/v1/requests/" + id);
        assertThat(request.get("route").textValue()).isEqualTo("ROFR_FIRST_LOOK");
        assertThat(request.get("state").textValue()).isEqualTo("OPEN");

        JsonNode offers =
                JSON.readTree(api.get("azure", "/v1/offers?state=open").body()).get("offers");
        assertThat(offers).hasSize(1);
        JsonNode offer = offers.get(0);
        assertThat(offer.get("kind").textValue()).isEqualTo("ROFR");
        // Sealed bids: the provider sees the demand, not the buyer's ceiling.
        assertThat(offer.get("demand").has("maxPrice")).isFalse();

        HttpResponse<String> answered = api.post(
                "azure",
                "/v1/offers/" + offer.get("id").textValue() + "/response",
                "{\"outcome\": \"ACCEPTED\", \"unitPrice\": 6.25, \"site\": \"azure-east\"}");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(JSON.readTree(answered.body()).get("state").textValue()).isEqualTo("ACCEPTED");

        JsonNode fulfilled =
                JSON.readTree(api.get("research", "/v1/requests/" + id).body());
        assertThat(fulfilled.get("state").textValue()).isEqualTo("FULFILLED");
        assertThat(fulfilled.get("awards").get(0).get("unitPrice").decimalValue())
                .isEqualByComparingTo("6.25");

        HttpResponse<String> events = api.get("research", "/v1/requests/" + id + "/events");
        List<TenderEvent> story = new ArrayList<>();
        for (JsonNode event : JSON.readTree(events.body())) {
            EventLines.parse(event.toString()).ifPresent(story::add);
        }
        assertThat(story)
                .extracting(TenderEvent::type)
                .containsExactly("SUBMITTED", "ROUTED", "OFFERED", "RESPONDED", "AWARDED", "CLOSED");
        HttpResponse<String> explained = api.get("research", "/v1/requests/" + id + "/explain");
        assertThat(explained.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(explained.body()).isEqualTo(Explanation.story(new RequestId(id), story));
        assertThat(explained.body()).contains("azure answered ACCEPTED");

        HttpResponse<String> log = api.get("admin", "/v1/events?after=0");
        assertThat(log.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        assertThat(log.body().lines()).hasSize(6);
        assertThat(api.get("admin", "/v1/events?after=4").body().lines()).hasSize(2);

        String metrics = api.get("nobody", "/metrics").body();
        assertThat(metrics)
                .contains("tender_commands_total{kind=\"SUBMIT\"} 1.0")
                .contains("tender_commands_total{kind=\"RESPOND\"} 1.0")
                .contains("tender_events_total{type=\"AWARDED\"} 1.0")
                .contains("tender_awarded_units_total 100.0")
                .contains("tender_queue_depth 0.0")
                .contains("tender_command_latency_seconds_bucket{kind=\"SUBMIT\",le=");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheSameRequest() throws Exception {
        HttpResponse<String> first = api.call("research", "POST", "/v1/requests", TRAINING);
        String id = JSON.readTree(first.body()).get("id").textValue();
        HttpResponse<String> retry = retryWithKey("k-1");
        HttpResponse<String> again = retryWithKey("k-1");
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(JSON.readTree(again.body()).get("id"))
                .isEqualTo(JSON.readTree(retry.body()).get("id"));
        assertThat(JSON.readTree(retry.body()).get("id").textValue()).isNotEqualTo(id);
        assertThat(api.node.requests().size()).isEqualTo(2);
    }

    private HttpResponse<String> retryWithKey(String key) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + api.server.port() + "/v1/requests"))
                .header("Authorization", "Bearer " + api.tokens.get("research"))
                .header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(TRAINING))
                .build();
        return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void textNoDatabaseKeepsAsSentIsRefusedBeforeItReachesTheLog() throws Exception {
        String id = JSON.readTree(api.post("research", "/v1/requests", TRAINING).body())
                .get("id")
                .textValue();
        long stored = api.store.commands().lastCommandSeq();
        for (String reason : List.of("\\ud800", "\\udc00 late", "a\\u0000b")) {
            HttpResponse<String> refused = api.post(
                    "azure",
                    "/v1/offers/" + id + ".o1/response",
                    "{\"outcome\": \"DECLINED\", \"reason\": \"" + reason + "\"}");
            assertThat(refused.statusCode()).as(reason).isEqualTo(422);
            assertThat(JSON.readTree(refused.body())
                            .get("errors")
                            .get(0)
                            .get("field")
                            .textValue())
                    .isEqualTo("reason");
        }
        assertThat(api.store.commands().lastCommandSeq()).isEqualTo(stored);
        assertThat(api.node.requests().find(new RequestId(id)).orElseThrow().isOpen())
                .isTrue();
    }

    @Test
    void aTenantCancelsWhatIsNotAwardedAndCannotCancelTwice() throws Exception {
        String id = JSON.readTree(api.post("research", "/v1/requests", TRAINING).body())
                .get("id")
                .textValue();
        HttpResponse<String> cancelled = api.post("research", "/v1/requests/" + id + "/cancel", "");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(cancelled.body()).get("state").textValue()).isEqualTo("CANCELLED");
        HttpResponse<String> again = api.post("research", "/v1/requests/" + id + "/cancel", "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue(Api.PROBLEM_JSON);
    }

    @Test
    void anAnswerAfterTheDeadlineIsAConflictAndTheOfferLapsedAtTheDeadline() throws Exception {
        String id = JSON.readTree(api.post("research", "/v1/requests", TRAINING).body())
                .get("id")
                .textValue();
        api.clock.advance(java.time.Duration.ofSeconds(4));
        HttpResponse<String> late = api.post(
                "azure", "/v1/offers/" + id + ".o1/response", "{\"outcome\": \"DECLINED\", \"reason\": \"too late\"}");
        assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
        JsonNode offer = JSON.readTree(api.get("research", "/v1/requests/" + id).body())
                .get("offers")
                .get(0);
        assertThat(offer.get("state").textValue()).isEqualTo("LAPSED");
        assertThat(offer.get("deadline").textValue())
                .isEqualTo(LiveNode.T0.plusSeconds(3).toString());
    }
}
