package dev.tender.agreement;

import dev.tender.demand.Request;
import dev.tender.provider.ProviderId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every clause the buyer signed, and the questions the rules ask of them. */
public final class AgreementBook {

    private final List<Agreement> agreements;
    private final List<Exclusive> exclusives = new ArrayList<>();
    private final List<RightOfFirstRefusal> rights = new ArrayList<>();
    private final List<Commitment> commitments = new ArrayList<>();

    public AgreementBook(List<? extends Agreement> agreements) {
        this.agreements = List.copyOf(agreements);
        Set<AgreementId> ids = new HashSet<>();
        for (Agreement agreement : this.agreements) {
            if (!ids.add(agreement.id())) {
                throw new IllegalArgumentException("agreement id " + agreement.id() + " is used twice");
            }
            if (agreement instanceof Exclusive exclusive) {
                exclusives.add(exclusive);
            } else if (agreement instanceof RightOfFirstRefusal right) {
                rights.add(right);
            } else if (agreement instanceof Commitment commitment) {
                commitments.add(commitment);
            }
        }
        List<Conflict> conflicts = conflicts(this.agreements);
        if (!conflicts.isEmpty()) {
            throw new IllegalArgumentException(conflicts.get(0).problem());
        }
    }

    public static AgreementBook empty() {
        return new AgreementBook(List.of());
    }

    /** Two clauses that cannot both hold: they give the same demand to different providers first. */
    public record Conflict(Agreement first, Agreement second, String problem) {}

    /**
     * Exclusives of different providers that can cover the same request at the same time, and
     * likewise rights of first refusal: each would make a different provider first.
     */
    public static List<Conflict> conflicts(List<? extends Agreement> agreements) {
        List<Conflict> found = new ArrayList<>();
        for (int i = 0; i < agreements.size(); i++) {
            for (int j = i + 1; j < agreements.size(); j++) {
                Agreement a = agreements.get(i);
                Agreement b = agreements.get(j);
                boolean sameKind = a.getClass() == b.getClass() && !(a instanceof Commitment);
                if (sameKind
                        && !a.provider().equals(b.provider())
                        && a.scope().overlaps(b.scope())
                        && a.periodOverlaps(b)) {
                    String kind = a instanceof Exclusive ? "exclusives" : "rights of first refusal";
                    found.add(new Conflict(
                            a,
                            b,
                            kind + " " + a.id() + " (" + a.provider() + ") and " + b.id() + " (" + b.provider()
                                    + ") overlap in scope and period"));
                }
            }
        }
        return found;
    }

    public List<Agreement> all() {
        return agreements;
    }

    public List<Commitment> commitments() {
        return List.copyOf(commitments);
    }

    /** Exclusives in force at {@code at} that cover the request; all name the same provider. */
    public List<Exclusive> exclusivesCovering(Request request, Instant at) {
        List<Exclusive> covering = new ArrayList<>(1);
        for (Exclusive exclusive : exclusives) {
            if (exclusive.covers(request, at)) {
                covering.add(exclusive);
            }
        }
        return covering;
    }

    public Optional<RightOfFirstRefusal> rightCovering(Request request, Instant at) {
        for (RightOfFirstRefusal right : rights) {
            if (right.covers(request, at)) {
                return Optional.of(right);
            }
        }
        return Optional.empty();
    }

    /** A right held by {@code holder} that covers the request, whatever else applies. */
    public Optional<RightOfFirstRefusal> rightOf(ProviderId holder, Request request, Instant at) {
        for (RightOfFirstRefusal right : rights) {
            if (right.holder().equals(holder) && right.covers(request, at)) {
                return Optional.of(right);
            }
        }
        return Optional.empty();
    }
}
