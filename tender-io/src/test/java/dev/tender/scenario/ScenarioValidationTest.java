package dev.tender.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One mistake per test, made in a small valid scenario, and the exact problem it gives. */
class ScenarioValidationTest {

    private static final String VALID = """
            name: mini
            start: 2025-01-01
            horizon: P1Y
            workloads: [api, training]
            accelerators:
              H100:  { h100e: 1.0, kw: 1.4 }
              GB200: { h100e: 2.5, kw: 2.5 }
            providers:
              azure:
                responder: { kind: auto, after: P1D, share: 0.8 }
                prices: { H100: 6.00, GB200: 11.00 }
                sites:
                  - id: azure-east
                    region: us-east
                    capacity:
                      - { accelerator: H100, units: 1000, from: 2025-01-01 }
              oracle:
                responder: { kind: manual }
                prices: { GB200: 9.50 }
                sites:
                  - id: oracle-{n}
                    count: 2
                    region: us-{n}
                    capacity:
                      - { accelerator: GB200, megawatts: 10, from: 2025-02-01, every: P1M }
            agreements:
              - { id: azure-api, kind: exclusive, provider: azure, scope: { workloads: [api] }, from: 2025-01-01 }
            demand:
              generators:
                - { workload: training, accelerator: GB200, every: P7D, units: [10, 100], hours: 24 }
              trace: requests.csv
            """;

    private static final String TRACE = """
            id,submitted,tenant,workload,accelerator,units,start,hours,flex,regions,maxPrice
            r1,2025-02-01,openai,training,GB200,100,2025-03-01,720,P2D,us-1,12.5
            r2,2025-02-02,openai,api,H100,10,2025-02-03,24,,,
            """;

    @TempDir
    Path dir;

    private ScenarioFiles files;

    @BeforeEach
    void setUp() {
        files = new ScenarioFiles(dir);
        files.write("requests.csv", TRACE);
    }

    /** The problems of the valid scenario with {@code original} replaced by {@code mistake}. */
    private List<String> problemsWith(String original, String mistake) {
        assertThat(VALID).containsOnlyOnce(original);
        return files.problems(VALID.replace(original, mistake));
    }

    private List<String> problemsWithTrace(String original, String mistake) {
        assertThat(TRACE).containsOnlyOnce(original);
        files.write("requests.csv", TRACE.replace(original, mistake));
        return files.problems(VALID);
    }

    @Test
    void theBaseScenarioIsValid() {
        assertThat(files.load(VALID).world().pools()).hasSize(3);
    }

    @Test
    void unknownTopLevelKey() {
        assertThat(problemsWith("horizon: P1Y\n", "horizon: P1Y\ncolour: blue\n"))
                .containsExactly("colour: unknown key (expected one of: name, description, start, horizon, bucket,"
                        + " seed, defaults, workloads, accelerators, providers, agreements, demand, variants)");
    }

    @Test
    void unknownNestedKey() {
        assertThat(problemsWith("units: 1000,", "units: 1000, colour: red,"))
                .containsExactly("providers.azure.sites[0].capacity[0].colour: unknown key"
                        + " (expected one of: accelerator, units, megawatts, from, until, every)");
    }

    @Test
    void keyOfAnotherAgreementKind() {
        assertThat(problemsWith("provider: azure,", "provider: azure, window: P5D,"))
                .containsExactly("agreements[0].window: not allowed for kind exclusive"
                        + " (expected one of: id, kind, provider, scope, from, until)");
    }

    @Test
    void shareOnAManualResponder() {
        assertThat(problemsWith("{ kind: manual }", "{ kind: manual, share: 0.5 }"))
                .containsExactly(
                        "providers.oracle.responder.share: not allowed for kind manual (expected one of: kind)");
    }

    @Test
    void missingRequiredKey() {
        assertThat(problemsWith("horizon: P1Y\n", "")).containsExactly("horizon: required key is missing");
    }

    @Test
    void requiredKeyWithoutValue() {
        assertThat(problemsWith("name: mini", "name:")).containsExactly("name: required key has no value");
    }

    @Test
    void stringWhereANumberIsWanted() {
        assertThat(problemsWith("kw: 1.4", "kw: abc"))
                .containsExactly("accelerators.H100.kw: expected a number, got 'abc'");
    }

    @Test
    void listWhereAMapIsWanted() {
        assertThat(problemsWith("responder: { kind: manual }", "responder: [manual]"))
                .containsExactly("providers.oracle.responder: expected a map, got a list ['manual']");
    }

