package dev.tender.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tender.capacity.TimeGrid;
import dev.tender.demand.RequestId;
import dev.tender.event.TenderEvent;
import dev.tender.eventlog.EventLines;
import dev.tender.provider.ProviderId;
import dev.tender.report.Explanation;
import dev.tender.server.node.LiveNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API over a real HTTP server: a tenant submits, a provider answers, the tenant reads the story; a provider
 * reads back what it answered, and the overview sums it all up.
 */
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

    // -- what a provider answered

    @Test
    void aProviderListsWhatItAnsweredNewestFirstWithItsOwnAnswerAndNoOtherProvidersOffers() throws Exception {
        // Azure declines its first look at the first request: the market asks CoreWeave and Oracle.
        String first = submit("research", TRAINING);
        answer("azure", first + ".o1", "{\"outcome\": \"DECLINED\", \"reason\": \"full\"}");
        LiveNode.eventually(
                () -> !api.node.requests().openOffers(new ProviderId("oracle")).isEmpty());
        String toOracle = offers("oracle", "open").get(0).get("id").textValue();
        answer("oracle", toOracle, "{\"outcome\": \"DECLINED\"}");
        // Azure takes its first look at the second.
        String second = submit("research", TRAINING);
        answer("azure", second + ".o1", "{\"outcome\": \"ACCEPTED\", \"unitPrice\": 6.25, \"site\": \"azure-east\"}");

        List<JsonNode> azure = offers("azure", "answered");
        assertThat(azure)
                .extracting(offer -> offer.get("id").textValue())
                .containsExactly(second + ".o1", first + ".o1");
        JsonNode accepted = azure.get(0).get("answer");
        assertThat(accepted.get("outcome").textValue()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("units").intValue()).isEqualTo(100);
        assertThat(accepted.get("unitPrice").decimalValue()).isEqualByComparingTo("6.25");
        assertThat(accepted.get("site").textValue()).isEqualTo("azure-east");
        assertThat(accepted.get("start").textValue()).isEqualTo("2026-06-02T00:00:00Z");
        assertThat(accepted.get("at").textValue()).isEqualTo(LiveNode.T0.toString());
        assertThat(accepted.get("reason").isNull()).isTrue();
        JsonNode declined = azure.get(1).get("answer");
        assertThat(declined.get("outcome").textValue()).isEqualTo("DECLINED");
        assertThat(declined.get("units").intValue()).isZero();
        assertThat(declined.get("unitPrice").isNull()).isTrue();
        assertThat(declined.get("site").isNull()).isTrue();
        assertThat(declined.get("reason").textValue()).isEqualTo("full");

        List<JsonNode> oracle = offers("oracle", "answered");
        assertThat(oracle).extracting(offer -> offer.get("id").textValue()).containsExactly(toOracle);
        assertThat(oracle.get(0).at("/answer/outcome").textValue()).isEqualTo("DECLINED");
        // Sealed bids: neither sees the other's offers, nor CoreWeave's quote.
        assertThat(azure.toString()).doesNotContain("oracle").doesNotContain("coreweave");
        assertThat(oracle.toString()).doesNotContain("azure").doesNotContain("coreweave");
        assertThat(offers("azure", "open")).isEmpty();
        assertThat(JSON.readTree(api.get("azure", "/v1/offers/" + first + ".o1").body())
                        .at("/answer/reason")
                        .textValue())
                .isEqualTo("full");
    }

    @Test
    void anOfferLetLapseIsListedAsAnsweredLapsedWithoutTerms() throws Exception {
        String id = submit("research", TRAINING);
        JsonNode open =
                JSON.readTree(api.get("azure", "/v1/offers/" + id + ".o1").body());
        assertThat(open.get("state").textValue()).isEqualTo("OPEN");
        assertThat(open.get("answer").isNull()).isTrue();

        api.clock.advance(Duration.ofSeconds(4));
        LiveNode.eventually(() ->
                !api.node.requests().answeredOffers(new ProviderId("azure")).isEmpty());

        List<JsonNode> answered = offers("azure", "ANSWERED");
        assertThat(answered).hasSize(1);
        assertThat(answered.get(0).get("state").textValue()).isEqualTo("LAPSED");
        JsonNode lapsed = answered.get(0).get("answer");
        assertThat(lapsed.get("outcome").textValue()).isEqualTo("LAPSED");
        assertThat(lapsed.get("units").intValue()).isZero();
        assertThat(lapsed.get("unitPrice").isNull()).isTrue();
        assertThat(lapsed.get("start").isNull()).isTrue();
        assertThat(Instant.parse(lapsed.get("at").textValue())).isAfterOrEqualTo(LiveNode.T0.plusSeconds(3));
        assertThat(JSON.readTree(api.get("azure", "/v1/offers/" + id + ".o1").body()))
                .isEqualTo(answered.get(0));
    }

    @Test
    void anOfferOfAnotherProviderDoesNotExistForAProviderAndIsNotForATenantOrTheAdmin() throws Exception {
        String offer = submit("research", TRAINING) + ".o1";
        assertThat(api.get("azure", "/v1/offers/" + offer).statusCode()).isEqualTo(200);

        HttpResponse<String> other = api.get("oracle", "/v1/offers/" + offer);
        assertThat(other.statusCode()).isEqualTo(404);
        String detail = JSON.readTree(other.body()).get("detail").textValue();
        assertThat(detail).isEqualTo("no offer \"" + offer + "\" to oracle");
        // Word for word what answering it says: a provider cannot tell another's offer from none.
        HttpResponse<String> answering = api.post("oracle", "/v1/offers/" + offer + "/response", "{}");
        assertThat(answering.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(answering.body()).get("detail").textValue()).isEqualTo(detail);
        assertThat(api.get("oracle", "/v1/offers/req-99.o1").statusCode()).isEqualTo(404);
        assertThat(api.get("oracle", "/v1/offers/nonsense").statusCode()).isEqualTo(404);
        assertThat(api.get("research", "/v1/offers/" + offer).statusCode()).isEqualTo(403);
        assertThat(api.get("admin", "/v1/offers/" + offer).statusCode()).isEqualTo(403);
    }

    @Test
    void anOfferStateOtherThanOpenOrAnsweredIsRefusedNamingTheParameter() throws Exception {
        HttpResponse<String> refused = api.get("azure", "/v1/offers?state=closed");
        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode error = JSON.readTree(refused.body()).get("errors").get(0);
        assertThat(error.get("field").textValue()).isEqualTo("state");
        assertThat(error.get("problem").textValue()).isEqualTo("must be open or answered, not \"closed\"");
        assertThat(api.get("azure", "/v1/offers?state=").statusCode()).isEqualTo(422);
        assertThat(api.get("azure", "/v1/offers?state=Open").statusCode()).isEqualTo(200);
    }

    // -- the overview

    @Test
    void theOverviewHasACapacitySeriesOfAHundredPointsPerProviderWithOnlineAtLeastHeldAndAwarded() throws Exception {
        // Long enough to span several points, one a week or so: about 83 days from tomorrow.
        String longRun = TRAINING.replace("\"hours\": 10", "\"hours\": 2000");
        String takenByAzure = submit("research", longRun);
        answer(
                "azure",
                takenByAzure + ".o1",
                "{\"outcome\": \"ACCEPTED\", \"unitPrice\": 6.25, \"site\": \"azure-east\"}");
        // Azure passes on the next: CoreWeave quotes at once and holds its units while Oracle has not answered.
        String quotedByCoreWeave = submit("research", longRun);
        answer("azure", quotedByCoreWeave + ".o1", "{\"outcome\": \"DECLINED\"}");
        LiveNode.eventually(
                () -> api.node.requests().find(new RequestId(quotedByCoreWeave)).orElseThrow().offers().stream()
                        .anyMatch(offer -> offer.provider().value().equals("coreweave") && offer.response() != null));

        JsonNode capacity = overview("admin").get("capacity");
        List<Instant> times = new ArrayList<>();
        capacity.get("times").forEach(time -> times.add(Instant.parse(time.textValue())));
        assertThat(times).hasSize(100).isSorted().doesNotHaveDuplicates();
        TimeGrid grid = api.node.world().orElseThrow().grid();
        assertThat(times.get(0))
                .as("the start of the ledger's bucket that holds now")
                .isEqualTo(grid.startOf(grid.floor(LiveNode.T0)));
        JsonNode providers = capacity.get("providers");
        assertThat(providers)
                .extracting(series -> series.get("provider").textValue())
                .containsExactlyInAnyOrder("azure", "coreweave", "oracle");
        List<String> wrong = new ArrayList<>();
        for (JsonNode series : providers) {
            String provider = series.get("provider").textValue();
            for (String name : List.of("online", "held", "awarded")) {
                assertThat(series.get(name)).as(provider + " " + name).hasSize(100);
            }
            for (int i = 0; i < 100; i++) {
                long online = series.get("online").get(i).longValue();
                long held = series.get("held").get(i).longValue();
                long awarded = series.get("awarded").get(i).longValue();
                if (held < 0 || awarded < 0 || online < held + awarded) {
                    wrong.add(provider + " at " + times.get(i) + ": " + online + " online, " + held + " held, "
                            + awarded + " awarded");
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(max(providers, "azure", "awarded")).isEqualTo(100);
        assertThat(max(providers, "coreweave", "held")).isEqualTo(100);
        assertThat(max(providers, "azure", "online")).isEqualTo(1000);
    }

    /** The largest value of a provider's series. */
    private static long max(JsonNode providers, String provider, String series) {
        long max = Long.MIN_VALUE;
        for (JsonNode one : providers) {
            if (one.get("provider").textValue().equals(provider)) {
                for (JsonNode value : one.get(series)) {
                    max = Math.max(max, value.longValue());
                }
            }
        }
        return max;
    }

    @Test
    void theOverviewShowsEveryCommitmentWithItsSpendOneAddedOrEndedWhileTheNodeRunsToo() throws Exception {
        List<String> seeded = api.node.world().orElseThrow().world().agreements().commitments().stream()
                .map(commitment -> commitment.id().value())
                .toList();
        assertThat(overview("admin").get("commitments"))
                .extracting(commitment -> commitment.get("agreement").textValue())
                .containsExactlyElementsOf(seeded);

        HttpResponse<String> added = api.post("admin", "/v1/agreements", """
                {"id": "cw-commit", "kind": "commitment", "provider": "coreweave", "amount": 1000000,
                 "preference": 0.2, "scope": {"workloads": ["training"]}, "from": "%s"}""".formatted(LiveNode.T0.plusSeconds(1)));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode fresh = commitment(overview("admin"), "cw-commit");
        assertThat(fresh.get("provider").textValue()).isEqualTo("coreweave");
        assertThat(fresh.get("amount").decimalValue()).isEqualByComparingTo("1000000");
        assertThat(fresh.get("spent").decimalValue()).isEqualByComparingTo("0");
        assertThat(fresh.get("shortfall").decimalValue()).isEqualByComparingTo("1000000");
        assertThat(fresh.get("from").textValue())
                .isEqualTo(LiveNode.T0.plusSeconds(1).toString());
        assertThat(fresh.get("until").isNull()).isTrue();
        assertThat(fresh.get("metAt").isNull()).isTrue();

        // In force now: Azure passes, Oracle declines, CoreWeave is awarded 100 units for 10 hours at $5.
        api.clock.advance(Duration.ofSeconds(2));
        String id = submit("research", TRAINING);
        answer("azure", id + ".o1", "{\"outcome\": \"DECLINED\"}");
        LiveNode.eventually(
                () -> !api.node.requests().openOffers(new ProviderId("oracle")).isEmpty());
        answer("oracle", offers("oracle", "open").get(0).get("id").textValue(), "{\"outcome\": \"DECLINED\"}");
        LiveNode.eventually(
                () -> !api.node.requests().find(new RequestId(id)).orElseThrow().isOpen());
        JsonNode request =
                JSON.readTree(api.get("research", "/v1/requests/" + id).body());
        assertThat(request.at("/awards/0/provider").textValue())
                .as(request.toString())
                .isEqualTo("coreweave");

        JsonNode spent = commitment(overview("admin"), "cw-commit");
        assertThat(spent.get("spent").decimalValue()).isEqualByComparingTo("5000");
        assertThat(spent.get("shortfall").decimalValue()).isEqualByComparingTo("995000");
        assertThat(commitment(overview("research"), "cw-commit")).isEqualTo(spent);
        // Its burn-down has the day of the award; a commitment nothing counted toward has none.
        assertThat(spent.get("history")).hasSize(1);
        assertThat(spent.at("/history/0/day").textValue())
                .isEqualTo(api.clock.instant().truncatedTo(ChronoUnit.DAYS).toString());
        assertThat(spent.at("/history/0/spent").decimalValue()).isEqualByComparingTo("5000");
        assertThat(overview("admin").get("commitments"))
                .filteredOn(commitment -> commitment.get("spent").decimalValue().signum() == 0)
                .allSatisfy(commitment -> assertThat(commitment.get("history")).isEmpty());

        // Ending it reads the world anew; what was spent stays with it.
        assertThat(api.post("admin", "/v1/agreements/cw-commit/end", "").statusCode())
                .isEqualTo(200);
        JsonNode ended = commitment(overview("admin"), "cw-commit");
        assertThat(ended.get("until").isNull()).isFalse();
        assertThat(ended.get("spent").decimalValue()).isEqualByComparingTo("5000");
        assertThat(ended.get("history")).isEqualTo(spent.get("history"));
    }

    private static JsonNode commitment(JsonNode overview, String agreement) {
        for (JsonNode commitment : overview.get("commitments")) {
            if (commitment.get("agreement").textValue().equals(agreement)) {
                return commitment;
            }
        }
        throw new AssertionError("no commitment " + agreement + " in " + overview.get("commitments"));
    }

    // -- helpers

    /** Submits as {@code tenant} and returns the request's id. */
    private String submit(String tenant, String demand) throws Exception {
        HttpResponse<String> created = api.post(tenant, "/v1/requests", demand);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").textValue();
    }

    private void answer(String provider, String offer, String answer) {
        HttpResponse<String> answered = api.post(provider, "/v1/offers/" + offer + "/response", answer);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    }

    private List<JsonNode> offers(String provider, String state) throws Exception {
        HttpResponse<String> listed = api.get(provider, "/v1/offers?state=" + state);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        List<JsonNode> offers = new ArrayList<>();
        JSON.readTree(listed.body()).get("offers").forEach(offers::add);
        return offers;
    }

    private JsonNode overview(String caller) throws Exception {
        HttpResponse<String> overview = api.get(caller, "/v1/overview");
        assertThat(overview.statusCode()).as(overview.body()).isEqualTo(200);
        return JSON.readTree(overview.body());
    }
}
