package dev.tender.cli;

import dev.tender.agreement.Agreement;
import dev.tender.agreement.AgreementBook;
import dev.tender.agreement.AgreementId;
import dev.tender.money.Money;
import dev.tender.planning.Planner;
import dev.tender.text.Figures;
import dev.tender.world.Scenario;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Finds the best plan in hindsight for a scenario's demand, beside what the online engine decided, and how far any plan could be from it.",
            "",
            "The demand is the very requests `simulate` draws with the same seed. The plan says how many units each eligible provider's pool serves of each request and when, honouring every exclusive, the start windows, maxPrice, whole units and the capacity of every pool; a right of first refusal puts its holder first, before any price; a commitment not met costs its shortfall; an unmet unit-hour costs --unmet-penalty. A greedy plan and the engine's own decisions come first; the LP relaxation (GLOP) gives the lower bound no plan can beat, and its solution rounded the next plan; CP-SAT improves on the best of them until --time-limit, or until a plan is within 0.01%% of the bound. docs/adr/0015 says how each rule is modelled.",
            "",
            "Candidate starts lie on a grid of --step (the request's own start too), and capacity is counted per pool and step-long period, on the safe side: a job holds every period it touches. With --step equal to the scenario's bucket the model counts capacity exactly as the engine does, and the engine's decisions are a plan of the model, so the plan is never worse than them; a coarser step makes the model smaller and faster but more cautious.",
            "",
            "Writes to the output folder plan.json (the solve, the plan's and the engine's figures, every assignment and unmet request) and report.html (the plan beside the engine's run, then the run's own report). With --clause-costs it also plans once without each exclusive and right of first refusal and tells what each clause adds to the best plan's cost, beside what it adds online.",
        },
        descriptionHeading = "%n",
        parameterListHeading = "%nParameters:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tender plan scenarios/seed-story.yaml --clause-costs",
            "  tender plan bench/plan-world.yaml --step P60D --without b200-match",
        })
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario (YAML).")
    Path file;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "out/plan",
            description =
                    "The folder plan.json and report.html are written to; created when missing. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(
            names = "--seed",
            paramLabel = "S",
            description = "The seed that draws the demand. Default: the scenario's own.")
    Long seed;

    @Option(
            names = "--time-limit",
            paramLabel = "TIME",
            defaultValue = "60s",
            converter = DurationText.class,
            description =
                    "How long each plan may take to solve (60s, 5m, PT2M); the best plan found by then is kept. Default: ${DEFAULT-VALUE}.")
    Duration timeLimit;

    @Option(
            names = "--step",
            paramLabel = "STEP",
            converter = DurationText.class,
            description =
                    "The spacing of candidate starts and the length of a capacity period, a whole number of the scenario's buckets (1d, P7D). Default: the bucket, or the finest multiple of it that keeps the model small enough for GLOP to solve in about 20 s on two cores.")
    Duration step;

    @Option(
            names = "--unmet-penalty",
            paramLabel = "USD",
            converter = DollarsText.class,
            description =
                    "What an unmet unit-hour costs the plan, in USD; above twice the highest list price and a cent. Default: ten times the highest list price.")
    BigDecimal unmetPenalty;

    @Option(
            names = "--without",
            paramLabel = "CLAUSE_ID",
            description = "Plan as if this agreement had not been signed (repeat for several).")
    List<String> without = new ArrayList<>();

    @Option(
            names = "--clause-costs",
            description =
                    "Also plan once without each exclusive and right of first refusal, and tell what each adds to the best plan's cost and to the engine's.")
    boolean clauseCosts;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        var loaded = ScenarioSource.load(file, err);
        if (loaded.isEmpty()) {
            return Main.BAD_INPUT;
        }
        Scenario scenario = loaded.get().scenario();
        scenario = seed == null ? scenario : scenario.withSeed(seed);
        List<String> known = scenario.world().agreements().all().stream()
                .map(a -> a.id().value())
                .sorted()
                .toList();
        List<String> unknown =
                without.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            err.println("tender plan: --without " + String.join(", ", unknown) + ": no such agreement in " + file
                    + (known.isEmpty() ? ", which has none" : "; it has: " + String.join(", ", known)));
            return Main.BAD_INPUT;
        }
        Money penalty = null;
        if (unmetPenalty != null) {
            if (unmetPenalty.signum() <= 0 || unmetPenalty.scale() > 6) {
                err.println(
                        "tender plan: --unmet-penalty must be a positive amount of USD with at most six decimals, not "
                                + unmetPenalty.toPlainString());
                return Main.BAD_INPUT;
            }
            penalty = Money.ofDollars(unmetPenalty);
            Money least = Planner.leastUnmetPenalty(scenario.world());
            if (!penalty.exceeds(least)) {
                err.println("tender plan: --unmet-penalty " + unmetPenalty.toPlainString() + " must be above "
                        + Figures.dollars(least) + " (twice the highest list price and a cent), or leaving demand"
                        + " unmet could look cheaper than serving it");
                return Main.BAD_INPUT;
            }
        }
        for (String id : without) {
            scenario = without(scenario, new AgreementId(id));
        }
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        Planner.Options options = new Planner.Options(step, penalty, timeLimit, workers);
        return new PlanRun(scenario, options, clauseCosts, out)
                .execute(
                        spec.commandLine().getOut(),
                        err,
                        loaded.get().scenario().description());
    }

    /** The scenario as if the clause had never been signed. */
    static Scenario without(Scenario scenario, AgreementId id) {
        List<Agreement> kept = scenario.world().agreements().all().stream()
                .filter(a -> !a.id().equals(id))
                .toList();
        return scenario.withWorld(scenario.world().withAgreements(new AgreementBook(kept)));
    }
}
