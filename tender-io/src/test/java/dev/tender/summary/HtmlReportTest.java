package dev.tender.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tender.report.Summary;
import dev.tender.report.Timeline;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    static final Summary SUMMARY = new Summary(
            "seed-story",
            7,
            Instant.parse("2025-01-01T00:00:00Z"),
            Instant.parse("2025-04-01T00:00:00Z"),
            new Summary.Requests(10, 7, 2, 1, 0, 0),
            1000,
            800,
            80_000,
            new BigDecimal("480000.00"),
            Map.of("MARKET", 10L),
            List.of(
                    new Summary.ProviderShare(
                            "azure", "Microsoft Azure", 5, 600, 60_000, new BigDecimal("360000"), 0.75),
                    new Summary.ProviderShare("oracle", "Oracle", 2, 200, 20_000, new BigDecimal("120000"), 0.25)),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of("withdrawn", "exclusive", "no-provider", "no-answer", "over-max-price", "no-capacity"),
            Map.of("no-capacity", 200L),
            List.of(),
            new Timeline(
                    List.of("2025-01", "2025-02", "2025-03"),
                    List.of(
                            new Timeline.ProviderSeries(
                                    "azure",
                                    List.of(1000L, 1000L, 1000L),
                                    List.of(100L, 300L, 600L),
                                    List.of(1000L, 1000L, 1000L),
                                    List.of(100L, 300L, 600L),
                                    List.of()),
                            new Timeline.ProviderSeries(
                                    "oracle",
                                    List.of(500L, 500L, 500L),
                                    List.of(0L, 100L, 200L),
                                    List.of(500L, 500L, 500L),
                                    List.of(0L, 100L, 200L),
                                    List.of())),
                    List.of(new Timeline.CommitmentSeries(
                            "azure-commitment",
                            new BigDecimal("500000"),
                            List.of(new BigDecimal("0"), new BigDecimal("100000"), new BigDecimal("360000")))),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of()));

    @Test
    void drawsUnitsInUseSharesAndBurnDown() {
        String html = HtmlReport.text(SUMMARY, "A <small> story");

        assertThat(html)
                .startsWith("<!doctype html>")
                .contains("<title>Tender: seed-story</title>")
                .contains("A &lt;small&gt; story")
                .contains("10 requests: 7 fulfilled, 2 partial, 1 unfulfilled.")
                .contains("800 of 1,000 units awarded, 480,000 USD.");
        // One stacked area per provider, busiest first, and the capacity line.
        assertThat(html.split("<polygon", -1)).hasSize(3);
        assertThat(html.indexOf(">azure<")).isLessThan(html.indexOf(">oracle<"));
        assertThat(html).contains("capacity online");
        // Shares as bars with their figures.
        assertThat(html).contains("75.0% (600 units, 360,000 USD)").contains("25.0% (200 units, 120,000 USD)");
        // The commitment's spend line and its amount.
        assertThat(html).contains("Commitment burn-down").contains(">azure-commitment<");
        assertThat(html).contains("<td>no-capacity</td><td>200</td>");
    }

    @Test
    void theCapacityLineAndTheStackShareOneScale() {
        String html = HtmlReport.text(SUMMARY, "");

        // 1500 units online is the top of the chart: the dashed line runs along the top grid line.
        assertThat(html).contains("points=\"80,20 390,20 700,20\"");
    }
}
