package dev.tender.agreement;

import dev.tender.demand.Request;
import dev.tender.provider.ProviderId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A dated clause between the buyer and one provider. In force from {@code from}, inclusive, to
 * {@code until}, exclusive (null: open-ended).
 */
public sealed interface Agreement permits Exclusive, RightOfFirstRefusal, Commitment {

    AgreementId id();

    /** The provider the clause is with: the exclusive seller, the holder of the right, the committed one. */
    ProviderId provider();

    Scope scope();

    Instant from();

    @Nullable
    Instant until();

    default boolean inForceAt(Instant instant) {
        return !instant.isBefore(from()) && (until() == null || instant.isBefore(until()));
    }

    default boolean covers(Request request, Instant at) {
        return inForceAt(at) && scope().covers(request);
    }

    /** True when the two clauses are in force together at some instant. */
    default boolean periodOverlaps(Agreement other) {
        boolean thisEndsAfterOtherStarts = until() == null || until().isAfter(other.from());
        boolean otherEndsAfterThisStarts =
                other.until() == null || other.until().isAfter(from());
        return thisEndsAfterOtherStarts && otherEndsAfterThisStarts;
    }

    static void requirePeriod(AgreementId id, Instant from, @Nullable Instant until) {
        if (from == null) {
            throw new IllegalArgumentException("agreement " + id + " needs a from date");
        }
        if (until != null && !until.isAfter(from)) {
            throw new IllegalArgumentException("agreement " + id + ": until " + until + " is not after from " + from);
        }
    }
}
