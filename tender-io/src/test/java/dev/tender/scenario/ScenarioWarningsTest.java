package dev.tender.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Settings that load but can never work as intended, one per case, made in a small scenario that
 * gives no warning, and the warning each gives; and near misses that must give none.
 */
class ScenarioWarningsTest {

    /**
     * Azure holds the only right (training, P5D) and the only exclusive (api, with the offer window
     * P3D), so it is never asked for a market quote; Oracle answers RFQs in the market (P2D).
     */
    static final String CLEAN = """
            name: warnings
            start: 2025-01-01
            horizon: P1Y
            defaults: { offerWindow: P3D, rfqWindow: P2D }
            workloads: [api, training]
            accelerators:
              H100:  { h100e: 1.0, kw: 1.4 }
              GB200: { h100e: 2.5, kw: 2.5 }
              B300:  { h100e: 4.0, kw: 3.0 }
            providers:
              azure:
                responder: { kind: auto, after: P1D }
                prices: { H100: 6.00, GB200: 11.00 }
                sites:
                  - id: azure-east
                    region: us-east
                    capacity:
                      - { accelerator: H100, units: 1000, from: 2025-01-01 }
                      - { accelerator: GB200, units: 100, from: 2025-01-01 }
              oracle:
                responder: { kind: auto, after: PT12H }
                prices: { H100: 5.00, GB200: 9.50 }
                sites:
                  - id: oracle-west
                    region: us-west
                    capacity:
                      - { accelerator: H100, units: 1000, from: 2025-01-01 }
                      - { accelerator: GB200, units: 100, from: 2025-01-01 }
            agreements:
              - { id: azure-api, kind: exclusive, provider: azure, scope: { workloads: [api] }, from: 2025-01-01 }
              - { id: azure-rofr, kind: rofr, holder: azure, window: P5D, scope: { workloads: [training] },
                  from: 2025-01-01 }
              - { id: azure-commitment, kind: commitment, provider: azure, amount: 1000000,
                  from: 2025-01-01, until: 2026-01-01 }
            demand:
              generators:
                - { id: training, workload: training, accelerator: GB200, every: P7D, units: [10, 100], hours: 24,
                    maxPrice: 12.00 }
              trace: requests.csv
            """;

    static final String TRACE = """
            id,submitted,tenant,workload,accelerator,units,start,hours,flex,regions,maxPrice
            r1,2025-02-01,openai,training,H100,10,2025-02-02,24,,us-west,6.00
            r2,2025-02-02,openai,api,H100,10,2025-02-03,24,,,
            """;

    /**
     * The warnings of the clean scenario and trace changed by {@code changes}: pairs of a text and
     * its replacement, each text found exactly once in the scenario or in the trace.
     */
    static List<Warning> warningsWith(Path dir, List<String> changes) {
        String yaml = CLEAN;
        String trace = TRACE;
        for (int i = 0; i < changes.size(); i += 2) {
            String original = changes.get(i);
            String changed = changes.get(i + 1);
            boolean inTrace = trace.contains(original);
            assertThat(inTrace ? trace : yaml).as("where to change").containsOnlyOnce(original);
            if (inTrace) {
                trace = trace.replace(original, changed);
            } else {
                yaml = yaml.replace(original, changed);
            }
        }
        ScenarioFiles files = new ScenarioFiles(dir);
        files.write("requests.csv", trace);
        ScenarioReader.Result result = files.read(yaml);
        assertThat(result).as("%s", result).isInstanceOf(ScenarioReader.Result.Loaded.class);
        return ((ScenarioReader.Result.Loaded) result).warnings();
    }

    static List<String> change(String... pairs) {
        return List.of(pairs);
    }

    @Nested
    class ASettingThatCanNeverWork {

