package dev.tender.cli;

import static dev.tender.cli.CommandLineTest.listing;
import static dev.tender.cli.CommandLineTest.tender;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tender.money.Money;
import dev.tender.text.Figures;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code tender plan} as a user runs it, on worlds small enough to plan in milliseconds: a YAML
 * world under a common head (2025-01-01, daily buckets, thirty days, one accelerator) with its
 * whole demand as rows of a trace file, planned with {@code --step 1d} (the bucket, the exact
 * model) and {@code --time-limit 10s}. Trace rows are {@code id, submitted, tenant, workload,
 * accelerator, units, start, hours, flex, regions, maxPrice}.
 */
class PlanCommandTest {

    private static final String HEAD = """
            name: small
            description: A small world for tender plan
            start: 2025-01-01
            horizon: P30D
            bucket: P1D
            seed: 1
            workloads: [training, api]
            accelerators:
              H100: { h100e: 1.0, kw: 1.4 }
            """;

    private static final String PROVIDERS = """
            providers:
              azure:
                responder: { kind: auto, after: PT1H }
                prices: { H100: 6.00 }
                sites:
                  - { id: az-1, region: east, capacity: [ { accelerator: H100, units: 100, from: 2024-01-01 } ] }
              coreweave:
                responder: { kind: auto, after: PT1H }
                prices: { H100: 4.00 }
                sites:
                  - { id: cw-1, region: east, capacity: [ { accelerator: H100, units: 100, from: 2024-01-01 } ] }
              oracle:
                responder: { kind: auto, after: PT1H }
                prices: { H100: 5.00 }
                sites:
                  - { id: or-1, region: east, capacity: [ { accelerator: H100, units: 100, from: 2024-01-01 } ] }
            """;

    /**
     * Azure's exclusive covers what is submitted before the 3rd; oracle has the first look at training
     * submitted after; coreweave's commitment is small enough for any request of its to meet.
     */
    private static final String CLAUSES = """
            agreements:
              - { id: az-excl, kind: exclusive, provider: azure, from: 2024-01-01, until: 2025-01-03 }
              - { id: or-rofr, kind: rofr, holder: oracle, mode: first-look, window: P1D, partial: true,
                  scope: { workloads: [training] }, from: 2025-01-03 }
              - { id: cw-commit, kind: commitment, provider: coreweave, amount: 500, preference: 0.1,
                  from: 2024-01-01, until: 2026-01-01 }
            """;

    private static final String TRACE_HEADER =
            "id,submitted,tenant,workload,accelerator,units,start,hours,flex,regions,maxPrice\n";

    /**
     * r1 falls under the exclusive (azure, $1,440); r2 under oracle's first look (oracle, $1,200);
     * r3 is free to go to coreweave, a day later if need be; r4 wants 310 units where the three
     * providers have 300 between them.
     */
    private static final String ROWS = """
            r1,2025-01-02,t,training,H100,10,2025-01-05,24,,,
            r2,2025-01-04,t,training,H100,10,2025-01-06,24,,,
            r3,2025-01-04,t,api,H100,20,2025-01-07,48,P1D,,
            r4,2025-01-04,t,api,H100,310,2025-01-20,24,,,
            """;

    /** Hours of each request in {@link #ROWS}. */
    private static final Map<String, Long> HOURS = Map.of("r1", 24L, "r2", 24L, "r3", 48L, "r4", 24L);

    private static final String[] FAST = {"--step", "1d", "--time-limit", "10s"};

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TempDir
    Path dir;

    @Nested
    class ASmallWorldPlannedEndToEnd {

