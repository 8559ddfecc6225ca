package dev.tender.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MonthsTest {

    private final Months months =
            new Months(Instant.parse("2025-01-15T00:00:00Z"), Instant.parse("2025-04-01T00:00:00Z"));

    @Test
    void aRunFromMidJanuaryToAprilHasThreeMonths() {
        assertThat(months.labels()).containsExactly("2025-01", "2025-02", "2025-03");
    }

    @Test
    void anInstantFallsInTheMonthThatHoldsIt() {
        assertThat(months.indexOf(Instant.parse("2025-01-20T10:00:00Z"))).isZero();
        assertThat(months.indexOf(Instant.parse("2025-02-01T00:00:00Z"))).isEqualTo(1);
        assertThat(months.indexOf(Instant.parse("2025-02-28T23:59:59.999Z"))).isEqualTo(1);
        assertThat(months.indexOf(Instant.parse("2025-03-01T00:00:00Z"))).isEqualTo(2);
    }

    @Test
    void instantsAskedOutOfOrderEachGetTheirOwnMonth() {
        assertThat(months.indexOf(Instant.parse("2025-03-10T00:00:00Z"))).isEqualTo(2);
        assertThat(months.indexOf(Instant.parse("2025-01-31T23:59:59Z"))).isZero();
        assertThat(months.indexOf(Instant.parse("2025-03-31T23:59:59Z"))).isEqualTo(2);
        assertThat(months.indexOf(Instant.parse("2025-02-14T00:00:00Z"))).isEqualTo(1);
    }

    @Test
    void instantsOutsideTheMonthsOfTheRunAreInNone() {
        assertThat(months.indexOf(Instant.parse("2024-12-31T23:59:59Z"))).isEqualTo(-1);
        assertThat(months.indexOf(Instant.parse("2025-04-01T00:00:00Z"))).isEqualTo(-1);
        assertThat(months.indexOf(Instant.parse("2025-03-20T00:00:00Z"))).isEqualTo(2);
        assertThat(months.indexOf(Instant.parse("2026-01-01T00:00:00Z"))).isEqualTo(-1);
    }
}
