package dev.tender.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every endpoint, called by every kind of caller: nobody, a forged token, the admin, two tenants,
 * two providers. A tenant sees its own requests only (another's do not exist for it), a provider
 * the offers made to it only. Calls that would change something send a body that is refused after
 * the caller is let in, so the matrix leaves the node as it found it.
 */
class RoleMatrixTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CALLERS =
            List.of("nobody", "forged", "admin", "research", "product", "azure", "oracle");

    @TempDir
    Path folder;

    private RunningApi api;
    private String request = "";

    @BeforeEach
    void start() throws Exception {
        api = new RunningApi(folder, "azure", "oracle");
        HttpResponse<String> created = api.post("research", "/v1/requests", """
                {"workload": "training", "accelerator": "H100", "units": 10,
                 "start": "2026-06-02T00:00:00Z", "hours": 10}""");
        request = JSON.readTree(created.body()).get("id").textValue();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private record Call(
            String method, String path, @Nullable String body, Map<String, Integer> expected) {}

    /** Expected statuses: nobody and forged tokens get 401 everywhere, so the rows name the others. */
    private static Map<String, Integer> expect(int admin, int research, int product, int azure, int oracle) {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        statuses.put("nobody", 401);
        statuses.put("forged", 401);
        statuses.put("admin", admin);
        statuses.put("research", research);
        statuses.put("product", product);
        statuses.put("azure", azure);
        statuses.put("oracle", oracle);
        return statuses;
    }

    @Test
    void everyEndpointAnswersEachCallerAsItsRoleAllows() {
        String offer = request + ".o1";
        List<Call> calls = List.of(
                new Call("GET", "/v1/me", null, expect(200, 200, 200, 200, 200)),
                new Call("POST", "/v1/requests", "{}", expect(403, 422, 422, 403, 403)),
                new Call("GET", "/v1/requests", null, expect(200, 200, 200, 403, 403)),
                new Call("GET", "/v1/requests/" + request, null, expect(200, 200, 404, 403, 403)),
                new Call("GET", "/v1/requests/" + request + "/events", null, expect(200, 200, 404, 403, 403)),
                new Call("GET", "/v1/requests/" + request + "/explain", null, expect(200, 200, 404, 403, 403)),
                new Call("POST", "/v1/requests/" + request + "/cancel", "", expect(403, 200, 404, 403, 403)),
                new Call("GET", "/v1/offers?state=open", null, expect(403, 403, 403, 200, 200)),
                new Call("GET", "/v1/offers?state=answered", null, expect(403, 403, 403, 200, 200)),
                new Call("GET", "/v1/offers/" + offer, null, expect(403, 403, 403, 200, 404)),
                new Call("POST", "/v1/offers/" + offer + "/response", "{}", expect(403, 403, 403, 422, 404)),
                new Call("GET", "/v1/events", null, expect(200, 403, 403, 403, 403)),
                new Call("GET", "/v1/agreements", null, expect(200, 403, 403, 403, 403)),
                new Call("POST", "/v1/agreements", "{}", expect(422, 403, 403, 403, 403)),
                new Call(
                        "POST", "/v1/agreements/azure-rofr/end", "{\"at\": \"soon\"}", expect(422, 403, 403, 403, 403)),
                new Call("POST", "/v1/providers/azure/capacity", "{}", expect(422, 403, 403, 422, 403)),
                new Call("GET", "/v1/capacity", null, expect(200, 403, 403, 200, 200)),
                new Call("GET", "/v1/overview", null, expect(200, 200, 200, 403, 403)));
        List<String> wrong = new ArrayList<>();
        for (Call call : calls) {
            for (String caller : CALLERS) {
                if (call.path().endsWith("/cancel") && caller.equals("research")) {
                    continue; // called last, below: it closes the request
                }
                HttpResponse<String> response = api.call(caller, call.method(), call.path(), call.body());
                int expected = call.expected().getOrDefault(caller, 0);
                if (response.statusCode() != expected) {
                    wrong.add(call.method() + " " + call.path() + " as " + caller + ": " + response.statusCode()
                            + " instead of " + expected + " " + response.body());
                }
                if (response.statusCode() >= 400) {
                    assertThat(response.headers().firstValue("Content-Type"))
                            .as(call.method() + " " + call.path() + " as " + caller)
                            .hasValue(Api.PROBLEM_JSON);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(api.post("research", "/v1/requests/" + request + "/cancel", "")
                        .statusCode())
                .isEqualTo(200);
        for (String anyone : CALLERS) {
            assertThat(api.get(anyone, "/health").statusCode()).isEqualTo(200);
            assertThat(api.get(anyone, "/metrics").statusCode()).isEqualTo(200);
            assertThat(api.get(anyone, "/openapi.json").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aTenantListsItsOwnRequestsAndTheAdminAll() throws Exception {
        api.post("product", "/v1/requests", """
                {"workload": "api", "accelerator": "H100", "units": 5, "start": "2026-06-02T00:00:00Z", "hours": 1}""");
        assertThat(ids("research")).containsExactly(request);
        assertThat(ids("product")).hasSize(1).doesNotContain(request);
        assertThat(ids("admin")).hasSize(2);
    }

    @Test
    void theOverviewCountsATenantsOwnRequestsByStateAndTheAdminEveryones() throws Exception {
        // Research has one open request (made before each test) and cancels a second; product's is
        // Azure's exclusive and waits for it.
        HttpResponse<String> second = api.post("research", "/v1/requests", """
                {"workload": "training", "accelerator": "H100", "units": 10,
                 "start": "2026-06-02T00:00:00Z", "hours": 10}""");
        String cancelled = JSON.readTree(second.body()).get("id").textValue();
        assertThat(api.post("research", "/v1/requests/" + cancelled + "/cancel", "")
                        .statusCode())
                .isEqualTo(200);
        api.post("product", "/v1/requests", """
                {"workload": "api", "accelerator": "H100", "units": 5, "start": "2026-06-02T00:00:00Z", "hours": 1}""");

        assertThat(requestCounts("research")).isEqualTo(counts(1, 1));
        assertThat(requestCounts("product")).isEqualTo(counts(1, 0));
        assertThat(requestCounts("admin")).isEqualTo(counts(2, 1));
    }

    /** The overview's counts as the caller gets them, every state named. */
    private Map<String, Long> requestCounts(String caller) throws Exception {
        HttpResponse<String> overview = api.get(caller, "/v1/overview");
        assertThat(overview.statusCode()).as(overview.body()).isEqualTo(200);
        Map<String, Long> counts = new LinkedHashMap<>();
        JSON.readTree(overview.body())
                .get("requests")
                .properties()
                .forEach(state -> counts.put(state.getKey(), state.getValue().longValue()));
        return counts;
    }

    private static Map<String, Long> counts(long open, long cancelled) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String state : List.of("CANCELLED", "FULFILLED", "OPEN", "PARTIAL", "REJECTED", "UNFULFILLED")) {
            counts.put(state, state.equals("OPEN") ? open : state.equals("CANCELLED") ? cancelled : 0L);
        }
        return counts;
    }

    private List<String> ids(String caller) throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode item :
                JSON.readTree(api.get(caller, "/v1/requests").body()).get("requests")) {
            ids.add(item.get("id").textValue());
        }
        return ids;
    }

    @Test
    void aProviderSeesOnlyTheOffersMadeToItAndNeverAnotherProvidersName() throws Exception {
        // The product request is exclusive to Azure (azure-api); the training one is Azure's first look.
        JsonNode azure =
                JSON.readTree(api.get("azure", "/v1/offers?state=open").body()).get("offers");
        JsonNode oracle =
                JSON.readTree(api.get("oracle", "/v1/offers?state=open").body()).get("offers");
        assertThat(azure).hasSize(1);
        assertThat(oracle).isEmpty();
        String text = azure.toString();
        assertThat(text).doesNotContain("oracle").doesNotContain("coreweave").doesNotContain("research");
    }
}