        @Test
        void printsThePlanBesideTheEngineTheSolveAndTheProvidersAndSaysWhereTheFilesAre() throws IOException {
            Path out = dir.resolve("out");

            CommandLineTest.Result run = plan(world(CLAUSES), "--out", out.toString());

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out())
                    .startsWith("The best plan in hindsight: A small world for tender plan")
                    .contains("candidate starts every P1D")
                    .containsPattern("plan +online engine +plan - online")
                    .containsPattern("\\n  cost \\(USD\\) +[0-9,.]+ +[0-9,.]+ +[-+]?[0-9,.]+\\n")
                    .containsPattern("unmet unit-hours +[0-9,]+ +[0-9,]+")
                    .containsPattern(
                            "Solve: objective [0-9,.]+ USD, lower bound [0-9,.]+ USD, gap [0-9.]+%, [0-9.]+ s;")
                    .contains("Plan by provider")
                    .containsPattern("provider +units +unit-hours +cost \\(USD\\)")
                    .contains("unmet: 10 units of 1 requests")
                    .contains("Commitments in the plan", "cw-commit")
                    .contains("Files: " + out.resolve("plan.json") + " (the plan), " + out.resolve("report.html"));
            assertThat(listing(out)).containsExactly("plan.json", "report.html");
            assertThat(out.resolve("report.html")).content().contains("<section id=\"plan\">");
        }

