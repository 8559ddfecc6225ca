package dev.tender.planning;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The integer model solved with CP-SAT, starting from a hint (the best plan known so far): what it
 * finds within the time limit, and the bound it proves.
 */
final class CpSatSearch {

    /** The best plan found (empty when none beat nothing in time) and the proved bound, in solver money. */
    record Result(Optional<Decisions> best, double bound, String status) {}

    /** Told of each better plan as the search finds it. */
    interface Listener {
        void improved(long objective);
    }

    private CpSatSearch() {}

    static Result solve(
            Formulation model, Decisions hint, Duration limit, int workers, long target, Listener listener) {
        OrTools.load();
        int n = model.candidates.size();
        CpModel cp = new CpModel();
        IntVar[] x = new IntVar[n];
        for (int v = 0; v < n; v++) {
            x[v] = cp.newIntVar(0, model.candidates.get(v).maxUnits(), "");
            cp.addHint(x[v], hint.units[v]);
        }
        for (int r = 0; r < model.requests(); r++) {
            int from = model.firstCandidate[r];
            int to = model.firstCandidate[r + 1];
            if (to - from > 1) {
                cp.addLessOrEqual(
                        LinearExpr.sum(Arrays.copyOfRange(x, from, to)),
                        model.request(r).units());
            }
        }
        addCapacity(model, cp, x);
        LinearExprBuilder objective = LinearExpr.newBuilder().add(model.constant);
        for (int v = 0; v < n; v++) {
            objective.addTerm(x[v], model.objective[v]);
        }
        for (Formulation.CommitmentRow row : model.commitments) {
            IntVar shortfall = cp.newIntVar(0, row.amount(), "");
            cp.addHint(shortfall, Math.max(0, row.amount() - hint.counted(row)));
            LinearExprBuilder spent = LinearExpr.newBuilder().add(shortfall);
            for (int i = 0; i < row.candidates().length; i++) {
                spent.addTerm(x[row.candidates()[i]], row.perUnit()[i]);
            }
            cp.addGreaterOrEqual(spent, row.amount());
            objective.add(shortfall);
        }
        cp.minimize(objective);

        CpSolver solver = new CpSolver();
        solver.getParameters()
                .setMaxTimeInSeconds(Math.max(0.1, limit.toMillis() / 1000.0))
                .setNumWorkers(Math.max(1, workers));
        CpSolverSolutionCallback callback = new CpSolverSolutionCallback() {
            @Override
            public void onSolutionCallback() {
                long objective = Math.round(objectiveValue());
                listener.improved(objective);
                if (objective <= target) {
                    stopSearch();
                }
            }
        };
        CpSolverStatus status;
        try {
            status = solver.solve(cp, callback);
        } finally {
            // The native solver calls back through its own reference, which the collector cannot see.
            Reference.reachabilityFence(callback);
        }
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return new Result(Optional.empty(), Double.NEGATIVE_INFINITY, status.name());
        }
        long[] units = new long[n];
        for (int v = 0; v < n; v++) {
            units[v] = solver.value(x[v]);
        }
        return new Result(Optional.of(new Decisions(model, units)), solver.bestObjectiveBound(), status.name());
    }

    /** One constraint per capacity row that its candidates could overfill. */
    private static void addCapacity(Formulation model, CpModel cp, IntVar[] x) {
        LinearExprBuilder[] use = new LinearExprBuilder[model.rows()];
        long[] most = new long[model.rows()];
        for (int v = 0; v < x.length; v++) {
            for (int row = model.firstRow[v]; row <= model.lastRow[v]; row++) {
                if (use[row] == null) {
                    use[row] = LinearExpr.newBuilder();
                }
                use[row].add(x[v]);
                most[row] += model.candidates.get(v).maxUnits();
            }
        }
        for (int row = 0; row < use.length; row++) {
            if (use[row] != null && most[row] > model.rowCapacity[row]) {
                cp.addLessOrEqual(use[row], model.rowCapacity[row]);
            }
        }
    }
}
