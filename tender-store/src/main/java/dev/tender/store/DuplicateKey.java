package dev.tender.store;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/** Whether a failure was a primary key refusing a row whose key it already holds. */
final class DuplicateKey {

    /** SQLSTATE unique_violation, which H2 and PostgreSQL both report. */
    private static final String UNIQUE_VIOLATION = "23505";

    private DuplicateKey() {}

    /**
     * Looks through the causes and, for a batch, the chain of next exceptions: the batch's own
     * exception may carry a general state, and the row's refusal only behind it.
     */
    static boolean causes(Throwable failure) {
        Deque<Throwable> toSee = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        toSee.push(failure);
        while (!toSee.isEmpty()) {
            Throwable next = toSee.pop();
            if (!seen.add(next)) {
                continue;
            }
            if (next instanceof SQLException sql) {
                if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
                SQLException chained = sql.getNextException();
                if (chained != null) {
                    toSee.push(chained);
                }
            }
            Throwable cause = next.getCause();
            if (cause != null) {
                toSee.push(cause);
            }
        }
        return false;
    }
}
