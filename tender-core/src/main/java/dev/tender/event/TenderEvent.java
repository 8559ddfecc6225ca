package dev.tender.event;

import dev.tender.agreement.AgreementId;
import dev.tender.agreement.RouteKind;
import dev.tender.catalog.AcceleratorId;
import dev.tender.demand.Request;
import dev.tender.demand.RequestId;
import dev.tender.money.Money;
import dev.tender.provider.ProviderId;
import dev.tender.provider.SiteId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every decision the engine takes, in the order it takes them. The log is a public interface
 * (DESIGN.md section 3) whose format {@link EventSchema} writes down once.
 */
public sealed interface TenderEvent {

    /** Strictly increasing across the log. */
    long seq();

    /** When it happened, by the engine's clock; never decreases along the log. */
    Instant at();

    RequestId request();

    /** The name of its type in the log; see {@link EventSchema}. */
    default String type() {
        return EventSchema.of(this).name();
    }

    record Submitted(long seq, Instant at, Request details) implements TenderEvent {
        @Override
        public RequestId request() {
            return details.id();
        }
    }

    record Routed(
            long seq,
            Instant at,
            RequestId request,
            RouteKind route,
            List<AgreementId> agreements,
            List<ProviderId> eligible,
            String reason)
            implements TenderEvent {
        public Routed {
            agreements = List.copyOf(agreements);
            eligible = List.copyOf(eligible);
        }
    }

    /** {@code agreement} and {@code matchPrice} are null when they do not apply. */
    record Offered(
            long seq,
            Instant at,
            RequestId request,
            OfferId offer,
            ProviderId provider,
            OfferKind kind,
            int units,
            Instant deadline,
            @Nullable AgreementId agreement,
            @Nullable Money matchPrice)
            implements TenderEvent {}

    /** {@code unitPrice}, {@code site} and {@code start} are null when declined or lapsed; {@code reason} may be null. */
    record Responded(
            long seq,
            Instant at,
            RequestId request,
            OfferId offer,
            ProviderId provider,
            ResponseOutcome outcome,
            int units,
            @Nullable Money unitPrice,
            @Nullable SiteId site,
            @Nullable Instant start,
            @Nullable String reason)
            implements TenderEvent {}

    record Awarded(
            long seq,
            Instant at,
            RequestId request,
            ProviderId provider,
            SiteId site,
            AcceleratorId accelerator,
            int units,
            Money unitPrice,
            Instant start,
            Instant end,
            Money cost,
            OfferId offer)
            implements TenderEvent {}

    /**
     * The request's last event. {@code cause} names, as a short code, why units went unmet (null
     * when none did); {@code reason} tells it in words that name the clause.
     */
    record Closed(
            long seq,
            Instant at,
            RequestId request,
            TerminalState outcome,
            int units,
            String reason,
            @Nullable UnmetCause cause)
            implements TenderEvent {}
}
