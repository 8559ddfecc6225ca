package dev.tender.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tender.money.Money;
import dev.tender.plan.Plan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code plan.json}: the solve (objective, lower bound, gap, seconds), the plan's and the online
 * engine's figures valued the same way, every assignment and unmet request, the commitments, and
 * with {@code --clause-costs} what each clause adds.
 */
final class PlanJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private PlanJson() {}

    static void write(String scenario, long seed, Plan plan, List<ClauseCost> clauseCosts, Path file)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("scenario", scenario);
        root.put("seed", seed);
        Plan.Solve solve = plan.solve();
        money(root, "objective", plan.objective());
        if (solve.lowerBound() == null) {
            root.putNull("lowerBound");
        } else {
            money(root, "lowerBound", solve.lowerBound());
        }
        if (solve.gap() == null) {
            root.putNull("gap");
        } else {
            root.put("gap", solve.gap());
        }
        root.put("solveSeconds", solve.solveSeconds());
        root.put("foundBy", solve.foundBy());
        root.put("searchStatus", solve.status());
        root.put("startStep", solve.startStep());
        root.put("variables", solve.variables());
        root.put("constraints", solve.constraints());
        money(root, "unmetPenalty", plan.unmetPenalty());
        money(root, "onlineCost", plan.online().cost());
        money(root, "onlineObjective", plan.onlineObjective());
        figures(root.putObject("plan"), plan.planned(), plan.unmetPenalty());
        figures(root.putObject("online"), plan.online(), plan.unmetPenalty());
        ArrayNode providers = root.putArray("providers");
        plan.byProvider().values().forEach(total -> {
            ObjectNode node = providers.addObject();
            node.put("provider", total.provider().value());
            node.put("units", total.units());
            node.put("unitHours", total.unitHours());
            money(node, "cost", total.cost());
        });
        ArrayNode commitments = root.putArray("commitments");
        for (Plan.CommitmentOutcome outcome : plan.commitments()) {
            ObjectNode node = commitments.addObject();
            node.put("agreement", outcome.agreement().value());
            node.put("provider", outcome.provider().value());
            money(node, "amount", outcome.amount());
            money(node, "spent", outcome.spent());
            money(node, "shortfall", outcome.shortfall());
        }
        ArrayNode assignments = root.putArray("assignments");
        for (Plan.Assignment a : plan.assignments()) {
            ObjectNode node = assignments.addObject();
            node.put("request", a.request().value());
            node.put("provider", a.provider().value());
            node.put("site", a.site().value());
            node.put("accelerator", a.accelerator().value());
            node.put("units", a.units());
            node.put("start", a.start().toString());
            node.put("end", a.end().toString());
            money(node, "unitPrice", a.unitPrice());
            money(node, "cost", a.cost());
        }
        ArrayNode unmet = root.putArray("unmet");
        for (Plan.Unmet u : plan.unmet()) {
            unmet.addObject().put("request", u.request().value()).put("units", u.units());
        }
        if (!clauseCosts.isEmpty()) {
            ArrayNode costs = root.putArray("clauseCosts");
            for (ClauseCost cost : clauseCosts) {
                ObjectNode node = costs.addObject();
                node.put("clause", cost.clause());
                node.put("kind", cost.kind());
                money(node, "withHindsight", cost.withHindsight());
                money(node, "online", cost.online());
                node.put("unmetUnitHoursWithHindsight", cost.unmetWithHindsight());
                node.put("unmetUnitHoursOnline", cost.unmetOnline());
            }
        }
        JSON.writeValue(file.toFile(), root);
    }

    private static void figures(ObjectNode node, Plan.Figures figures, Money penalty) {
        money(node, "cost", figures.cost());
        money(node, "shortfall", figures.shortfall());
        node.put("unmetUnitHours", figures.unmetUnitHours());
        money(node, "firstLookPriority", figures.firstLookPriority());
        money(node, "total", figures.total(penalty));
        money(node, "objective", figures.objective(penalty));
    }

    private static void money(ObjectNode node, String field, Money amount) {
        node.put(field, amount.dollars());
    }
}