        @Test
        void writesPlanJsonWithEveryFieldAndFiguresThatAgreeWithTheTablesAndWithEachOther() throws IOException {
            Path out = dir.resolve("out");

            CommandLineTest.Result run = plan(world(CLAUSES), "--out", out.toString());

            assertThat(run.exit()).as(run.err()).isZero();
            JsonNode json = JSON.readTree(out.resolve("plan.json").toFile());
            assertThat(json.fieldNames())
                    .toIterable()
                    .contains(
                            "objective",
                            "lowerBound",
                            "gap",
                            "solveSeconds",
                            "onlineCost",
                            "assignments",
                            "unmet",
                            "plan",
                            "providers");
            assertThat(json.get("startStep").asText()).isEqualTo("P1D");

            // Every assignment: its fields, its length, and its cost the price times the unit-hours.
            BigDecimal assigned = BigDecimal.ZERO;
            Map<String, BigDecimal> byProvider = new HashMap<>();
            Map<String, Long> units = new HashMap<>();
            assertThat(json.get("assignments")).isNotEmpty();
            for (JsonNode a : json.get("assignments")) {
                assertThat(a.fieldNames())
                        .toIterable()
                        .contains(
                                "request",
                                "provider",
                                "site",
                                "accelerator",
                                "units",
                                "start",
                                "end",
                                "unitPrice",
                                "cost");
                long hours = Objects.requireNonNull(HOURS.get(a.get("request").asText()));
                assertThat(Duration.between(
                                Instant.parse(a.get("start").asText()),
                                Instant.parse(a.get("end").asText())))
                        .isEqualTo(Duration.ofHours(hours));
                assertThat(a.get("accelerator").asText()).isEqualTo("H100");
                assertThat(a.get("cost").decimalValue())
                        .isEqualByComparingTo(a.get("unitPrice")
                                .decimalValue()
                                .multiply(BigDecimal.valueOf(a.get("units").asLong() * hours)));
                assigned = assigned.add(a.get("cost").decimalValue());
                byProvider.merge(a.get("provider").asText(), a.get("cost").decimalValue(), BigDecimal::add);
                units.merge(a.get("provider").asText(), a.get("units").asLong(), Long::sum);
            }
            assertThat(assigned)
                    .isEqualByComparingTo(json.get("plan").get("cost").decimalValue());

            // Only r4 is short, by the 10 units no provider has.
            assertThat(json.get("unmet")).singleElement().satisfies(u -> {
                assertThat(u.get("request").asText()).isEqualTo("r4");
                assertThat(u.get("units").asInt()).isEqualTo(10);
            });
            assertThat(json.get("plan").get("unmetUnitHours").asLong()).isEqualTo(10 * 24);

            // The solve: the objective is the plan's, no better than the bound, the gap between them.
            BigDecimal objective = json.get("objective").decimalValue();
            BigDecimal lowerBound = json.get("lowerBound").decimalValue();
            assertThat(objective)
                    .isEqualByComparingTo(json.get("plan").get("objective").decimalValue());
            assertThat(objective).isGreaterThanOrEqualTo(lowerBound);
            assertThat(json.get("gap").asDouble())
                    .isBetween(0.0, 1.0)
                    .isCloseTo(objective.subtract(lowerBound).doubleValue() / objective.doubleValue(), offset(1e-9));
            assertThat(json.get("solveSeconds").asDouble()).isPositive().isLessThan(10.0);
            assertThat(json.get("onlineCost").decimalValue())
                    .isEqualByComparingTo(json.get("online").get("cost").decimalValue());
            // With a step of one bucket the engine's decisions are a plan of the model: never better.
            assertThat(objective)
                    .isLessThanOrEqualTo(json.get("onlineObjective").decimalValue());
            // The total a buyer pays: cost, shortfall, and unmet unit-hours at the penalty.
            JsonNode planned = json.get("plan");
            assertThat(planned.get("total").decimalValue())
                    .isEqualByComparingTo(planned.get("cost")
                            .decimalValue()
                            .add(planned.get("shortfall").decimalValue())
                            .add(json.get("unmetPenalty")
                                    .decimalValue()
                                    .multiply(BigDecimal.valueOf(
                                            planned.get("unmetUnitHours").asLong()))));

            // The providers: the assignments summed, in plan.json and in the table on stdout.
            Map<String, BigDecimal> providers = new HashMap<>();
            for (JsonNode p : json.get("providers")) {
                providers.put(p.get("provider").asText(), p.get("cost").decimalValue());
                assertThat(p.get("units").asLong())
                        .isEqualTo(units.get(p.get("provider").asText()));
                assertThat(run.out())
                        .containsPattern("\\n  " + p.get("provider").asText() + " +"
                                + grouped(p.get("units").asLong())
                                + " +" + grouped(p.get("unitHours").asLong()) + " +"
                                + Pattern.quote(dollars(p.get("cost").decimalValue())) + "\\n");
            }
            assertThat(providers).usingRecursiveComparison().isEqualTo(byProvider);

            // The tables on stdout say what plan.json says.
            Matcher cost = Pattern.compile("\\n  cost \\(USD\\) +([0-9,.]+) +([0-9,.]+) +([-+]?[0-9,.]+)\\n")
                    .matcher(run.out());
            assertThat(cost.find()).as(run.out()).isTrue();
            assertThat(cost.group(1)).isEqualTo(dollars(planned.get("cost").decimalValue()));
            assertThat(cost.group(2)).isEqualTo(dollars(json.get("onlineCost").decimalValue()));
            Matcher solve = Pattern.compile(
                            "Solve: objective ([0-9,.]+) USD, lower bound ([0-9,.]+) USD, gap ([0-9.]+)%")
                    .matcher(run.out());
            assertThat(solve.find()).as(run.out()).isTrue();
            assertThat(solve.group(1)).isEqualTo(dollars(objective));
            assertThat(solve.group(2)).isEqualTo(dollars(lowerBound));
            assertThat(Double.parseDouble(solve.group(3)))
                    .isCloseTo(json.get("gap").asDouble() * 100, offset(1e-4));
            assertThat(run.out())
                    .containsPattern("unmet unit-hours +240 +"
                            + grouped(json.get("online").get("unmetUnitHours").asLong()));
        }

