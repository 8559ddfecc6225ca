package dev.tender.planning;

import dev.tender.demand.Request;
import dev.tender.money.Money;
import dev.tender.plan.Plan;

/** Units per candidate: a solution of a {@link Formulation}, with what it is worth and whether it holds. */
final class Decisions {

    final Formulation model;
    final long[] units;

    Decisions(Formulation model, long[] units) {
        if (units.length != model.candidates.size()) {
            throw new IllegalArgumentException("one figure per candidate, not " + units.length);
        }
        this.model = model;
        this.units = units;
    }

    static Decisions none(Formulation model) {
        return new Decisions(model, new long[model.candidates.size()]);
    }

    /** The objective in the solver's money, as the integer search counts it. */
    long objective() {
        long value = model.constant;
        for (int v = 0; v < units.length; v++) {
            value += model.objective[v] * units[v];
        }
        for (Formulation.CommitmentRow row : model.commitments) {
            value += Math.max(0, row.amount() - counted(row));
        }
        return value;
    }

    long counted(Formulation.CommitmentRow row) {
        long spent = 0;
        for (int i = 0; i < row.candidates().length; i++) {
            spent += row.perUnit()[i] * units[row.candidates()[i]];
        }
        return spent;
    }

    /** Units served per capacity row. */
    long[] rowUse() {
        long[] use = new long[model.rows()];
        for (int v = 0; v < units.length; v++) {
            if (units[v] > 0) {
                for (int row = model.firstRow[v]; row <= model.lastRow[v]; row++) {
                    use[row] += units[v];
                }
            }
        }
        return use;
    }

    long served(int request) {
        long served = 0;
        for (int v = model.firstCandidate[request]; v < model.firstCandidate[request + 1]; v++) {
            served += units[v];
        }
        return served;
    }

    /** True when every bound, request and capacity row holds. */
    boolean feasible() {
        for (int v = 0; v < units.length; v++) {
            if (units[v] < 0 || units[v] > model.candidates.get(v).maxUnits()) {
                return false;
            }
        }
        for (int r = 0; r < model.requests(); r++) {
            if (served(r) > model.request(r).units()) {
                return false;
            }
        }
        long[] use = rowUse();
        for (int row = 0; row < use.length; row++) {
            if (use[row] > model.rowCapacity[row]) {
                return false;
            }
        }
        return true;
    }

    /** The decisions' figures, exactly, in money. */
    Plan.Figures figures() {
        Money cost = Money.ZERO;
        Money priority = Money.ZERO;
        for (int v = 0; v < units.length; v++) {
            if (units[v] > 0) {
                Formulation.Candidate candidate = model.candidates.get(v);
                long unitHours = units[v] * model.request(candidate.request()).hours();
                cost = cost.plus(candidate.unitPrice().times(unitHours));
                if (candidate.market()) {
                    priority = priority.plus(model.priorityWeight.times(unitHours));
                }
            }
        }
        long unmet = 0;
        for (int r = 0; r < model.requests(); r++) {
            Request request = model.request(r);
            unmet += (request.units() - served(r)) * request.hours();
        }
        Money shortfall = Money.ZERO;
        for (Formulation.CommitmentRow row : model.commitments) {
            shortfall = shortfall.plus(shortfall(row));
        }
        return new Plan.Figures(cost, shortfall, unmet, priority);
    }

    /** What the commitment still lacks, counted exactly in money. */
    Money shortfall(Formulation.CommitmentRow row) {
        Money rest = row.commitment().amount().minus(spent(row));
        return rest.isPositive() ? rest : Money.ZERO;
    }

    Money spent(Formulation.CommitmentRow row) {
        Money spent = Money.ZERO;
        for (int v : row.candidates()) {
            if (units[v] > 0) {
                Formulation.Candidate candidate = model.candidates.get(v);
                Request request = model.request(candidate.request());
                spent = spent.plus(row.commitment()
                        .countedSpend(
                                candidate.unitPrice(),
                                units[v],
                                candidate.start(),
                                candidate.start().plus(request.length())));
            }
        }
        return spent;
    }
}
