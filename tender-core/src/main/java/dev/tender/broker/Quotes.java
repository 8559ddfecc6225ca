package dev.tender.broker;

import dev.tender.agreement.Burndown;
import dev.tender.agreement.Commitment;
import dev.tender.demand.Request;
import dev.tender.event.OfferKind;
import dev.tender.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The checks a provider's answer passes through, and the order in which quotes are awarded. */
final class Quotes {

    private Quotes() {}

    /** Why a quote that stands cannot be awarded; {@code overMaxPrice} counts toward that cause of unmet units. */
    record Refusal(String reason, boolean overMaxPrice) {}

    /** An answer that cannot stand at all; the provider is told and may answer again. */
    static Optional<String> malformed(Offer offer, Answer.Take take) {
        if (take.units() < 1 || take.units() > offer.units()) {
            return Optional.of("units must be between 1 and " + offer.units() + ", not " + take.units());
        }
        if (!offer.partialAllowed() && take.units() < offer.units()) {
            return Optional.of(
                    "offer " + offer.id() + " must be taken whole (" + offer.units() + " units) or declined");
        }
        if (!take.unitPrice().isPositive()) {
            return Optional.of("unitPrice must be positive, not " + take.unitPrice());
        }
        return Optional.empty();
    }

    /**
     * Rules 3 and 4: a quote above {@code maxPrice}, outside {@code [start, start + flex]}, or on a
     * {@code MATCH} worse than the best market terms is recorded but never awarded.
     */
    static Optional<Refusal> refusal(Offer offer, Answer.Take take) {
        Request request = offer.request();
        if (!request.allowsPrice(take.unitPrice())) {
            return Optional.of(
                    new Refusal("quoted " + take.unitPrice() + ", above maxPrice " + request.maxPrice(), true));
        }
        if (offer.kind() == OfferKind.MATCH && take.unitPrice().exceeds(offer.priceToMatch())) {
            return Optional.of(new Refusal(
                    "quoted " + take.unitPrice() + ", above the match price " + offer.priceToMatch(), false));
        }
        if (offer.kind() == OfferKind.MATCH && take.start().isAfter(offer.startToMatch())) {
            return Optional.of(new Refusal(
                    "start " + take.start() + " is later than the best market start " + offer.startToMatch(), false));
        }
        if (costOverflows(take.unitPrice(), take.units(), request.hours())) {
            return Optional.of(new Refusal(
                    take.units() + " units for " + request.hours() + "h at " + take.unitPrice()
                            + " cost more than Tender can count",
                    false));
        }
        if (!request.allowsStart(take.start())) {
            return Optional.of(new Refusal(
                    "start " + take.start() + " is outside " + request.start() + " to " + request.latestStart(),
                    false));
        }
        return Optional.empty();
    }

    /** True when units x hours x price does not fit in a {@link dev.tender.money.Money}. */
    private static boolean costOverflows(Money unitPrice, int units, int hours) {
        long unitHours = (long) units * hours;
        return Math.multiplyHigh(unitPrice.micros(), unitHours) != 0 || unitPrice.micros() * unitHours < 0;
    }

    /**
     * The order of quotes, written once for ranking (rule 4) and for the best market terms a match
     * must meet (rule 3). A quote comes before another when it has
     *
     * <ol>
     *   <li>the lower price: for ranking the effective price, a committed provider's quote lowered
     *       by its commitment's preference; for the terms to match, the quoted price;
     *   <li>then the earlier start;
     *   <li>then the provider id that sorts first, for determinism.
     * </ol>
     *
     * Quotes equal in all three keep the order they arrived in.
     */
    static int compare(long micros, Quote quote, long otherMicros, Quote other) {
        if (micros != otherMicros) {
            return micros < otherMicros ? -1 : 1;
        }
        int byStart = quote.start().compareTo(other.start());
        return byStart != 0
                ? byStart
                : quote.offer().provider().compareTo(other.offer().provider());
    }

    private static int byQuotedPrice(Quote quote, Quote other) {
        return compare(quote.unitPrice().micros(), quote, other.unitPrice().micros(), other);
    }

    /** The best market terms: the first awardable quote by quoted price, start and provider. */
    static Optional<Quote> best(List<Quote> quotes) {
        Quote best = null;
        for (Quote quote : quotes) {
            if (quote.awardable() && (best == null || byQuotedPrice(quote, best) < 0)) {
                best = quote;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A quote in rank order, with the commitment whose preference lowered its effective price (null: none). */
    record Ranked(
            Quote quote, long effectiveMicros, @Nullable Commitment preferredBy) {}

    /**
     * Rule 4: the awardable quotes in rank order. A provider with a commitment in force at
     * submission and not met by now ranks as if its price were lower by the commitment's
     * preference.
     */
    static List<Ranked> inRankOrder(List<Quote> quotes, Burndown burndown, Request request, Instant submitted) {
        Ranked[] order = new Ranked[quotes.size()];
        int count = 0;
        for (Quote quote : quotes) {
            if (quote.awardable()) {
                Commitment preferring = burndown.preferring(quote.offer().provider(), request, submitted)
                        .orElse(null);
                long micros = preferring == null
                        ? quote.unitPrice().micros()
                        : Math.round(quote.unitPrice().micros() * (1 - preferring.preference()));
                // A round has a handful of quotes: insertion keeps equals in arrival order, as a stable sort would.
                int at = count++;
                while (at > 0 && compare(micros, quote, order[at - 1].effectiveMicros(), order[at - 1].quote()) < 0) {
                    order[at] = order[at - 1];
                    at--;
                }
                order[at] = new Ranked(quote, micros, preferring);
            }
        }
        return Arrays.asList(order).subList(0, count);
    }

    /**
     * The commitments whose preference changed who is awarded what: the units each quote gets in
     * rank order differ from the units it would get by quoted price alone. Empty when no
     * preference applied, or when it made no difference (every quote filled anyway).
     */
    static List<Commitment> decidingCommitments(List<Ranked> ranked, int units) {
        if (noneIsPreferred(ranked)) {
            return List.of();
        }
        int count = ranked.size();
        Integer[] byPrice = new Integer[count];
        for (int i = 0; i < count; i++) {
            byPrice[i] = i;
        }
        // Stable: equal quotes keep their arrival order, as in the ranking itself.
        Arrays.sort(
                byPrice,
                (a, b) -> byQuotedPrice(ranked.get(a).quote(), ranked.get(b).quote()));
        int[] byPriceAlone = new int[count];
        int remaining = units;
        for (int position : byPrice) {
            byPriceAlone[position] = Math.min(ranked.get(position).quote().units(), remaining);
            remaining -= byPriceAlone[position];
        }
        List<Commitment> deciding = new ArrayList<>(1);
        remaining = units;
        for (int i = 0; i < count; i++) {
            Ranked r = ranked.get(i);
            int withPreference = Math.min(r.quote().units(), remaining);
            remaining -= withPreference;
            Commitment preferredBy = r.preferredBy();
            if (preferredBy != null && withPreference > byPriceAlone[i] && !deciding.contains(preferredBy)) {
                deciding.add(preferredBy);
            }
        }
        return deciding;
    }

    // A loop, not a stream: this runs for every round the engine awards, and mostly finds nothing.
    private static boolean noneIsPreferred(List<Ranked> ranked) {
        for (Ranked r : ranked) {
            if (r.preferredBy() != null) {
                return false;
            }
        }
        return true;
    }
}
