package dev.tender.summary;

import dev.tender.report.Timeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dates a clause starts or ends, as markers for the charts over time: one per date, naming
 * the clauses that end there, then those that start, in the scenario's order. The chart keeps
 * those that fall inside the run.
 */
final class ClauseDates {

    /** A label longer than this says how many clauses change; its tooltip names them. */
    private static final int LONGEST_LABEL = 72;

    private ClauseDates() {}

    static List<TimeChart.Marker> of(List<Timeline.AgreementPeriod> agreements) {
        Map<Instant, List<String>> ends = new TreeMap<>();
        Map<Instant, List<String>> starts = new TreeMap<>();
        for (Timeline.AgreementPeriod clause : agreements) {
            starts.computeIfAbsent(clause.from(), d -> new ArrayList<>()).add(clause.agreement());
            if (clause.until() != null) {
                ends.computeIfAbsent(clause.until(), d -> new ArrayList<>()).add(clause.agreement());
            }
        }
        TreeMap<Instant, String> changes = new TreeMap<>();
        ends.forEach((date, ids) -> changes.put(date, String.join(", ", ids) + (ids.size() == 1 ? " ends" : " end")));
        starts.forEach((date, ids) -> changes.merge(
                date, String.join(", ", ids) + (ids.size() == 1 ? " starts" : " start"), (a, b) -> a + "; " + b));
        List<TimeChart.Marker> markers = new ArrayList<>();
        changes.forEach((date, change) -> {
            String detail = Figures.date(date) + ": " + change;
            int clauses = (int) agreements.stream()
                    .filter(c -> c.from().equals(date) || date.equals(c.until()))
                    .count();
            String label = detail.length() <= LONGEST_LABEL
                    ? detail
                    : Figures.date(date) + ": " + clauses + " clauses start or end";
            markers.add(new TimeChart.Marker(date, label, detail));
        });
        return markers;
    }
}
