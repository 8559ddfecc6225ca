package dev.tender.broker;

import dev.tender.agreement.Burndown;
import dev.tender.demand.Request;
import dev.tender.event.OfferKind;
import dev.tender.money.Money;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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
        if (offer.kind() == OfferKind.MATCH && take.unitPrice().exceeds(offer.matchPrice())) {
            return Optional.of(
                    new Refusal("quoted " + take.unitPrice() + ", above the match price " + offer.matchPrice(), false));
        }
        if (offer.kind() == OfferKind.MATCH && take.start().isAfter(offer.matchStart())) {
            return Optional.of(new Refusal(
                    "start " + take.start() + " is later than the best market start " + offer.matchStart(), false));
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
     * Rule 4: the awardable quotes by effective unit price, then earliest start, then provider id.
     * A provider with a commitment in force at submission and not met by now ranks as if its price
     * were lower by the commitment's preference.
     */
    static List<Quote> inRankOrder(List<Quote> quotes, Burndown burndown, Request request, Instant submitted) {
        Quote[] order = new Quote[quotes.size()];
        long[] effective = new long[quotes.size()];
        int count = 0;
        for (Quote quote : quotes) {
            if (quote.awardable()) {
                double preference = burndown.preferenceFor(quote.offer().provider(), request, submitted);
                long micros = Math.round(quote.unitPrice().micros() * (1 - preference));
                // A round has a handful of quotes: insertion keeps equals in arrival order, as a stable sort would.
                int at = count++;
                while (at > 0 && ranksBefore(micros, quote, effective[at - 1], order[at - 1])) {
                    order[at] = order[at - 1];
                    effective[at] = effective[at - 1];
                    at--;
                }
                order[at] = quote;
                effective[at] = micros;
            }
        }
        return Arrays.asList(order).subList(0, count);
    }

    private static boolean ranksBefore(long micros, Quote quote, long otherMicros, Quote other) {
        if (micros != otherMicros) {
            return micros < otherMicros;
        }
        int byStart = quote.start().compareTo(other.start());
        if (byStart != 0) {
            return byStart < 0;
        }
        return quote.offer().provider().compareTo(other.offer().provider()) < 0;
    }
}
