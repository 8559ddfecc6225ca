package dev.tender.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tender.report.Summary;
import dev.tender.report.Timeline;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    static final List<String> PRECEDENCE =
            List.of("withdrawn", "exclusive", "no-provider", "no-answer", "over-max-price", "no-capacity");

    static Summary summary(List<Summary.OfferOutcome> offers, Map<String, Long> unmet) {
        return new Summary(
                "by-hand",
                7,
                Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2025-02-01T00:00:00Z"),
                new Summary.Requests(3, 1, 1, 1, 0, 0),
                300,
                150,
                1500,
                new BigDecimal("9000"),
                Map.of("MARKET", 3L),
                List.of(),
                List.of(),
                List.of(),
                offers,
                List.of(),
                PRECEDENCE,
                unmet,
                List.of(),
                new Timeline(List.of("2025-01"), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()),
                new Summary.TimeToCapacity(12, 24, 150));
    }

    static String printed(Summary summary) {
        StringWriter text = new StringWriter();
        new SummaryTable(summary, "").print(new PrintWriter(text));
        return text.toString();
    }

    @Test
    void offersArePrintedOneRowPerProviderAndKind() {
        String table = printed(summary(
                List.of(
                        new Summary.OfferOutcome("azure", "EXCLUSIVE", 12, new Summary.Answers(5, 4, 2, 1), 1200, 700),
                        new Summary.OfferOutcome("oracle", "RFQ", 3, new Summary.Answers(3, 0, 0, 0), 30_000, 30_000)),
                Map.of()));

        assertThat(table)
                .contains("Offers by provider and kind")
                .containsPattern("provider +kind +offers +accepted +partial +declined +lapsed +units offered"
                        + " +units awarded")
                .containsPattern("azure +EXCLUSIVE +12 +5 +4 +2 +1 +1,200 +700\n")
                .containsPattern("oracle +RFQ +3 +3 +0 +0 +0 +30,000 +30,000\n");
    }

    @Test
    void unmetDemandSaysWhichPrecedenceFilesEachShortRequestAndFollowsIt() {
        String table = printed(summary(List.of(), Map.of("no-capacity", 120L, "exclusive", 30L)));

        assertThat(table).contains("""
                        each short request is filed under the first cause that applies, in this order:
                          withdrawn, exclusive, no-provider, no-answer, over-max-price, no-capacity
                        """).containsPattern("exclusive +30 units\n  no-capacity +120 units\n");
    }

    @Test
    void aRunWithoutShortRequestsSaysSoWithoutThePrecedence() {
        String table = printed(summary(List.of(), Map.of()));

        assertThat(table).contains("none: every unit requested was awarded").doesNotContain("first cause");
    }
}