    @Test
    void badDuration() {
        assertThat(problemsWith("every: P7D", "every: P3X"))
                .containsExactly("demand.generators[0].every: not an ISO-8601 duration: 'P3X'");
    }

    @Test
    void calendarDurationWhereAnExactOneIsWanted() {
        assertThat(problemsWith("horizon: P1Y\n", "horizon: P1Y\nbucket: P1M\n"))
                .containsExactly("bucket: must be an exact duration (days, hours, minutes, seconds; no months or"
                        + " years), got 'P1M'");
    }

    @Test
    void badDate() {
        assertThat(problemsWith("from: 2025-02-01", "from: 2025-13-01"))
                .containsExactly("providers.oracle.sites[0].capacity[0].from: not a date or instant: '2025-13-01'");
    }

    @Test
    void capacityUntilBeforeFrom() {
        assertThat(problemsWith("units: 1000, from: 2025-01-01", "units: 1000, from: 2025-06-01, until: 2025-01-01"))
                .containsExactly(
                        "providers.azure.sites[0].capacity[0].until: until 2025-01-01 is not after from 2025-06-01");
    }

    @Test
    void agreementUntilBeforeFrom() {
        assertThat(problemsWith(
                        "[api] }, from: 2025-01-01 }", "[api] }, from: 2025-01-01, until: 2024-12-31T23:00:00Z }"))
                .containsExactly("agreements[0].until: until 2024-12-31T23:00:00Z is not after from 2025-01-01");
    }

    @Test
    void duplicateSiteIdAfterTemplateExpansion() {
        assertThat(problemsWith("id: azure-east", "id: oracle-2"))
                .containsExactly(
                        "providers.oracle.sites[0].id: duplicate site id 'oracle-2' (first at providers.azure.sites[0])");
    }

    @Test
    void duplicateAgreementId() {
        assertThat(problemsWith("scope: { workloads: [api] }, from: 2025-01-01 }\n", """
                                scope: { workloads: [api] }, from: 2025-01-01 }
                                  - { id: azure-api, kind: commitment, provider: azure, amount: 1000, from: 2025-01-01 }
                                """))
                .containsExactly("agreements[1].id: duplicate agreement id 'azure-api' (first at agreements[0])");
    }

    @Test
    void overlappingExclusivesOfDifferentProvidersNameBothIds() {
        assertThat(problemsWith("scope: { workloads: [api] }, from: 2025-01-01 }\n", """
                        scope: { workloads: [api] }, from: 2025-01-01 }
                          - { id: oracle-all, kind: exclusive, provider: oracle, from: 2025-06-01 }
                        """))
                .containsExactly(
                        "agreements[1]: exclusives azure-api (azure) and oracle-all (oracle) overlap in scope and period");
    }

    @Test
    void unknownProviderInAnAgreement() {
        assertThat(problemsWith("provider: azure,", "provider: ibm,"))
                .containsExactly("agreements[0].provider: unknown provider 'ibm' (declared: azure, oracle)");
    }

    @Test
    void unknownAcceleratorInCapacity() {
        assertThat(problemsWith("accelerator: H100, units", "accelerator: TPU, units"))
                .containsExactly("providers.azure.sites[0].capacity[0].accelerator: unknown accelerator 'TPU'"
                        + " (declared: H100, GB200)");
    }

    @Test
    void unknownAcceleratorInPrices() {
        assertThat(problemsWith("{ GB200: 9.50 }", "{ GB200: 9.50, TPU: 3 }"))
                .containsExactly("providers.oracle.prices.TPU: unknown accelerator 'TPU' (declared: H100, GB200)");
    }

    @Test
    void unknownAcceleratorInAGenerator() {
        assertThat(problemsWith("accelerator: GB200, every", "accelerator: B300, every"))
                .containsExactly(
                        "demand.generators[0].accelerator: unknown accelerator 'B300' (declared: H100, GB200)");
    }

    @Test
    void unknownAcceleratorInAScope() {
        assertThat(problemsWith("scope: { workloads: [api] }", "scope: { accelerators: [H100, TPU] }"))
                .containsExactly(
                        "agreements[0].scope.accelerators[1]: unknown accelerator 'TPU' (declared: H100, GB200)");
    }

    @Test
    void unknownWorkloadInAGenerator() {
        assertThat(problemsWith("workload: training", "workload: batch"))
                .containsExactly("demand.generators[0].workload: unknown workload 'batch' (declared: api, training)");
    }

