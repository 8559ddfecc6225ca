package dev.tender.cli;

import dev.tender.agreement.Agreement;
import dev.tender.agreement.Exclusive;
import dev.tender.agreement.RightOfFirstRefusal;
import dev.tender.money.Money;
import dev.tender.plan.Plan;
import dev.tender.planning.Planner;
import dev.tender.report.Summary;
import dev.tender.summary.PlanReport;
import dev.tender.text.Figures;
import dev.tender.world.Scenario;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One {@code tender plan}: the plan (and with clause costs, one plan without each exclusive and
 * right), its files published only once all are complete, and its tables on stdout.
 */
final class PlanRun {

    static final String JSON = "plan.json";

    private final Scenario scenario;
    private final Planner.Options options;
    private final boolean clauseCosts;
    private final Path out;

    PlanRun(Scenario scenario, Planner.Options options, boolean clauseCosts, Path out) {
        this.scenario = scenario;
        this.options = options;
        this.clauseCosts = clauseCosts;
        this.out = out;
    }

    /** A plan and the engine's run beside it. */
    private record Planned(Plan plan, Summary online) {}

    int execute(PrintWriter stdout, PrintWriter stderr, String description) throws Exception {
        if (!GuardedOutput.createFolder(out, stderr)) {
            return Main.BAD_INPUT;
        }
        List<Agreement> clauses = clauseCosts ? priced(scenario) : List.of();
        PlanProgressLine progress = new PlanProgressLine("planning", System.err, ProgressDisplay.onATerminal());
        Done done = GuardedOutput.run(out, List.of(JSON, ScenarioRun.REPORT), progress, stderr, written -> {
            Planner.Outcome outcome = Planner.plan(scenario, options, progress);
            if (outcome instanceof Planner.Outcome.Refused no) {
                return Done.refused(no.problem());
            }
            Planned planned = planned(outcome);
            List<ClauseCost> costs = new ArrayList<>();
            for (int c = 0; c < clauses.size(); c++) {
                Agreement clause = clauses.get(c);
                String left = (c + 1) + " of " + clauses.size();
                Planner.Progress told = (phase, best, bound) ->
                        progress.at("without " + clause.id() + " (" + left + "): " + phase, best, bound);
                Planner.Outcome without = Planner.plan(PlanCommand.without(scenario, clause.id()), options, told);
                if (without instanceof Planner.Outcome.Refused no) {
                    return Done.refused("without " + clause.id() + ": " + no.problem());
                }
                costs.add(cost(clause, planned.plan(), planned(without).plan()));
            }
            // Only now: a refused plan leaves an earlier run's files as they were.
            written.removeEarlierRun();
            written.write(JSON, f -> PlanJson.write(scenario.name(), scenario.seed(), planned.plan(), costs, f));
            written.write(ScenarioRun.REPORT, f -> PlanReport.write(planned.plan(), planned.online(), description, f));
            written.publish();
            return new Done(Optional.empty(), Optional.of(planned.plan()), costs);
        });
        if (done.refused().isPresent() || done.plan().isEmpty()) {
            stderr.println("tender plan: " + done.refused().orElse("no plan"));
            return Main.BAD_INPUT;
        }
        Plan plan = done.plan().get();
        print(stdout, plan, description);
        if (clauseCosts) {
            printCosts(stdout, done.costs(), plan.unmetPenalty());
        }
        stdout.printf(
                Locale.ROOT,
                "Files: %s (the plan), %s (the plan beside the online run, with charts).%n",
                out.resolve(JSON),
                out.resolve(ScenarioRun.REPORT));
        stdout.flush();
        return 0;
    }

    /** What a run came to: why there is no plan, or the plan and the clause costs. */
    private record Done(Optional<String> refused, Optional<Plan> plan, List<ClauseCost> costs) {
        static Done refused(String problem) {
            return new Done(Optional.of(problem), Optional.empty(), List.of());
        }
    }

    private static Planned planned(Planner.Outcome outcome) {
        Planner.Outcome.Planned done = (Planner.Outcome.Planned) outcome;
        return new Planned(done.plan(), done.online());
    }

    /** The clauses whose cost is asked: every exclusive and right of first refusal, in the file's order. */
    private static List<Agreement> priced(Scenario scenario) {
        return scenario.world().agreements().all().stream()
                .filter(a -> a instanceof Exclusive || a instanceof RightOfFirstRefusal)
                .toList();
    }

    /** The clause's cost: the plan and the engine's run with it, less without it, unmet at the same penalty. */
    private static ClauseCost cost(Agreement clause, Plan with, Plan without) {
        Money penalty = with.unmetPenalty();
        return new ClauseCost(
                clause.id().value(),
                clause instanceof Exclusive ? "exclusive" : "rofr",
                with.planned().total(penalty).minus(without.planned().total(penalty)),
                with.online().total(penalty).minus(without.online().total(penalty)),
                with.planned().unmetUnitHours() - without.planned().unmetUnitHours(),
                with.online().unmetUnitHours() - without.online().unmetUnitHours());
    }

