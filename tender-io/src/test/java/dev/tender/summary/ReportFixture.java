package dev.tender.summary;

import dev.tender.report.Summary;
import dev.tender.report.Timeline;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A small summary by hand, shaped like the seed story's: six months of 2025, Azure's exclusivity
 * ending on 21 January as its right of first refusal and its commitment start, and the commitment
 * met on 10 April.
 */
final class ReportFixture {

    static final List<String> PRECEDENCE =
            List.of("withdrawn", "exclusive", "no-provider", "no-answer", "over-max-price", "no-capacity");

    private ReportFixture() {}

    static Instant at(String date) {
        return Instant.parse(date + "T00:00:00Z");
    }

    static List<Long> longs(long... values) {
        return Arrays.stream(values).boxed().toList();
    }

    static List<BigDecimal> dollars(long... values) {
        return Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
    }

    static final Summary SUMMARY = new Summary(
            "seed-story",
            7,
            at("2025-01-01"),
            at("2025-07-01"),
            new Summary.Requests(10, 7, 2, 1, 0, 0),
            1000,
            800,
            80_000,
            new BigDecimal("480000.00"),
            Map.of("EXCLUSIVE", 3L, "ROFR_FIRST_LOOK", 7L),
            List.of(
                    new Summary.ProviderShare(
                            "azure", "Microsoft Azure", 5, 600, 60_000, new BigDecimal("360000"), 0.75),
                    new Summary.ProviderShare("oracle", "Oracle", 2, 200, 20_000, new BigDecimal("120000"), 0.25)),
            List.of(),
            List.of(new Summary.RightOutcome("azure-rofr", "azure", "first-look", 7, 7, 3, 2, 1, 1, 900, 500)),
            List.of(
                    new Summary.OfferOutcome("azure", "EXCLUSIVE", 3, new Summary.Answers(1, 1, 1, 0), 300, 100),
                    new Summary.OfferOutcome("azure", "ROFR", 7, new Summary.Answers(3, 2, 1, 1), 900, 500),
                    new Summary.OfferOutcome("oracle", "RFQ", 4, new Summary.Answers(2, 0, 2, 0), 400, 200)),
            List.of(new Summary.ExclusiveOutcome("azure-exclusive", "azure", 3, 300, 100, 200)),
            PRECEDENCE,
            Map.of("exclusive", 150L, "no-capacity", 50L),
            List.of(new Summary.CommitmentBurn(
                    "azure-commitment",
                    "azure",
                    new BigDecimal("300000"),
                    new BigDecimal("360000"),
                    BigDecimal.ZERO,
                    1.2,
                    at("2025-01-21"),
                    at("2029-01-01"),
                    Instant.parse("2025-04-10T12:00:00Z"))),
            new Timeline(
                    List.of("2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"),
                    List.of(
                            new Timeline.ProviderSeries(
                                    "azure",
                                    longs(1000, 1000, 1000, 1000, 1000, 1000),
                                    longs(100, 300, 600, 600, 600, 600),
                                    longs(1000, 1000, 1500, 1500, 1500, 1500),
                                    longs(100, 300, 700, 800, 900, 900),
                                    List.of(
                                            new Timeline.AcceleratorSeries(
                                                    "GB200",
                                                    new BigDecimal("2.5"),
                                                    longs(0, 0, 200, 200, 200, 200),
                                                    longs(0, 0, 40, 80, 120, 120)),
                                            new Timeline.AcceleratorSeries(
                                                    "H100",
                                                    new BigDecimal("1.0"),
                                                    longs(1000, 1000, 1000, 1000, 1000, 1000),
                                                    longs(100, 300, 600, 600, 600, 600)))),
                            new Timeline.ProviderSeries(
                                    "oracle",
                                    longs(500, 500, 500, 500, 500, 500),
                                    longs(0, 100, 200, 200, 200, 200),
                                    longs(500, 500, 500, 500, 500, 500),
                                    longs(0, 100, 200, 200, 200, 200),
                                    List.of())),
                    List.of(new Timeline.CommitmentSeries(
                            "azure-commitment",
                            new BigDecimal("300000"),
                            dollars(0, 60000, 150000, 320000, 340000, 360000))),
                    List.of(
                            new Timeline.RouteSeries("EXCLUSIVE", longs(3, 0, 0, 0, 0, 0)),
                            new Timeline.RouteSeries("ROFR_FIRST_LOOK", longs(0, 1, 1, 2, 1, 2)),
                            new Timeline.RouteSeries("ROFR_MATCH", longs(0, 0, 0, 0, 0, 0)),
                            new Timeline.RouteSeries("MARKET", longs(0, 0, 0, 0, 0, 0))),
                    List.of(
                            new Timeline.OutcomeSeries("ACCEPTED", longs(1, 1, 1, 1, 1, 1)),
                            new Timeline.OutcomeSeries("PARTIAL", longs(1, 0, 1, 0, 1, 0)),
                            new Timeline.OutcomeSeries("DECLINED", longs(0, 1, 1, 1, 1, 0)),
                            new Timeline.OutcomeSeries("LAPSED", longs(0, 0, 0, 1, 0, 0))),
                    List.of(
                            new Timeline.CauseSeries("withdrawn", longs(0, 0, 0, 0, 0, 0)),
                            new Timeline.CauseSeries("exclusive", longs(150, 0, 0, 0, 0, 0)),
                            new Timeline.CauseSeries("no-provider", longs(0, 0, 0, 0, 0, 0)),
                            new Timeline.CauseSeries("no-answer", longs(0, 0, 0, 0, 0, 0)),
                            new Timeline.CauseSeries("over-max-price", longs(0, 0, 0, 0, 0, 0)),
                            new Timeline.CauseSeries("no-capacity", longs(0, 0, 10, 0, 40, 0))),
                    List.of(
                            new Timeline.AgreementPeriod(
                                    "azure-exclusive", "exclusive", "azure", at("2019-07-22"), at("2025-01-21")),
                            new Timeline.AgreementPeriod("azure-rofr", "rofr", "azure", at("2025-01-21"), null),
                            new Timeline.AgreementPeriod("azure-api", "exclusive", "azure", at("2019-07-22"), null),
                            new Timeline.AgreementPeriod(
                                    "azure-commitment", "commitment", "azure", at("2025-01-21"), at("2029-01-01")))),
            new Summary.TimeToCapacity(40.8, 48, 800));
}
