package dev.tender.capacity;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Units that come online at {@code from} and, when {@code until} is set, go offline again then. */
public record CapacityStep(
        int units, Instant from, @Nullable Instant until) {

    public CapacityStep {
        Objects.requireNonNull(from, "from");
        if (units <= 0) {
            throw new IllegalArgumentException("capacity units must be positive, not " + units);
        }
        if (until != null && !until.isAfter(from)) {
            throw new IllegalArgumentException("capacity until " + until + " must be after from " + from);
        }
    }

    public boolean onlineAt(Instant instant) {
        return !instant.isBefore(from) && (until == null || instant.isBefore(until));
    }
}
