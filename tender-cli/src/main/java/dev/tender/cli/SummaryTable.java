package dev.tender.cli;

import dev.tender.report.Summary;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Map;

/** The summary as tables a person reads on a terminal. */
final class SummaryTable {

    private final Summary summary;
    private final String description;

    SummaryTable(Summary summary, String description) {
        this.summary = summary;
        this.description = description;
    }

    void print(PrintWriter out) {
        header(out);
        providers(out);
        routes(out);
        rights(out);
        offers(out);
        exclusives(out);
        unmet(out);
        commitments(out);
        out.flush();
    }

    private void header(PrintWriter out) {
        Summary.Requests r = summary.requests();
        out.println("Tender: " + summary.scenario() + (description.isBlank() ? "" : ": " + description.strip()));
        out.printf("%s to %s, seed %d%n", summary.start(), summary.end(), summary.seed());
        out.printf(
                "%,d requests: %,d fulfilled, %,d partial, %,d unfulfilled, %,d rejected, %,d cancelled%n",
                r.submitted(), r.fulfilled(), r.partial(), r.unfulfilled(), r.rejected(), r.cancelled());
        out.printf(
                "%,d units requested, %,d awarded (%s), %s USD%n",
                summary.unitsRequested(),
                summary.unitsAwarded(),
                percent(summary.unitsAwarded(), summary.unitsRequested()),
                dollars(summary.cost()));
    }

    private void providers(PrintWriter out) {
        out.printf(
                "%nProviders%n  %-14s %14s %18s %22s %7s%n", "provider", "units", "unit-hours", "cost (USD)", "share");
        for (Summary.ProviderShare p : summary.providers()) {
            out.printf(
                    "  %-14s %,14d %,18d %22s %6.1f%%%n",
                    p.provider(), p.units(), p.unitHours(), dollars(p.cost()), p.share() * 100);
        }
    }

    private void routes(PrintWriter out) {
        out.printf("%nRoutes%n");
        for (Map.Entry<String, Long> route : summary.routes().entrySet()) {
            out.printf("  %-16s %,10d requests%n", route.getKey(), route.getValue());
        }
    }

    private void rights(PrintWriter out) {
        if (summary.rofr().isEmpty()) {
            return;
        }
        out.printf(
                "%nRights of first refusal%n  %-18s %-10s %-10s %8s %9s %8s %9s %7s %14s%n",
                "agreement", "holder", "mode", "offers", "accepted", "partial", "declined", "lapsed", "units taken");
        for (Summary.RightOutcome r : summary.rofr()) {
            out.printf(
                    "  %-18s %-10s %-10s %,8d %,9d %,8d %,9d %,7d %,14d%n",
                    r.agreement(),
                    r.holder(),
                    r.mode(),
                    r.offers(),
                    r.accepted(),
                    r.partial(),
                    r.declined(),
                    r.lapsed(),
                    r.unitsAwarded());
        }
    }

    /** One row per provider and kind of offer that had offers, on every route. */
    private void offers(PrintWriter out) {
        if (summary.offers().isEmpty()) {
            return;
        }
        out.printf(
                "%nOffers by provider and kind%n  %-10s %-9s %8s %9s %8s %9s %7s %14s %14s%n",
                "provider",
                "kind",
                "offers",
                "accepted",
                "partial",
                "declined",
                "lapsed",
                "units offered",
                "units awarded");
        for (Summary.OfferOutcome o : summary.offers()) {
            Summary.Answers a = o.answers();
            out.printf(
                    "  %-10s %-9s %,8d %,9d %,8d %,9d %,7d %,14d %,14d%n",
                    o.provider(),
                    o.kind(),
                    o.offers(),
                    a.accepted(),
                    a.partial(),
                    a.declined(),
                    a.lapsed(),
                    o.unitsOffered(),
                    o.unitsAwarded());
        }
    }

    private void exclusives(PrintWriter out) {
        if (summary.exclusivity().isEmpty()) {
            return;
        }
        out.printf(
                "%nExclusivity%n  %-18s %-10s %9s %16s %14s %14s%n",
                "agreement", "provider", "requests", "units requested", "awarded", "unmet");
        for (Summary.ExclusiveOutcome e : summary.exclusivity()) {
            out.printf(
                    "  %-18s %-10s %,9d %,16d %,14d %,14d%n",
                    e.agreement(), e.provider(), e.requests(), e.unitsRequested(), e.unitsAwarded(), e.unmetUnits());
        }
    }

    private void unmet(PrintWriter out) {
        out.printf("%nUnmet demand%n");
        if (summary.unmetUnitsByCause().isEmpty()) {
            out.println("  none: every unit requested was awarded");
            return;
        }
        out.println("  each short request is filed under the first cause that applies, in this order:");
        out.println("  " + String.join(", ", summary.unmetCausePrecedence()));
        for (String cause : summary.unmetCausePrecedence()) {
            Long units = summary.unmetUnitsByCause().get(cause);
            if (units != null) {
                out.printf("  %-16s %,14d units%n", cause, units);
            }
        }
    }

    private void commitments(PrintWriter out) {
        if (summary.commitments().isEmpty()) {
            return;
        }
        out.printf(
                "%nCommitments%n  %-18s %-10s %22s %22s %7s %22s  %s%n",
                "agreement", "provider", "amount (USD)", "spent", "burned", "shortfall at until", "met on");
        for (Summary.CommitmentBurn c : summary.commitments()) {
            out.printf(
                    "  %-18s %-10s %22s %22s %6.1f%% %22s  %s%n",
                    c.agreement(),
                    c.provider(),
                    dollars(c.amount()),
                    dollars(c.spent()),
                    c.burned() * 100,
                    dollars(c.shortfall()),
                    c.metAt() == null ? "not met" : c.metAt().toString().substring(0, 10));
        }
    }

    private static String dollars(BigDecimal amount) {
        return String.format("%,.0f", amount);
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "-" : String.format("%.1f%%", 100.0 * part / whole);
    }
}
