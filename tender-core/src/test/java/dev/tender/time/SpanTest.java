package dev.tender.time;

import static dev.tender.fixtures.TestWorld.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpanTest {

    private static Span span(String text) {
        return Span.parse(text).orElseThrow(() -> new AssertionError("does not parse: " + text));
    }

    @Test
    void yearsAndMonthsStayCalendar() {
        assertThat(span("P4Y")).isEqualTo(new Span(Period.ofYears(4), Duration.ZERO));
        assertThat(span("P2M")).isEqualTo(new Span(Period.ofMonths(2), Duration.ZERO));
        assertThat(span("P4Y").isExact()).isFalse();
        assertThat(span("P2M").isExact()).isFalse();
    }

    @Test
    void daysAndTimesAreExact() {
        assertThat(span("P7D")).isEqualTo(new Span(Period.ZERO, Duration.ofDays(7)));
        assertThat(span("PT6H")).isEqualTo(new Span(Period.ZERO, Duration.ofHours(6)));
        assertThat(span("P1DT2H")).isEqualTo(new Span(Period.ZERO, Duration.ofHours(26)));
        assertThat(span("P1DT2H").exact()).isEqualTo(Duration.ofHours(26));
        assertThat(span("P2W").exact()).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void mixedSpansKeepBothParts() {
        Span mixed = span("P1Y2M3DT4H");
        assertThat(mixed.period()).isEqualTo(Period.of(1, 2, 0));
        assertThat(mixed.duration()).isEqualTo(Duration.ofDays(3).plusHours(4));
    }

    @Test
    void acceptsLowerCaseAndSurroundingBlanks() {
        assertThat(span(" p5d ")).isEqualTo(Span.ofDays(5));
        assertThat(span("pt30m")).isEqualTo(Span.of(Duration.ofMinutes(30)));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "P", "PT", "7D", "T5H", "bogus", "P1.5D", "P1H", "PT1D", "P1DT", "5"})
    void badTextIsEmpty(String text) {
        assertThat(Span.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-P1D", "PT-6H", "P-2M", "-PT1H"})
    void negativeTextIsEmptyRatherThanAnException(String text) {
        assertThat(Span.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "P4Y, P4Y",
        "P2M, P2M",
        "P7D, P7D",
        "PT6H, PT6H",
        "P1DT2H, P1DT2H",
        "PT36H, P1DT12H",
        "P1Y2M3DT4H, P1Y2M3DT4H",
        "P1YT12H, P1YT12H",
        "PT90M, PT1H30M",
        "P0D, PT0S"
    })
    void printsTheWayPeopleWriteIt(String text, String printed) {
        assertThat(span(text)).hasToString(printed);
        assertThat(span(printed)).isEqualTo(span(text));
    }

    @Test
    void calendarPartsAreScaledBeforeTheyAreApplied() {
        Span month = span("P1M");
        assertThat(month.times(at("2025-01-31"), 1)).isEqualTo(at("2025-02-28"));
        // Two months from the 31st, not one month from the 28th.
        assertThat(month.times(at("2025-01-31"), 2)).isEqualTo(at("2025-03-31"));
        assertThat(span("P2M").times(at("2026-09-01"), 3)).isEqualTo(at("2027-03-01"));
        assertThat(span("P1Y").times(at("2024-02-29"), 1)).isEqualTo(at("2025-02-28"));
        assertThat(span("P1Y").times(at("2024-02-29"), 4)).isEqualTo(at("2028-02-29"));
        assertThat(span("P1MT12H").times(at("2025-01-31"), 2)).isEqualTo(at("2025-04-01"));
        assertThat(month.times(at("2025-01-31"), 0)).isEqualTo(at("2025-01-31"));
    }

    @Test
    void exactPartsMultiply() {
        assertThat(span("P7D").times(at("2025-01-01"), 3)).isEqualTo(at("2025-01-22"));
        assertThat(span("PT6H").addTo(at("2025-01-01"))).isEqualTo(at("2025-01-01T06:00:00Z"));
        assertThat(span("P3D").addTo(at("2025-03-01"))).isEqualTo(at("2025-03-04"));
    }

    @Test
    void exactLengthOnlyWithoutMonths() {
        assertThatThrownBy(() -> span("P2M").exact())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("P2M");
    }

    @Test
    void zeroAndNegative() {
        assertThat(span("PT0S").isZero()).isTrue();
        assertThat(span("P0Y").isZero()).isTrue();
        assertThat(span("PT1S").isZero()).isFalse();
        assertThatThrownBy(() -> new Span(Period.ofMonths(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Span.of(Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @SuppressWarnings("CanonicalDuration") // 120 hours, not 5 days, is what the test hands over
    void durationsPrintDaysRatherThanHours() {
        assertThat(Durations.iso(Duration.ofDays(5))).isEqualTo("P5D");
        assertThat(Durations.iso(Duration.ofHours(120))).isEqualTo("P5D");
        assertThat(Durations.iso(Duration.ofHours(6))).isEqualTo("PT6H");
        assertThat(Durations.iso(Duration.ofMinutes(24 * 60 + 1))).isEqualTo("P1DT1M");
        assertThat(Durations.iso(Duration.ZERO)).isEqualTo("PT0S");
    }
}