        @Test
        void writesItsFiguresTheSameWayInAnyLocale() throws IOException {
            Locale before = Locale.getDefault();
            CommandLineTest.Result run;
            try {
                Locale.setDefault(Locale.GERMANY);
                run = plan(world(CLAUSES), "--out", dir.resolve("out").toString());
            } finally {
                Locale.setDefault(before);
            }

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).containsPattern("gap [0-9]+\\.[0-9]{4}%, [0-9]+\\.[0-9] s;");
        }

        @Test
        void honoursTheExclusiveAndTheFirstLookAndSendsTheFreeRequestToTheCheapest() throws IOException {
            Path out = dir.resolve("out");

            CommandLineTest.Result run = plan(world(CLAUSES), "--out", out.toString());

            assertThat(run.exit()).as(run.err()).isZero();
            // r1 is azure's alone: 10 x 24 x $6 = $1,440; r2 is oracle's first: 10 x 24 x $5 =
            // $1,200; r3 goes to coreweave, 20 x 48 x $4 = $3,840, which meets its $500 commitment;
            // r4 takes all 300 units there are: 100 x 24 x ($4 + $5 + $6) = $36,000. Cost $42,480.
            assertThat(servers(out))
                    .containsExactlyInAnyOrderEntriesOf(
                            Map.of("r1", "azure", "r2", "oracle", "r3", "coreweave", "r4", "azure, coreweave, oracle"));
            JsonNode json = JSON.readTree(out.resolve("plan.json").toFile());
            assertThat(json.get("plan").get("cost").decimalValue()).isEqualByComparingTo("42480");
            assertThat(json.get("plan").get("shortfall").decimalValue()).isEqualByComparingTo("0");
        }
    }

    @Nested
    class ClauseCosts {

        @Test
        void tellWhatEachExclusiveAndRightAddsInATableAndInPlanJson() throws IOException {
            Path out = dir.resolve("out");

            CommandLineTest.Result run = plan(world(CLAUSES), "--clause-costs", "--out", out.toString());

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out())
                    .contains("What each clause adds to the cost (total USD, each unmet unit-hour at 60.00)")
                    .containsPattern(
                            "clause +kind +with hindsight +online +unmet u-h \\(plan\\) +unmet u-h \\(online\\)")
                    .doesNotContainPattern("\\n  cw-commit +commitment");
            // Without the exclusive r1 goes to coreweave for $960 rather than azure's $1,440: +480.
            // Without oracle's first look r2 goes to coreweave for $960 rather than $1,200: +240.
            assertThat(run.out())
                    .containsPattern("\\n  az-excl +exclusive +\\+480\\.00 +[-+]?[0-9,.]+ +0 +[-+]?[0-9,]+\\n")
                    .containsPattern("\\n  or-rofr +rofr +\\+240\\.00 +[-+]?[0-9,.]+ +0 +[-+]?[0-9,]+\\n");
            assertThat(run.out().indexOf("What each clause adds"))
                    .isLessThan(run.out().indexOf("Files:"));

            JsonNode costs = JSON.readTree(out.resolve("plan.json").toFile()).get("clauseCosts");
            assertThat(costs).hasSize(2);
            List<String> clauses = new ArrayList<>();
            for (JsonNode cost : costs) {
                assertThat(cost.fieldNames()).toIterable().contains("clause", "kind", "withHindsight", "online");
                clauses.add(cost.get("clause").asText() + " " + cost.get("kind").asText() + " "
                        + cost.get("withHindsight")
                                .decimalValue()
                                .stripTrailingZeros()
                                .toPlainString());
                assertThat(run.out())
                        .containsPattern("\\n  " + cost.get("clause").asText() + " +"
                                + cost.get("kind").asText() + " +\\S+ +"
                                + Pattern.quote(signed(cost.get("online").decimalValue())) + " ");
            }
            assertThat(clauses).containsExactly("az-excl exclusive 480", "or-rofr rofr 240");
        }

        @Test
        void sayThereIsNothingToPriceInAWorldWithoutExclusivesOrRights() throws IOException {
            Path out = dir.resolve("out");
            String commitmentOnly = """
                    agreements:
                      - { id: cw-commit, kind: commitment, provider: coreweave, amount: 500, preference: 0.1,
                          from: 2024-01-01, until: 2026-01-01 }
                    """;

            CommandLineTest.Result run = plan(world(commitmentOnly), "--clause-costs", "--out", out.toString());

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out())
                    .contains("What each clause adds to the cost")
                    .contains("  no exclusive and no right of first refusal to price")
                    .doesNotContain("with hindsight");
            assertThat(out.resolve("plan.json")).exists();
        }
    }

    @Nested
    class Without {

        @Test
        void plansAsIfTheClauseHadNotBeenSigned() throws IOException {
            Path out = dir.resolve("out");

            CommandLineTest.Result run = plan(world(CLAUSES), "--without", "az-excl", "--out", out.toString());

            assertThat(run.exit()).as(run.err()).isZero();
            // Without the exclusive, the cheapest serves r1: coreweave, 10 x 24 x $4 = $960.
            assertThat(servers(out)).containsEntry("r1", "coreweave").containsEntry("r2", "oracle");
            assertThat(JSON.readTree(out.resolve("plan.json").toFile())
                            .get("plan")
                            .get("cost")
                            .decimalValue())
                    .isEqualByComparingTo("42000");
        }

        @Test
        void mayBeRepeated() throws IOException {
            Path out = dir.resolve("out");

            CommandLineTest.Result run =
                    plan(world(CLAUSES), "--without", "az-excl", "--without", "or-rofr", "--out", out.toString());

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(servers(out))
                    .containsEntry("r1", "coreweave")
                    .containsEntry("r2", "coreweave")
                    .containsEntry("r3", "coreweave");
        }

        @Test
        void refusesAnUnknownClauseNamingItAndTheKnownOnesAndWritesNothing() throws IOException {
            Path out = dir.resolve("out");
            Path file = world(CLAUSES);

            CommandLineTest.Result run = plan(file, "--without", "az-exclusive", "--out", out.toString());

            assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
            assertThat(run.err())
                    .isEqualTo("tender plan: --without az-exclusive: no such agreement in " + file
                            + "; it has: az-excl, cw-commit, or-rofr" + System.lineSeparator());
            assertThat(run.out()).isEmpty();
            assertThat(out).doesNotExist();
        }

        @Test
        void refusesAnyClauseInAWorldWithoutAgreements() throws IOException {
            Path out = dir.resolve("out");
            Path file = world("");

            CommandLineTest.Result run = plan(file, "--without", "az-excl", "--out", out.toString());

            assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
            assertThat(run.err())
                    .isEqualTo("tender plan: --without az-excl: no such agreement in " + file + ", which has none"
                            + System.lineSeparator());
            assertThat(out).doesNotExist();
        }
    }

    @Nested
    class BadInput {

        /**
         * Each row: the option, its value, and the problem the message tells. The ones picocli turns
         * down (a value that is not a duration) come with the usage after the line; the ones Tender
         * turns down come alone.
         */
        static Stream<List<String>> badOptions() {
            return Stream.of(
                    List.of("--time-limit", "0s", "'0s' must be longer than nothing"),
                    List.of("--time-limit", "-5s", "'-5s' must be longer than nothing"),
                    List.of("--time-limit", "abc", "'abc' is not a duration; write 60s, 5m, 2h, 7d or ISO-8601"),
                    List.of("--step", "36h", "PT36H is not a whole number of buckets (PT24H each)"),
                    List.of("--step", "0d", "'0d' must be longer than nothing"),
                    List.of(
                            "--unmet-penalty",
                            "-1",
                            "must be a positive amount of USD with at most six decimals, not -1"),
                    List.of(
                            "--unmet-penalty",
                            "0.0000001",
                            "must be a positive amount of USD with at most six decimals, not 0.0000001"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("badOptions")
        void aBadOptionExitsTwoWithOneLineNamingTheOptionAndWritesNothing(List<String> row) throws IOException {
            Path out = dir.resolve("out");

            CommandLineTest.Result run = plan(world(CLAUSES), row.get(0), row.get(1), "--out", out.toString());

            assertThat(run.exit()).as(run.err()).isEqualTo(Main.BAD_INPUT);
            assertOneClearLine(run, row.get(0), row.get(2));
            assertThat(run.out()).isEmpty();
            assertNothingWritten(out);
        }

        @Test
        void anUnmetPenaltyNotAboveTwiceTheHighestPriceAndACentExitsTwoAndWritesNothing() throws IOException {
            Path out = dir.resolve("out");

            CommandLineTest.Result run = plan(world(CLAUSES), "--unmet-penalty", "12.01", "--out", out.toString());

            assertThat(run.exit()).as(run.err()).isEqualTo(Main.BAD_INPUT);
            assertThat(run.err().lines())
                    .singleElement(as(STRING))
                    .startsWith("tender plan: --unmet-penalty 12.01 must be above 12.01 (twice the"
                            + " highest list price and a cent)");
            assertNoStackTrace(run);
            assertThat(run.out()).isEmpty();
            assertNothingWritten(out);
        }

        @Test
        void anUnmetPenaltyTooLowIsToldByTheOptionsName() throws IOException {
            Path out = dir.resolve("out");

            CommandLineTest.Result run = plan(world(CLAUSES), "--unmet-penalty", "12.01", "--out", out.toString());

            assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
            assertOneClearLine(run, "--unmet-penalty", "12.01");
        }

        @Test
        void anUnmetPenaltyThatIsNotANumberIsToldWithoutJavasWords() throws IOException {
            Path out = dir.resolve("out");

            CommandLineTest.Result run = plan(world(CLAUSES), "--unmet-penalty", "lots", "--out", out.toString());

            assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
            assertOneClearLine(run, "--unmet-penalty", "'lots'");
            assertThat(firstLine(run.err())).doesNotContain("BigDecimal", "java.");
            assertNothingWritten(out);
        }

        @Test
        void anUnmetPenaltyJustAboveTheLeastIsPlanned() throws IOException {
            Path out = dir.resolve("out");

            CommandLineTest.Result run = plan(world(CLAUSES), "--unmet-penalty", "12.010001", "--out", out.toString());

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("an unmet unit-hour costs 12.010001 USD");
            assertThat(JSON.readTree(out.resolve("plan.json").toFile())
                            .get("unmetPenalty")
                            .decimalValue())
                    .isEqualByComparingTo("12.010001");
        }

        @Test
        void aMissingFileExitsTwoNamingTheFileAndWritesNothing() throws IOException {
            Path out = dir.resolve("out");
            Path missing = dir.resolve("no-such-world.yaml");

            CommandLineTest.Result run = tender("plan", missing.toString(), "--out", out.toString());

            assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
            assertThat(run.err()).contains(missing.toString()).contains("nothing was run");
            assertNoStackTrace(run);
            assertThat(run.out()).isEmpty();
            assertThat(out).doesNotExist();
        }

        @Test
        void anInvalidScenarioExitsTwoWithItsProblemsAndWritesNothing() throws IOException {
            Path out = dir.resolve("out");
            Path bad = Files.writeString(
                    dir.resolve("bad.yaml"),
                    Files.readString(world(CLAUSES)).replace("horizon: P30D", "horizon: P30X"));

            CommandLineTest.Result run = plan(bad, "--out", out.toString());

            assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
            assertThat(run.err()).contains(bad + ": 1 problem, nothing was run").contains("horizon");
            assertNoStackTrace(run);
            assertThat(run.out()).isEmpty();
            assertThat(out).doesNotExist();
        }

        @Test
        void aWorldWithoutDemandHasNothingToPlanAndWritesNothing() throws IOException {
            Path out = dir.resolve("out");

            CommandLineTest.Result run = plan(world(CLAUSES, ""), "--out", out.toString());

            assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
            assertThat(run.err()).startsWith("tender plan: nothing to plan: the scenario draws no requests");
            assertNoStackTrace(run);
            assertNothingWritten(out);
        }
    }

    @Test
    void helpTellsTheOptionsAndWhereTheModelIsExplained() {
        CommandLineTest.Result help = tender("plan", "--help");

        assertThat(help.exit()).isZero();
        assertThat(help.out())
                .contains("Usage: tender plan")
                .contains("--step", "--time-limit", "--clause-costs", "--without", "--unmet-penalty")
                .contains("docs/adr/0015")
                .contains("Examples:");
    }

    /** The description is a format string to picocli: a bare per cent sign makes it warn on stderr, and print the text raw. */
    @Test
    void helpIsWrittenWithoutAWarningFromPicocli() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "plan",
                        "--help")
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(err.toFile())
                .start();

        assertThat(waitFor(process)).isZero();
        assertThat(err).content().doesNotContain("picocli WARN");
        assertThat(dir.resolve("out.txt")).content().contains("within 0.01% of the bound");
    }

    // ---- fixture

    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The head, the providers, {@code agreements} and {@link #ROWS} as the trace, in files of {@link #dir}. */
    private Path world(String agreements) throws IOException {
        return world(agreements, ROWS);
    }

    private Path world(String agreements, String rows) throws IOException {
        Files.writeString(dir.resolve("requests.csv"), TRACE_HEADER + rows);
        return Files.writeString(
                dir.resolve("small.yaml"), HEAD + PROVIDERS + agreements + "demand:\n  trace: requests.csv\n");
    }

    /** {@code tender plan FILE} and the rest, with {@code --step 1d --time-limit 10s} unless the rest sets them. */
    private static CommandLineTest.Result plan(Path file, String... rest) {
        List<String> args = new ArrayList<>(List.of("plan", file.toString()));
        List<String> given = List.of(rest);
        for (int i = 0; i < FAST.length; i += 2) {
            if (!given.contains(FAST[i])) {
                args.addAll(List.of(FAST[i], FAST[i + 1]));
            }
        }
        args.addAll(given);
        return tender(args.toArray(String[]::new));
    }

    /** The providers that serve each request in plan.json, in alphabetical order. */
    private static Map<String, String> servers(Path out) throws IOException {
        Map<String, SortedSet<String>> servers = new HashMap<>();
        for (JsonNode a : JSON.readTree(out.resolve("plan.json").toFile()).get("assignments")) {
            servers.computeIfAbsent(a.get("request").asText(), r -> new TreeSet<>())
                    .add(a.get("provider").asText());
        }
        Map<String, String> named = new HashMap<>();
        servers.forEach((request, providers) -> named.put(request, String.join(", ", providers)));
        return named;
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    /**
     * The first line of stderr names the option and tells the problem; after it comes nothing, or
     * picocli's usage of the command; and no stack trace anywhere.
     */
    private static void assertOneClearLine(CommandLineTest.Result run, String option, String problem) {
        List<String> lines = run.err().lines().toList();
        assertThat(lines).as(run.err()).isNotEmpty();
        assertThat(lines.get(0)).contains(option).contains(problem);
        if (lines.size() > 1) {
            assertThat(lines.get(1)).as(run.err()).startsWith("Usage: tender plan");
        }
        assertNoStackTrace(run);
    }

    private static void assertNoStackTrace(CommandLineTest.Result run) {
        assertThat(run.err()).doesNotContain("Exception").doesNotContainPattern("\\n\\s+at ");
    }

    /** No output folder, or an empty one: nothing of the run is left behind. */
    private static void assertNothingWritten(Path out) throws IOException {
        if (Files.exists(out)) {
            assertThat(listing(out)).isEmpty();
        }
    }

    private static String dollars(BigDecimal amount) {
        return Figures.dollars(Money.ofDollars(amount));
    }

    private static String signed(BigDecimal amount) {
        return (amount.signum() > 0 ? "+" : "") + dollars(amount);
    }

    private static String grouped(long value) {
        return Figures.whole(value);
    }
}
