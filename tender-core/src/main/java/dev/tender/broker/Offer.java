package dev.tender.broker;

import dev.tender.agreement.AgreementId;
import dev.tender.demand.Request;
import dev.tender.event.OfferId;
import dev.tender.event.OfferKind;
import dev.tender.money.Money;
import dev.tender.provider.ProviderId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One question to one provider about one request: take up to {@code units}, answer by {@code
 * deadline}. A {@code MATCH} offer carries the best market terms: a price no higher than {@code
 * matchPrice}, a start no later than {@code matchStart}. {@code partialAllowed} is false only when
 * a right of first refusal is all-or-nothing.
 */
public record Offer(
        OfferId id,
        Request request,
        ProviderId provider,
        OfferKind kind,
        int units,
        Instant made,
        Instant deadline,
        @Nullable AgreementId agreement,
        @Nullable Money matchPrice,
        @Nullable Instant matchStart,
        boolean partialAllowed) {

    public Offer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(kind, "kind");
        if (units <= 0 || units > request.units()) {
            throw new IllegalArgumentException(
                    "offer " + id + " for " + units + " units of a request for " + request.units());
        }
        if (deadline.isBefore(made)) {
            throw new IllegalArgumentException("offer " + id + " has its deadline before it was made");
        }
        if (kind == OfferKind.MATCH && (matchPrice == null || matchStart == null)) {
            throw new IllegalArgumentException("a MATCH offer needs the price and start to match");
        }
    }

    /** The best market price a {@code MATCH} offer asks the holder to meet; no other kind of offer has one. */
    Money priceToMatch() {
        if (matchPrice == null) {
            throw new IllegalStateException("offer " + id + " is " + kind + ", with no price to match");
        }
        return matchPrice;
    }

    /** The best market start a {@code MATCH} offer asks the holder to meet; no other kind of offer has one. */
    Instant startToMatch() {
        if (matchStart == null) {
            throw new IllegalStateException("offer " + id + " is " + kind + ", with no start to match");
        }
        return matchStart;
    }

    /** The latest start this offer accepts: the request's flex, and for a match the best quote's start. */
    public Instant latestStart() {
        Instant latest = request.latestStart();
        return matchStart != null && matchStart.isBefore(latest) ? matchStart : latest;
    }
}
