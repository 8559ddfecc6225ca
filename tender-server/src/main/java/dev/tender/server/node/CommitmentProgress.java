package dev.tender.server.node;

import dev.tender.agreement.Commitment;
import dev.tender.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A commitment and the spend counted toward it so far (rule 5), with when it was met, if it was,
 * and its burn-down: the spend at the end of each day an award added to it, oldest first.
 */
public record CommitmentProgress(
        Commitment commitment, Money spent, @Nullable Instant metAt, List<Spent> history) {

    /** The spend counted by the end of the day that starts at {@code day}. */
    public record Spent(Instant day, Money spent) {
        public Spent {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(spent, "spent");
        }
    }

    public CommitmentProgress {
        Objects.requireNonNull(commitment, "commitment");
        Objects.requireNonNull(spent, "spent");
        history = List.copyOf(history);
    }
}
