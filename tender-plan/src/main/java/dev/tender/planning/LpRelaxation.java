package dev.tender.planning;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.time.Duration;
import java.util.Optional;

/**
 * The model with whole units relaxed, solved with GLOP: no plan can cost less than its optimum, so
 * it is the lower bound, and its solution, rounded down and topped up, is the first plan.
 */
final class LpRelaxation {

    /** The optimum in the solver's money and the fractional units per candidate. */
    static final class Optimum {
        private final double bound;
        private final double[] units;

        Optimum(double bound, double[] units) {
            this.bound = bound;
            this.units = units;
        }

        double bound() {
            return bound;
        }

        double[] units() {
            return units;
        }
    }

    private LpRelaxation() {}

    /** The optimum, or empty when GLOP does not prove one within {@code limit}. */
    static Optional<Optimum> solve(Formulation model, Duration limit) {
        OrTools.load();
        MPSolver solver = MPSolver.createSolver("GLOP");
        try {
            return solve(model, solver, limit);
        } finally {
            solver.delete();
        }
    }

    private static Optional<Optimum> solve(Formulation model, MPSolver solver, Duration limit) {
        int n = model.candidates.size();
        // GLOP works to relative tolerances: objective figures near one keep it well conditioned.
        double scale = 1;
        for (long coefficient : model.objective) {
            scale = Math.max(scale, Math.abs((double) coefficient));
        }
        MPVariable[] x = new MPVariable[n];
        MPObjective objective = solver.objective();
        for (int v = 0; v < n; v++) {
            x[v] = solver.makeNumVar(0, model.candidates.get(v).maxUnits(), "");
            objective.setCoefficient(x[v], model.objective[v] / scale);
        }
        for (int r = 0; r < model.requests(); r++) {
            MPConstraint row = solver.makeConstraint(0, model.request(r).units(), "");
            for (int v = model.firstCandidate[r]; v < model.firstCandidate[r + 1]; v++) {
                row.setCoefficient(x[v], 1);
            }
        }
        MPConstraint[] capacity = new MPConstraint[model.rows()];
        for (int row = 0; row < capacity.length; row++) {
            capacity[row] = solver.makeConstraint(0, (double) model.rowCapacity[row], "");
        }
        for (int v = 0; v < n; v++) {
            for (int row = model.firstRow[v]; row <= model.lastRow[v]; row++) {
                capacity[row].setCoefficient(x[v], 1);
            }
        }
        MPVariable[] shortfall = new MPVariable[model.commitments.size()];
        for (int c = 0; c < shortfall.length; c++) {
            Formulation.CommitmentRow commitment = model.commitments.get(c);
            shortfall[c] = solver.makeNumVar(0, (double) commitment.amount(), "");
            objective.setCoefficient(shortfall[c], 1 / scale);
            MPConstraint row = solver.makeConstraint((double) commitment.amount(), MPSolver.infinity(), "");
            row.setCoefficient(shortfall[c], 1);
            for (int i = 0; i < commitment.candidates().length; i++) {
                row.setCoefficient(
                        x[commitment.candidates()[i]], (double) commitment.perUnit()[i]);
            }
        }
        objective.setMinimization();
        solver.setTimeLimit(Math.max(1, limit.toMillis()));
        if (solver.solve() != MPSolver.ResultStatus.OPTIMAL) {
            return Optional.empty();
        }
        double[] units = new double[n];
        for (int v = 0; v < n; v++) {
            units[v] = x[v].solutionValue();
        }
        return Optional.of(new Optimum(objective.value() * scale + model.constant, units));
    }
}