        static Stream<Arguments> cases() {
            return Stream.of(
                    arguments(
                            "a responder slower than the RFQ window",
                            change("after: PT12H", "after: P3D"),
                            "providers.oracle.responder.after",
                            "P3D is longer than defaults.rfqWindow (P2D): every market RFQ to oracle lapses before it"
                                    + " answers"),
                    arguments(
                            "a calendar after whose shortest month is longer than the window",
                            change("after: PT12H", "after: P1M"),
                            "providers.oracle.responder.after",
                            "P1M (at least P28D, counting a month as 28 days) is longer than defaults.rfqWindow (P2D)"),
                    arguments(
                            "a calendar after of years and months",
                            change("after: PT12H", "after: P1Y2M"),
                            "providers.oracle.responder.after",
                            "P1Y2M (at least P421D, counting a year as 365 days and a month as 28 days) is longer"),
                    arguments(
                            "a holder slower than the window of its first-look right",
                            change("after: P1D", "after: P6D"),
                            "providers.azure.responder.after",
                            "P6D is longer than the window of azure-rofr (P5D): every first-look offer to azure lapses"
                                    + " before it answers"),
                    arguments(
                            "a holder slower than the window of its match right",
                            change("after: P1D", "after: P6D", "window: P5D,", "mode: match, window: P5D,"),
                            "providers.azure.responder.after",
                            "every match offer to azure lapses before it answers"),
                    arguments(
                            "an exclusive provider slower than the offer window, holding no right that covers",
                            change("after: P1D", "after: P4D"),
                            "providers.azure.responder.after",
                            "P4D is longer than defaults.offerWindow (P3D), which exclusive offers under azure-api take"
                                    + " when azure holds no right covering the request: each lapses before azure"
                                    + " answers, and its request closes UNFULFILLED"),
                    arguments(
                            "an exclusive that takes the window of its provider's right",
                            change("after: P1D", "after: P6D", "scope: { workloads: [training] },", ""),
                            "providers.azure.responder.after",
                            "P6D is longer than the window of azure-rofr (P5D): every first-look offer to azure lapses"
                                    + " before it answers, and so does every exclusive offer under azure-api that"
                                    + " takes this window, whose request then closes UNFULFILLED"),
                    arguments(
                            "a right only ever used for the window of an exclusive that covers all it covers",
                            change(
                                    "after: P1D",
                                    "after: P6D",
                                    "scope: { workloads: [training] },",
                                    "scope: { workloads: [api] },"),
                            "providers.azure.responder.after",
                            "P6D is longer than the window of azure-rofr (P5D), which exclusive offers under azure-api"
                                    + " take: each lapses before azure answers, and its request closes UNFULFILLED"),
                    arguments(
                            "a provider without capacity",
                            change("agreements:", "  coreweave:\n    responder: { kind: manual }\nagreements:"),
                            "providers.coreweave.sites",
                            "coreweave has no capacity at any site, so no request can reach it"),
                    arguments(
                            "a commitment whose provider has no pool in its scope",
                            change(
                                    "amount: 1000000,",
                                    "amount: 1000000, scope: { accelerators: [GB200], regions: [us-west] },"),
                            "agreements[2].provider",
                            "azure has no pool of GB200 in us-west, so no spend can ever count toward"
                                    + " azure-commitment"),
                    arguments(
                            "a commitment with an accelerator its provider has no pool of",
                            change("amount: 1000000,", "amount: 1000000, scope: { accelerators: [B300] },"),
                            "agreements[2].provider",
                            "azure has no pool of B300, so no spend can ever count toward azure-commitment"),
                    arguments(
                            "a commitment that ends before the scenario starts",
                            change("from: 2025-01-01, until: 2026-01-01", "from: 2024-01-01, until: 2024-06-01"),
                            "agreements[2].until",
                            "2024-06-01 is not after the scenario's start (2025-01-01): azure-commitment is in force"
                                    + " only before any request is submitted, so no award can count toward it"),
                    arguments(
                            "a commitment that begins after the horizon",
                            change("from: 2025-01-01, until: 2026-01-01", "from: 2026-02-01, until: 2027-01-01"),
                            "agreements[2].from",
                            "2026-02-01 is not before the scenario's end (2026-01-01): azure-commitment is in force only"
                                    + " when no request is submitted, so it gives azure no preference, and only awards"
                                    + " still running then count toward it"),
                    arguments(
                            "a right that begins after the horizon",
                            change(
                                    "scope: { workloads: [training] },\n      from: 2025-01-01",
                                    "scope: {" + " workloads: [training] },\n      from: 2026-01-01"),
                            "agreements[1].from",
                            "2026-01-01 is not before the scenario's end (2026-01-01): azure-rofr is in force only when"
                                    + " no request is submitted, so it applies to no request"),
                    arguments(
                            "an exclusive whose provider has no pool in its scope",
                            change("scope: { workloads: [api] }", "scope: { workloads: [api], regions: [us-west] }"),
                            "agreements[0].provider",
                            "azure has no pool in us-west, yet azure-api makes it the only provider for api requests"
                                    + " in us-west: every such request closes UNFULFILLED at once"),
                    arguments(
                            "a right whose holder has no pool in its scope",
                            change(
                                    "scope: { workloads: [training] },",
                                    "scope: { workloads: [training], accelerators: [B300] },"),
                            "agreements[1].holder",
                            "azure has no pool of B300, so azure-rofr never gives it the first refusal: training B300"
                                    + " requests go to the market"),
                    arguments(
                            "a generator of an accelerator no provider has",
                            change("accelerator: GB200, every", "accelerator: B300, every"),
                            "demand.generators[0].accelerator",
                            "no provider has a pool of B300: every request closes UNFULFILLED at once"),
                    arguments(
                            "a generator limited to regions where no provider has its accelerator",
                            change("hours: 24,\n", "hours: 24, regions: [eu-west, eu-north],\n"),
                            "demand.generators[0].regions",
                            "no provider has a pool of GB200 in eu-west or eu-north: every request closes UNFULFILLED"
                                    + " at once"),
                    arguments(
                            "a generator left by an exclusive to a provider that cannot serve it",
                            change(
                                    "workload: training, accelerator: GB200",
                                    "workload: api, accelerator: GB200",
                                    "hours: 24,\n",
                                    "hours: 24, regions: [us-west],\n"),
                            "demand.generators[0]",
                            "azure-api leaves these requests to azure alone, which has no pool of GB200 in us-west:"
                                    + " every request closes UNFULFILLED at once"),
                    arguments(
                            "a generator's maxPrice below every price",
                            change("maxPrice: 12.00", "maxPrice: 9.00"),
                            "demand.generators[0].maxPrice",
                            "9.00 is below the list price for GB200 of every provider it can go to (the lowest is"
                                    + " oracle's 9.50): every quote at list price is refused"),
                    arguments(
                            "a generator's maxPrice below the price of the only provider an exclusive allows",
                            change(
                                    "workload: training, accelerator: GB200",
                                    "workload: api, accelerator: GB200",
                                    "maxPrice: 12.00",
                                    "maxPrice: 10.00"),
                            "demand.generators[0].maxPrice",
                            "10.00 is below the list price for GB200 of every provider it can go to (the lowest is"
                                    + " azure's 11.00): every quote at list price is refused"),
                    arguments(
                            "a generator that begins after the horizon",
                            change("hours: 24,\n", "hours: 24, from: 2026-03-01,\n"),
                            "demand.generators[0].from",
                            "2026-03-01 is not before the scenario's end (2026-01-01): the generator submits no"
                                    + " request"),
                    arguments(
                            "a generator that ends before the scenario starts",
                            change("hours: 24,\n", "hours: 24, from: 2024-01-01, until: 2024-06-01,\n"),
                            "demand.generators[0].until",
                            "2024-06-01 is not after the scenario's start (2025-01-01): the generator submits no"
                                    + " request"),
                    arguments(
                            "a trace request for regions where no provider has its accelerator",
                            change(",,us-west,6.00", ",,eu-west,6.00"),
                            "demand.trace[2].regions",
                            "no provider has a pool of H100 in eu-west: the request closes UNFULFILLED at once"),
                    arguments(
                            "a trace request's maxPrice below every price in its regions",
                            change(",,us-west,6.00", ",,us-west,4.99"),
                            "demand.trace[2].maxPrice",
                            "4.99 is below the list price for H100 of every provider it can go to (the lowest is"
                                    + " oracle's 5.00): every quote at list price is refused"),
                    arguments(
                            "a trace request left by an exclusive to a provider that cannot serve it",
                            change("api,H100,10,2025-02-03,24,,,", "api,H100,10,2025-02-03,24,,us-west,"),
                            "demand.trace[3]",
                            "azure-api leaves these requests to azure alone, which has no pool of H100 in us-west: the"
                                    + " request closes UNFULFILLED at once"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void givesAWarningAtItsPathThatSaysWhatFollows(
                String situation, List<String> changes, String path, String message, @TempDir Path dir) {
            assertThat(warningsWith(dir, changes)).as(situation).anySatisfy(warning -> {
                assertThat(warning.path()).isEqualTo(path);
                assertThat(warning.message()).contains(message);
            });
        }

        @Test
        void traceRequestsAlikeGiveOneWarningThatNamesTheOtherLines(@TempDir Path dir) {
            StringBuilder rows = new StringBuilder();
            for (int n = 3; n <= 10; n++) {
                rows.append(String.format("\nr%d,2025-03-01,openai,training,GB200,10,2025-03-02,24,,eu-west,", n));
            }

            List<Warning> warnings = warningsWith(dir, change(",,,\n", ",,," + rows + "\n"));

            assertThat(warnings)
                    .extracting(Warning::toString)
                    .containsExactly("demand.trace[4].regions: no provider has a pool of GB200 in eu-west: the request"
                            + " closes UNFULFILLED at once, and so for 7 more requests for GB200 in eu-west (lines 5,"
                            + " 6, 7, 8, 9, ...)");
        }

        @Test
        void traceRequestsPricedTooLowAlikeGiveOneWarningLedByTheFirst(@TempDir Path dir) {
            List<Warning> warnings = warningsWith(dir, change(",,us-west,6.00", ",,us-west,4.00", ",,,\n", """
                            ,,,
                            r3,2025-03-01,openai,training,H100,10,2025-03-02,24,,us-west,4.50
                            """));

            assertThat(warnings)
                    .extracting(Warning::toString)
                    .containsExactly("demand.trace[2].maxPrice: 4.00 is below the list price for H100 of every"
                            + " provider it can go to (the lowest is oracle's 5.00): every quote at list price is"
                            + " refused, and so for 1 more request for H100 in us-west with a maxPrice below 5.00"
                            + " (line 4)");
        }

        @Test
        void warningsComeInTheOrderOfTheFile(@TempDir Path dir) {
            List<Warning> warnings = warningsWith(
                    dir,
                    change(
                            ",,us-west,6.00", ",,us-west,1.00",
                            "maxPrice: 12.00", "maxPrice: 1.00",
                            "amount: 1000000,", "amount: 1000000, scope: { accelerators: [B300] },",
                            "after: PT12H", "after: P3D"));

            assertThat(warnings)
                    .extracting(Warning::path)
                    .containsExactly(
                            "providers.oracle.responder.after",
                            "agreements[2].provider",
                            "demand.generators[0].maxPrice",
                            "demand.trace[2].maxPrice");
        }
    }

    @Nested
    class ASettingThatCanWork {

        static Stream<Arguments> nearMisses() {
            return Stream.of(
                    arguments("the clean scenario itself", change()),
                    arguments("an answer due exactly when the RFQ window closes", change("after: PT12H", "after: P2D")),
                    arguments(
                            "a calendar after whose shortest month fits the window",
                            change("after: PT12H", "after: P1M", "rfqWindow: P2D", "rfqWindow: P28D")),
                    arguments(
                            "a responder slower than a right's window that it does not hold",
                            change("after: PT12H", "after: P2D", "window: P5D", "window: P1D")),
                    arguments(
                            "a holder slower than the RFQ window, never asked in the market",
                            change("after: P1D", "after: P3D")),
                    arguments(
                            "an exclusive provider slower than the offer window, whose right's window applies",
                            change("after: P1D", "after: P4D", "scope: { workloads: [training] },", "")),
                    arguments("a maxPrice equal to the lowest price", change("maxPrice: 12.00", "maxPrice: 9.50")),
                    arguments(
                            "a generator limited to a region where its accelerator is",
                            change("hours: 24,\n", "hours: 24, regions: [us-west, eu-west],\n")),
                    arguments(
                            "a commitment limited to where its provider has a pool",
                            change(
                                    "amount: 1000000,",
                                    "amount: 1000000, scope: { accelerators: [GB200], regions: [us-east] },")),
                    arguments(
                            "a commitment that ends on the scenario's first day",
                            change("until: 2026-01-01", "until: 2025-01-02")),
                    arguments(
                            "a trace request its exclusive's provider could not serve, submitted after the exclusive ended",
                            change(
                                    "scope: { workloads: [api] }, from: 2025-01-01",
                                    "scope: { workloads: [api] }, from: 2025-01-01, until: 2025-02-01",
                                    "api,H100,10,2025-02-03,24,,,",
                                    "api,H100,10,2025-02-03,24,,us-west,")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("nearMisses")
        void givesNoWarning(String situation, List<String> changes, @TempDir Path dir) {
            assertThat(warningsWith(dir, changes)).as(situation).isEmpty();
        }

        @Test
        void theSeedStoryGivesNoWarning() {
            ScenarioReader.Result result = new ScenarioReader().read(Path.of("..", "scenarios", "seed-story.yaml"));

            assertThat(result)
                    .isInstanceOfSatisfying(ScenarioReader.Result.Loaded.class, loaded -> assertThat(loaded.warnings())
                            .isEmpty());
        }
    }
}
