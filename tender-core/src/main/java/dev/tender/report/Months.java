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

    private static final long SECONDS_PER_DAY = 86_400;

    private final Instant[] boundaries;
    /**
     * The month of each day of the run, by days since the first month began: the summary asks for
     * the month of nearly every event, so {@link #indexOf} is a look-up, not a search.
     */
    private final int[] monthOfDay;

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
        int days =
                (int) Duration.between(boundaries[0], boundaries[labels.size()]).toDays();
        this.monthOfDay = new int[days];
        for (int m = 0; m < labels.size(); m++) {
            Arrays.fill(monthOfDay, (int) dayOf(boundaries[m]), (int) dayOf(boundaries[m + 1]), m);
        }
    }

    /** Days since the first month began; months begin at midnight, so the day decides the month. */
    private long dayOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond() - boundaries[0].getEpochSecond(), SECONDS_PER_DAY);
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
        long day = dayOf(instant);
        return day >= 0 && day < monthOfDay.length ? monthOfDay[(int) day] : -1;
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
