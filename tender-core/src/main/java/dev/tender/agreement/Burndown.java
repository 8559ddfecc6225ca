package dev.tender.agreement;

import dev.tender.demand.Request;
import dev.tender.money.Money;
import dev.tender.provider.ProviderId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Rule 5: spend awarded to a provider inside a commitment's period counts toward its amount. Also
 * answers rule 4's question: does this provider still have an unmet commitment that earns it a
 * preference?
 */
public final class Burndown {

    // By identity: a commitment's record hash would walk its whole scope on every look-up.
    private final IdentityHashMap<Commitment, Progress> progress = new IdentityHashMap<>();
    private final List<Map.Entry<Commitment, Progress>> inOrder = new ArrayList<>();

    private static final class Progress {
        private Money spent = Money.ZERO;
        private @Nullable Instant metAt;
    }

    public Burndown(List<Commitment> commitments) {
        track(commitments);
    }

    /**
     * Tracks {@code commitments} from now on, when the clauses change while the engine runs: one
     * with the id of a commitment tracked already (ended early, say) keeps what was spent toward
     * it; a new one starts at nothing; one no longer listed is no longer tracked.
     */
    public void track(List<Commitment> commitments) {
        Map<AgreementId, Progress> before = new HashMap<>();
        inOrder.forEach(entry -> before.put(entry.getKey().id(), entry.getValue()));
        progress.clear();
        inOrder.clear();
        for (Commitment commitment : commitments) {
            Progress state = before.getOrDefault(commitment.id(), new Progress());
            progress.put(commitment, state);
            inOrder.add(Map.entry(commitment, state));
        }
    }

    /** Counts an award toward every commitment with its provider whose scope covers the request. */
    public void record(
            ProviderId provider, Request request, Money unitPrice, int units, Instant start, Instant end, Instant at) {
        for (Map.Entry<Commitment, Progress> entry : inOrder) {
            Commitment commitment = entry.getKey();
            Progress state = entry.getValue();
            if (commitment.provider().equals(provider) && commitment.scope().covers(request)) {
                Money counted = commitment.countedSpend(unitPrice, units, start, end);
                if (counted.isPositive()) {
                    state.spent = state.spent.plus(counted);
                    if (state.metAt == null && !commitment.amount().exceeds(state.spent)) {
                        state.metAt = at;
                    }
                }
            }
        }
    }

    public Money spent(Commitment commitment) {
        return state(commitment).spent;
    }

    public boolean met(Commitment commitment) {
        return state(commitment).metAt != null;
    }

    /** When awards first reached the amount. */
    public Optional<Instant> metAt(Commitment commitment) {
        return Optional.ofNullable(state(commitment).metAt);
    }

    /** What is still to spend; zero once met. */
    public Money shortfall(Commitment commitment) {
        Money rest = commitment.amount().minus(spent(commitment));
        return rest.isPositive() ? rest : Money.ZERO;
    }

    /**
     * The commitment with the largest preference among the provider's commitments in force at
     * {@code at} that cover the request and are not yet met (the first of them on a tie); empty
     * when there is none.
     */
    public Optional<Commitment> preferring(ProviderId provider, Request request, Instant at) {
        Commitment best = null;
        for (Map.Entry<Commitment, Progress> entry : inOrder) {
            Commitment commitment = entry.getKey();
            if (entry.getValue().metAt == null
                    && commitment.provider().equals(provider)
                    && commitment.covers(request, at)
                    && (best == null || commitment.preference() > best.preference())) {
                best = commitment;
            }
        }
        return Optional.ofNullable(best);
    }

    private Progress state(Commitment commitment) {
        Progress state = progress.get(commitment);
        if (state == null) {
            throw new IllegalArgumentException("commitment " + commitment.id() + " is not tracked here");
        }
        return state;
    }
}
