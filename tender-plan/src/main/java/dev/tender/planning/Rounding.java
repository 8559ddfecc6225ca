package dev.tender.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Whole units from the LP's fractional ones: each rounded down (near-whole figures up), any row the
 * solver's tolerance overfilled trimmed, then every request topped up from the candidates cheapest
 * in the objective while they have room. A basic LP optimum has few fractional figures, so little
 * is lost; the integer search starts from here.
 */
final class Rounding {

    private static final double NEAR_WHOLE = 1e-6;

    private Rounding() {}

    /** No LP to start from: each request, in submission order, takes its cheapest candidates with room. */
    static Decisions greedy(Formulation model) {
        return of(model, new double[model.candidates.size()]);
    }

    static Decisions of(Formulation model, double[] fractional) {
        long[] units = new long[fractional.length];
        for (int v = 0; v < units.length; v++) {
            long whole = (long) Math.floor(fractional[v] + NEAR_WHOLE);
            units[v] = Math.max(0, Math.min(whole, model.candidates.get(v).maxUnits()));
        }
        Decisions decisions = new Decisions(model, units);
        long[] room = room(decisions);
        trimOverfull(decisions, room);
        trimOverserved(decisions, room);
        topUp(decisions, room);
        return decisions;
    }

    /** Capacity left per row: negative where the units exceed it. */
    private static long[] room(Decisions decisions) {
        long[] use = decisions.rowUse();
        long[] room = new long[use.length];
        for (int row = 0; row < room.length; row++) {
            room[row] = decisions.model.rowCapacity[row] - use[row];
        }
        return room;
    }

    private static void trimOverfull(Decisions decisions, long[] room) {
        Formulation model = decisions.model;
        for (int v = 0; v < decisions.units.length; v++) {
            long over = 0;
            for (int row = model.firstRow[v]; row <= model.lastRow[v]; row++) {
                over = Math.max(over, -room[row]);
            }
            long cut = Math.min(over, decisions.units[v]);
            if (cut > 0) {
                change(decisions, room, v, -cut);
            }
        }
    }

    private static void trimOverserved(Decisions decisions, long[] room) {
        Formulation model = decisions.model;
        for (int r = 0; r < model.requests(); r++) {
            long over = decisions.served(r) - model.request(r).units();
            for (int v = model.firstCandidate[r]; over > 0 && v < model.firstCandidate[r + 1]; v++) {
                long cut = Math.min(over, decisions.units[v]);
                change(decisions, room, v, -cut);
                over -= cut;
            }
        }
    }

    private static void topUp(Decisions decisions, long[] room) {
        Formulation model = decisions.model;
        for (int r = 0; r < model.requests(); r++) {
            long missing = model.request(r).units() - decisions.served(r);
            if (missing <= 0) {
                continue;
            }
            List<Integer> cheapestFirst = new ArrayList<>();
            for (int v = model.firstCandidate[r]; v < model.firstCandidate[r + 1]; v++) {
                cheapestFirst.add(v);
            }
            cheapestFirst.sort(Comparator.comparingLong(v -> model.objective[v]));
            for (int v : cheapestFirst) {
                if (missing == 0 || model.objective[v] >= 0) {
                    break;
                }
                long add = Math.min(missing, model.candidates.get(v).maxUnits() - decisions.units[v]);
                for (int row = model.firstRow[v]; row <= model.lastRow[v]; row++) {
                    add = Math.min(add, room[row]);
                }
                if (add > 0) {
                    change(decisions, room, v, add);
                    missing -= add;
                }
            }
        }
    }

    private static void change(Decisions decisions, long[] room, int v, long delta) {
        decisions.units[v] += delta;
        for (int row = decisions.model.firstRow[v]; row <= decisions.model.lastRow[v]; row++) {
            room[row] -= delta;
        }
    }
}
