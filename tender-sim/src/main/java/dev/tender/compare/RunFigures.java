package dev.tender.compare;

import dev.tender.report.Summary;
import java.util.LinkedHashMap;
import java.util.Map;

/** The figures of one run, read from its summary, in the order a comparison lists them. */
final class RunFigures {

    private RunFigures() {}

    static Map<Figure, Double> of(Summary summary) {
        Map<Figure, Double> figures = new LinkedHashMap<>();
        figures.put(new Figure("cost", Figure.DOLLARS), summary.cost().doubleValue());
        figures.put(
                new Figure("costPerUnitHour", "USD per unit-hour"),
                summary.unitHoursAwarded() == 0 ? 0 : summary.cost().doubleValue() / summary.unitHoursAwarded());
        figures.put(new Figure("unitsAwarded", Figure.UNITS), (double) summary.unitsAwarded());
        long unmet = summary.unmetUnitsByCause().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        figures.put(new Figure("unmetUnits", Figure.UNITS), (double) unmet);
        figures.put(
                new Figure("timeToCapacity.mean", "hours"),
                summary.timeToCapacity().meanHours());
        figures.put(
                new Figure("timeToCapacity.p90", "hours"),
                summary.timeToCapacity().p90Hours());
        for (String cause : summary.unmetCausePrecedence()) {
            figures.put(
                    new Figure("unmet." + cause, Figure.UNITS),
                    summary.unmetUnitsByCause().getOrDefault(cause, 0L).doubleValue());
        }
        for (Summary.ProviderShare provider : summary.providers()) {
            figures.put(new Figure("units." + provider.provider(), Figure.UNITS), (double) provider.units());
            figures.put(new Figure("share." + provider.provider(), "fraction of units"), provider.share());
            figures.put(
                    new Figure("cost." + provider.provider(), Figure.DOLLARS),
                    provider.cost().doubleValue());
        }
        for (Summary.RightOutcome right : summary.rofr()) {
            String prefix = "rofr." + right.agreement() + ".";
            figures.put(new Figure(prefix + "offers", "offers"), (double) right.offers());
            figures.put(new Figure(prefix + "accepted", "offers"), (double) right.accepted());
            figures.put(new Figure(prefix + "partial", "offers"), (double) right.partial());
            figures.put(new Figure(prefix + "declined", "offers"), (double) right.declined());
            figures.put(new Figure(prefix + "lapsed", "offers"), (double) right.lapsed());
            figures.put(new Figure(prefix + "unitsAwarded", Figure.UNITS), (double) right.unitsAwarded());
        }
        for (Summary.CommitmentBurn commitment : summary.commitments()) {
            figures.put(
                    new Figure("shortfall." + commitment.agreement(), Figure.DOLLARS),
                    commitment.shortfall().doubleValue());
        }
        return figures;
    }
}
