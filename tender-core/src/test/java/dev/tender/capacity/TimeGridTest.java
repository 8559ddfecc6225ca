package dev.tender.capacity;

import static dev.tender.fixtures.TestWorld.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeGridTest {

    private final TimeGrid days = new TimeGrid(at("2025-01-01"), Duration.ofDays(1), 365);

    @Test
    void floorIsTheBucketHoldingTheInstant() {
        assertThat(days.floor(at("2025-01-01"))).isZero();
        assertThat(days.floor(at("2025-01-01T23:59:59Z"))).isZero();
        assertThat(days.floor(at("2025-01-02"))).isEqualTo(1);
        assertThat(days.floor(at("2025-01-10T12:00:00Z"))).isEqualTo(9);
        assertThat(days.floor(at("2024-12-31T23:59:59Z"))).isEqualTo(-1);
        assertThat(days.floor(at("2024-12-30T12:00:00Z"))).isEqualTo(-2);
        assertThat(days.floor(at("2027-01-01"))).isEqualTo(730);
    }

    @Test
    void ceilIsTheFirstBucketStartingAtOrAfterTheInstant() {
        assertThat(days.ceil(at("2025-01-01"))).isZero();
        assertThat(days.ceil(at("2025-01-01T00:00:01Z"))).isEqualTo(1);
        assertThat(days.ceil(at("2025-01-01").plusNanos(1))).isEqualTo(1);
        assertThat(days.ceil(at("2025-01-10T12:00:00Z"))).isEqualTo(10);
        assertThat(days.ceil(at("2025-01-10"))).isEqualTo(9);
        assertThat(days.ceil(at("2024-12-31T23:59:59Z"))).isZero();
        assertThat(days.ceil(at("2024-12-30T12:00:00Z"))).isEqualTo(-1);
    }

    @Test
    void bucketsStartAtWholeMultiplesOfTheBucket() {
        assertThat(days.startOf(0)).isEqualTo(at("2025-01-01"));
        assertThat(days.startOf(9)).isEqualTo(at("2025-01-10"));
        assertThat(days.end()).isEqualTo(at("2026-01-01"));
        TimeGrid hours = new TimeGrid(at("2025-01-01"), Duration.ofHours(6), 8);
        assertThat(hours.startOf(5)).isEqualTo(at("2025-01-02T06:00:00Z"));
        assertThat(hours.floor(at("2025-01-02T05:59:59Z"))).isEqualTo(4);
        assertThat(hours.ceil(at("2025-01-02T05:59:59Z"))).isEqualTo(5);
        assertThat(hours.end()).isEqualTo(at("2025-01-03"));
    }

    @Test
    void coveringReachesTheEnd() {
        Instant origin = at("2025-01-01");
        assertThat(TimeGrid.covering(origin, origin.plus(Duration.ofHours(36)), Duration.ofDays(1))
                        .buckets())
                .isEqualTo(2);
        assertThat(TimeGrid.covering(origin, at("2025-01-11"), Duration.ofDays(1))
                        .buckets())
                .isEqualTo(10);
        assertThat(TimeGrid.covering(origin, origin, Duration.ofDays(1)).buckets())
                .isEqualTo(1);
        TimeGrid grid = TimeGrid.covering(origin, at("2029-01-01"), Duration.ofDays(1));
        assertThat(grid.buckets()).isEqualTo(1461);
        assertThat(grid.end()).isEqualTo(at("2029-01-01"));
        assertThatThrownBy(() -> TimeGrid.covering(origin, at("2029-01-01"), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too many buckets");
    }

    @Test
    void refusesEmptyGridsAndBucketsBelowOneSecond() {
        Instant origin = at("2025-01-01");
        assertThatThrownBy(() -> new TimeGrid(origin, Duration.ZERO, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeGrid(origin, Duration.ofMillis(500), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeGrid(origin, Duration.ofDays(-1), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeGrid(origin, Duration.ofDays(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
