package dev.tender.broker;

import dev.tender.agreement.Commitment;
import dev.tender.agreement.Route;
import dev.tender.demand.Request;
import dev.tender.event.OfferId;
import dev.tender.event.OfferKind;
import dev.tender.money.Money;
import dev.tender.provider.ProviderId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** One request's tender in progress: its route, the round of offers out now, the quotes held, what is awarded. */
final class Tender {

    final Request request;
    final Route route;
    /** When it was submitted: the clauses in force then are the ones that apply to it. */
    final Instant submitted;

    /** What was awarded, for the closing sentence. */
    final List<Awarded> awards = new ArrayList<>(2);
    /** Why units may go unmet, told only if they do: most requests are filled and never need the words. */
    final List<Supplier<String>> notes = new ArrayList<>();

    final List<Quote> held = new ArrayList<>();
    /** Commitments whose preference changed who was awarded what. */
    final List<Commitment> rankedBy = new ArrayList<>(1);

    /** The round out now; null before the first and once the tender closed. */
    @Nullable
    Round round;

    int awarded;
    int offersMade;
    int lapses;
    int overPrice;

    Tender(Request request, Route route, Instant submitted) {
        this.request = request;
        this.route = route;
        this.submitted = submitted;
    }

    record Awarded(ProviderId provider, int units, Money unitPrice) {}

    int remaining() {
        return request.units() - awarded;
    }

    /**
     * Stops holding {@code quote}. No two held quotes are equal (each answers its own offer), so
     * identity finds the same one equality would, without a record's walk through the offer and
     * its request for every other quote held.
     */
    @SuppressWarnings("ReferenceEquality") // identity is what is meant here, see above
    void release(Quote quote) {
        for (int i = 0; i < held.size(); i++) {
            if (held.get(i) == quote) {
                held.remove(i);
                return;
            }
        }
    }

    /** The offer numbered {@code number} when it is out in the current round and not answered yet. */
    @Nullable
    Asked openOffer(int number) {
        if (round == null) {
            return null;
        }
        for (Asked asked : round.asked) {
            if (asked.offer.id().number() == number) {
                return asked.isOpen() ? asked : null;
            }
        }
        return null;
    }

    /** The offers of one round, answered or not; it ends when all are answered or at the deadline. */
    static final class Round {
        /** What the providers were asked as: with the route, which round of the tender this is. */
        final OfferKind kind;

        final Instant deadline;
        final List<Asked> asked = new ArrayList<>();
        final List<Quote> quotes = new ArrayList<>();
        int pending;

        Round(OfferKind kind, Instant deadline) {
            this.kind = kind;
            this.deadline = deadline;
        }
    }

    /**
     * An offer and whether its provider has answered. It is also the desk its provider is handed:
     * an answer to this offer reaches its tender without a lookup.
     */
    static final class Asked implements OfferDesk {
        final Tender tender;
        final Round round;
        final Offer offer;
        private final Broker broker;
        boolean answered;

        Asked(Tender tender, Round round, Offer offer, Broker broker) {
            this.tender = tender;
            this.round = round;
            this.offer = offer;
            this.broker = broker;
        }

        /** Out in its tender's current round and not answered yet. */
        boolean isOpen() {
            return !answered && tender.round == round;
        }

        @Override
        public Reply answer(OfferId id, Answer answer) {
            return id.equals(offer.id()) ? broker.answer(this, answer) : broker.answer(id, answer);
        }
    }
}