    @Test
    void unknownWorkloadInAScope() {
        assertThat(problemsWith("workloads: [api] }", "workloads: [chat] }"))
                .containsExactly("agreements[0].scope.workloads[0]: unknown workload 'chat' (declared: api, training)");
    }

    @Test
    void unknownWorkloadInTheTrace() {
        assertThat(problemsWithTrace("openai,api,", "openai,chat,"))
                .containsExactly("demand.trace[3].workload: unknown workload 'chat' (declared: api, training)");
    }

    @Test
    void shareOutOfRange() {
        assertThat(problemsWith("share: 0.8", "share: 1.5"))
                .containsExactly("providers.azure.responder.share: must be greater than 0 and at most 1, got 1.5");
    }

    @Test
    void templateIdWithoutN() {
        assertThat(problemsWith("id: oracle-{n}", "id: oracle"))
                .containsExactly("providers.oracle.sites[0].id: a site with count is a template and needs {n} in its"
                        + " id, got 'oracle'");
    }

    @Test
    void nWithoutCount() {
        assertThat(problemsWith("        count: 2\n", ""))
                .containsExactly(
                        "providers.oracle.sites[0].id: {n} is only allowed in a site with count (a template), got"
                                + " 'oracle-{n}'",
                        "providers.oracle.sites[0].region: {n} is only allowed in a site with count (a template), got"
                                + " 'us-{n}'",
                        "providers.oracle.sites[0].capacity[0].every: only allowed in a site with count (a template),"
                                + " got 'P1M'");
    }

    @Test
    void everyOutsideATemplate() {
        assertThat(problemsWith("units: 1000, from: 2025-01-01", "units: 1000, from: 2025-01-01, every: P1M"))
                .containsExactly("providers.azure.sites[0].capacity[0].every: only allowed in a site with count"
                        + " (a template), got 'P1M'");
    }

    @Test
    void missingPriceForAPoolsAccelerator() {
        assertThat(problemsWith("{ H100: 6.00, GB200: 11.00 }", "{ GB200: 11.00 }"))
                .containsExactly("providers.azure.prices: no price for 'H100', which the provider has capacity of");
    }

    @Test
    void unitsAndMegawattsTogether() {
        assertThat(problemsWith("megawatts: 10,", "megawatts: 10, units: 5,"))
                .containsExactly("providers.oracle.sites[0].capacity[0]: give units or megawatts, not both; got"
                        + " units 5 and megawatts 10");
    }

    @Test
    void rangeWithMinAboveMax() {
        assertThat(problemsWith("units: [10, 100]", "units: [100, 10]"))
                .containsExactly("demand.generators[0].units: must be a range [min, max] with 0 < min <= max, got"
                        + " a list [100, 10]");
    }

    @Test
    void badTraceHeader() {
        assertThat(problemsWithTrace("id,submitted,", "id,when,"))
                .containsExactly("demand.trace[1]: expected the header"
                        + " 'id,submitted,tenant,workload,accelerator,units,start,hours,flex,regions,maxPrice', got"
                        + " 'id,when,tenant,workload,accelerator,units,start,hours,flex,regions,maxPrice'");
    }

    @Test
    void badTraceRowValues() {
        assertThat(problemsWithTrace("GB200,100,2025-03-01,720,P2D", "GB200,ten,2025-03-01,720,P1M"))
                .containsExactly(
                        "demand.trace[2].units: expected a whole number, got 'ten'",
                        "demand.trace[2].flex: must be an exact duration (days, hours, minutes, seconds; no months or"
                                + " years), got 'P1M'");
    }

    @Test
    void quotesInTheTrace() {
        assertThat(problemsWithTrace("r2,2025-02-02,openai", "r2,2025-02-02,\"openai\""))
                .containsExactly("demand.trace[3]: quotes are not supported (fields hold no commas or quotes), got"
                        + " 'r2,2025-02-02,\"openai\",api,H100,10,2025-02-03,24,,,'");
    }

    @Test
    void duplicateTraceId() {
        assertThat(problemsWithTrace("r2,", "r1,"))
                .containsExactly("demand.trace[3].id: duplicate request id 'r1' (first at demand.trace[2])");
    }

    @Test
    void traceSubmittedBeforeTheStart() {
        assertThat(problemsWithTrace("r1,2025-02-01,", "r1,2024-12-01,"))
                .containsExactly("demand.trace[2].submitted: is before the scenario's start 2025-01-01T00:00:00Z,"
                        + " got 2024-12-01T00:00:00Z");
    }