    private static void print(PrintWriter out, Plan plan, String description) {
        Plan.Solve solve = plan.solve();
        Money penalty = plan.unmetPenalty();
        out.println("The best plan in hindsight" + (description.isBlank() ? "" : ": " + description.strip()));
        out.printf(
                Locale.ROOT,
                "candidate starts every %s; %,d variables, %,d constraints; an unmet unit-hour costs %s USD%n%n",
                solve.startStep(),
                solve.variables(),
                solve.constraints(),
                Figures.dollars(penalty));
        out.printf(Locale.ROOT, "  %-34s %22s %22s %22s%n", "", "plan", "online engine", "plan - online");
        row(out, "cost (USD)", plan.planned().cost(), plan.online().cost());
        row(
                out,
                "commitment shortfall (USD)",
                plan.planned().shortfall(),
                plan.online().shortfall());
        out.printf(
                Locale.ROOT,
                "  %-34s %22s %22s %22s%n",
                "unmet unit-hours",
                Figures.whole(plan.planned().unmetUnitHours()),
                Figures.whole(plan.online().unmetUnitHours()),
                signed(plan.planned().unmetUnitHours() - plan.online().unmetUnitHours()));
        row(
                out,
                "total, unmet at the penalty (USD)",
                plan.planned().total(penalty),
                plan.online().total(penalty));
        row(out, "objective, with first-look priority", plan.objective(), plan.onlineObjective());
        out.println();
        out.printf(
                Locale.ROOT,
                "Solve: objective %s USD, lower bound %s, gap %s, %.1f s; found by %s (CP-SAT: %s)%n%n",
                Figures.dollars(plan.objective()),
                solve.lowerBound() == null ? "none proved in time" : Figures.dollars(solve.lowerBound()) + " USD",
                solve.gap() == null ? "unknown" : String.format(Locale.ROOT, "%.4f%%", solve.gap() * 100),
                solve.solveSeconds(),
                solve.foundBy(),
                solve.status().toLowerCase(Locale.ROOT));
        if (plan.objective().exceeds(plan.onlineObjective())) {
            out.println(
                    "The engine did better than this plan: the plan's model counts capacity per " + solve.startStep()
                            + " period, and a job holds every period it touches, where the engine counts by the bucket."
                            + " A finer --step makes the model closer to the engine's (and slower to solve).");
            out.println();
        }
        out.println("Plan by provider");
        out.printf(Locale.ROOT, "  %-12s %14s %18s %22s%n", "provider", "units", "unit-hours", "cost (USD)");
        plan.byProvider()
                .values()
                .forEach(total -> out.printf(
                        Locale.ROOT,
                        "  %-12s %14s %18s %22s%n",
                        total.provider(),
                        Figures.whole(total.units()),
                        Figures.whole(total.unitHours()),
                        Figures.dollars(total.cost())));
        out.printf(
                Locale.ROOT,
                "  unmet: %,d units of %,d requests%n%n",
                plan.unmetUnits(),
                plan.unmet().size());
        if (!plan.commitments().isEmpty()) {
            out.println("Commitments in the plan");
            out.printf(
                    Locale.ROOT,
                    "  %-20s %-12s %22s %22s %22s%n",
                    "agreement",
                    "provider",
                    "amount",
                    "spent",
                    "shortfall");
            for (Plan.CommitmentOutcome c : plan.commitments()) {
                out.printf(
                        Locale.ROOT,
                        "  %-20s %-12s %22s %22s %22s%n",
                        c.agreement(),
                        c.provider(),
                        Figures.dollars(c.amount()),
                        Figures.dollars(c.spent()),
                        Figures.dollars(c.shortfall()));
            }
            out.println();
        }
    }

    private static void printCosts(PrintWriter out, List<ClauseCost> costs, Money penalty) {
        out.println(
                "What each clause adds to the cost (total USD, each unmet unit-hour at " + Figures.dollars(penalty)
                        + "): the best plan with it less the best plan without it, beside the engine's run with it less without it");
        if (costs.isEmpty()) {
            out.println("  no exclusive and no right of first refusal to price");
        } else {
            out.printf(
                    Locale.ROOT,
                    "  %-20s %-10s %22s %22s %20s %20s%n",
                    "clause",
                    "kind",
                    "with hindsight",
                    "online",
                    "unmet u-h (plan)",
                    "unmet u-h (online)");
        }
        for (ClauseCost cost : costs) {
            out.printf(
                    Locale.ROOT,
                    "  %-20s %-10s %22s %22s %20s %20s%n",
                    cost.clause(),
                    cost.kind(),
                    signed(cost.withHindsight()),
                    signed(cost.online()),
                    signed(cost.unmetWithHindsight()),
                    signed(cost.unmetOnline()));
        }
        out.println();
    }

    private static void row(PrintWriter out, String label, Money plan, Money online) {
        out.printf(
                Locale.ROOT,
                "  %-34s %22s %22s %22s%n",
                label,
                Figures.dollars(plan),
                Figures.dollars(online),
                signed(plan.minus(online)));
    }

    private static String signed(Money amount) {
        return (amount.micros() > 0 ? "+" : "") + Figures.dollars(amount);
    }

    private static String signed(long value) {
        return (value > 0 ? "+" : "") + Figures.whole(value);
    }
}
