package dev.tender.report;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The UTC calendar months from a run's start to its end, and how awards spread over them. */
final class Months {

    private final Instant[] boundaries;
    /** The boundaries in epoch seconds, for {@link #indexOf}. */
    private final long[] seconds;
    /** The month {@link #indexOf} found last: events come in time order, so mostly the next asks for it again. */
    private int lastFound;

    private final List<String> labels = new ArrayList<>();

    Months(Instant start, Instant end) {
        List<Instant> starts = new ArrayList<>();
        YearMonth month = YearMonth.from(start.atOffset(ZoneOffset.UTC));
        Instant monthStart = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        while (monthStart.isBefore(end)) {
            starts.add(monthStart);
            labels.add(month.toString());
            month = month.plusMonths(1);
            monthStart = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        starts.add(monthStart);
        this.boundaries = starts.toArray(Instant[]::new);
        this.seconds = starts.stream().mapToLong(Instant::getEpochSecond).toArray();
    }

    int count() {
        return labels.size();
    }

    List<String> labels() {
        return labels;
    }

    Instant startOf(int month) {
        return boundaries[month];
    }

    double hoursIn(int month) {
        return Duration.between(boundaries[month], boundaries[month + 1]).toSeconds() / 3600.0;
    }

    /** The month holding {@code instant}, or -1 outside the run. */
    int indexOf(Instant instant) {
        // Boundaries are whole seconds, so the seconds of the instant decide.
        long second = instant.getEpochSecond();
        if (lastFound < count() && seconds[lastFound] <= second && second < seconds[lastFound + 1]) {
            return lastFound;
        }
        int found = Arrays.binarySearch(seconds, second);
        int month = found >= 0 ? found : -found - 2;
        if (month < 0 || month >= count()) {
            return -1;
        }
        lastFound = month;
        return month;
    }

    /** Adds the unit-hours of {@code units} over {@code [from, to)} to the months they fall in. */
    void spread(Instant from, Instant to, long units, double[] unitHours) {
        int month = from.isBefore(boundaries[0]) ? 0 : indexOf(from);
        if (month < 0) {
            return;
        }
        for (; month < count() && boundaries[month].isBefore(to); month++) {
            Instant overlapFrom = from.isAfter(boundaries[month]) ? from : boundaries[month];
            Instant overlapTo = to.isBefore(boundaries[month + 1]) ? to : boundaries[month + 1];
            if (overlapTo.isAfter(overlapFrom)) {
                unitHours[month] +=
                        units * (Duration.between(overlapFrom, overlapTo).toSeconds() / 3600.0);
            }
        }
    }
}