    @Test
    void traceStartBeforeItsSubmission() {
        assertThat(problemsWithTrace("H100,10,2025-02-03,24", "H100,10,2025-02-01T23:00:00Z,24"))
                .containsExactly("demand.trace[3].start: is before the request is submitted (2025-02-02T00:00:00Z), got"
                        + " 2025-02-01T23:00:00Z");
    }

    @Test
    void tenantThatIsNotAnId() {
        assertThat(problemsWithTrace("r2,2025-02-02,openai", "r2,2025-02-02,open ai"))
                .containsExactly("demand.trace[3].tenant: not a valid tenant: 'open ai' (1-128 letters, digits or"
                        + " . _ : / @ + -, starting with a letter or digit)");
    }

    @Test
    void traceIdNamedLikeAGeneratedRequest() {
        assertThat(problemsWithTrace("r2,", "g1-3,"))
                .containsExactly("demand.trace[3].id: is how generator g1 names its requests, got 'g1-3'");
    }

    @Test
    void aNumberFarOutOfRangeIsRefusedAtOnce() {
        assertThat(problemsWith("units: 1000,", "units: 1.0e+999999999,"))
                .containsExactly("providers.azure.sites[0].capacity[0].units: is out of range, got 1E+999999999");
    }

    @Test
    void growthOutOfRange() {
        assertThat(problemsWith("hours: 24 }", "hours: 24, growth: 1000 }"))
                .containsExactly("demand.generators[0].growth: must be greater than 0 and at most 100 (the rate is"
                        + " multiplied by it each year), got 1000");
    }

    @Test
    void aPreferenceThatRoundsToOne() {
        assertThat(problemsWith(
                        "  - { id: azure-api,",
                        "  - { id: c, kind: commitment, provider: azure, amount: 10, preference: 0.99999999999999999999,"
                                + " from: 2025-01-01 }\n  - { id: azure-api,"))
                .containsExactly("agreements[0].preference: must be at least 0 and less than 1, got"
                        + " 0.99999999999999999999");
    }

    @Test
    void aBucketTooFineForTheLedgerToKeep() {
        assertThat(problemsWith("horizon: P1Y", "horizon: P90Y\nbucket: PT1M"))
                .singleElement()
                .asString()
                .startsWith("bucket: cuts the time from 2025-01-01T00:00:00Z to 2115-01-02T00:01:00Z (the last a"
                        + " request may run) into 47,")
                .endsWith(" buckets for each of 3 pools, more than the ledger keeps (120,000,000 in all); use a"
                        + " coarser bucket, got 'PT1M'");
    }

    @Test
    void missingTraceFile() {
        assertThat(problemsWith("trace: requests.csv", "trace: absent.csv"))
                .containsExactly(
                        "demand.trace: no such file: 'absent.csv' (looked for " + dir.resolve("absent.csv") + ")");
    }

    @Test
    void yamlSyntaxErrorGivesItsLine() {
        assertThat(problemsWith("  GB200: { h100e: 2.5, kw: 2.5 }", "  GB200: { h100e: 2.5, kw: 2.5"))
                .containsExactly("(yaml): line 8, column 10: while parsing a flow mapping (line 7, column 10),"
                        + " expected ',' or '}', but got :");
    }

    @Test
    void duplicateYamlKey() {
        assertThat(problemsWith("horizon: P1Y\n", "horizon: P1Y\nhorizon: P2Y\n"))
                .containsExactly("(yaml): line 4, column 8: Duplicate field 'horizon'");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        String yaml = VALID.replace("horizon: P1Y", "horizon: 1 year")
                .replace("kw: 2.5", "kw: -2.5")
                .replace("share: 0.8", "share: 0")
                .replace("provider: azure,", "provider: ibm,")
                .replace("hours: 24", "hours: [24]");

        assertThat(files.problems(yaml))
                .containsExactly(
                        "horizon: not an ISO-8601 duration: '1 year'",
                        "accelerators.GB200.kw: must be greater than 0, got -2.5",
                        "providers.azure.responder.share: must be greater than 0 and at most 1, got 0",
                        "agreements[0].provider: unknown provider 'ibm' (declared: azure, oracle)",
                        "demand.generators[0].hours: expected a range [min, max] of two whole numbers, got a list"
                                + " [24]");
    }
}
