package dev.tender.scenario;

import dev.tender.agreement.Agreement;
import dev.tender.agreement.AgreementBook;
import java.time.Instant;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The instants at which the clauses in force change: every {@code from} and {@code until}. Between
 * two of them the same clauses are in force, so the first instant of such a stretch stands for all
 * of it when the question is which clauses a request meets.
 */
final class ClauseChanges {

    private final NavigableSet<Instant> changes = new TreeSet<>();

    ClauseChanges(AgreementBook book) {
        for (Agreement agreement : book.all()) {
            changes.add(agreement.from());
            if (agreement.until() != null) {
                changes.add(agreement.until());
            }
        }
    }

    /** One instant for each stretch of {@code [from, until)} in which the clauses in force stay the same. */
    NavigableSet<Instant> within(Instant from, Instant until) {
        NavigableSet<Instant> instants = new TreeSet<>();
        if (from.isBefore(until)) {
            instants.add(from);
            instants.addAll(changes.subSet(from, false, until, false));
        }
        return instants;
    }

    /** The instant that stands for the stretch holding {@code at}, no earlier than {@code earliest}. */
    Instant standingFor(Instant at, Instant earliest) {
        Instant change = changes.floor(at);
        return change == null || change.isBefore(earliest) ? earliest : change;
    }
}
