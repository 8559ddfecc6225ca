package dev.tender.server.node;

import dev.tender.agreement.Commitment;
import dev.tender.money.Money;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A commitment and the spend counted toward it so far (rule 5), with when it was met, if it was. */
public record CommitmentProgress(
        Commitment commitment, Money spent, @Nullable Instant metAt) {

    public CommitmentProgress {
        Objects.requireNonNull(commitment, "commitment");
        Objects.requireNonNull(spent, "spent");
    }
}
