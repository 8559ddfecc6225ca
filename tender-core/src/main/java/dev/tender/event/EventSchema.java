package dev.tender.event;

import dev.tender.agreement.AgreementId;
import dev.tender.agreement.RouteKind;
import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.Region;
import dev.tender.catalog.WorkloadClass;
import dev.tender.demand.Request;
import dev.tender.demand.RequestId;
import dev.tender.demand.TenantId;
import dev.tender.event.TenderEvent.Awarded;
import dev.tender.event.TenderEvent.Closed;
import dev.tender.event.TenderEvent.Offered;
import dev.tender.event.TenderEvent.Responded;
import dev.tender.event.TenderEvent.Routed;
import dev.tender.event.TenderEvent.Submitted;
import dev.tender.money.Money;
import dev.tender.provider.ProviderId;
import dev.tender.provider.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The event log's format (DESIGN.md section 3), written once: every type of event, its fields in
 * the order they are written, their names, values and meanings. The log's writer and reader, and
 * the JSON Schema published under {@code docs/}, are made from this; the rest of Tender reads the
 * typed events. A field's name or meaning changes only with {@link #VERSION}.
 */
public final class EventSchema {

    /** The version of the format; bumped when a field's name or meaning changes. */
    public static final int VERSION = 1;

    private EventSchema() {}

    // The fields every event has, first in every line.

    public static final Field<TenderEvent, Long> SEQ =
            Field.of("seq", Codec.SEQUENCE, TenderEvent::seq, "strictly increasing along the log");
    public static final Field<TenderEvent, Instant> AT =
            Field.of("at", Codec.INSTANT, TenderEvent::at, "when it happened, by the engine's clock; never decreases");
    /** The name of the event's type; its values are the names of {@link #types()}. */
    public static final String TYPE = "type";

    public static final Field<TenderEvent, RequestId> REQUEST = Field.of(
            "request", Codec.id("a request id", RequestId::new), TenderEvent::request, "the request it is about");

    private static final Codec<ProviderId> PROVIDER = Codec.id("a provider id", ProviderId::new);
    private static final Codec<SiteId> SITE = Codec.id("a site id", SiteId::new);
    private static final Codec<AcceleratorId> ACCELERATOR = Codec.id("an accelerator", AcceleratorId::new);
    private static final Codec<OfferId> OFFER = Codec.id("an offer id, <request>.o<n>", text -> OfferId.parse(text)
            .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an offer id (<request>.o<n>)")));
    private static final Codec<AgreementId> AGREEMENT = Codec.id("an agreement id", AgreementId::new);

    // SUBMITTED

    private static final Field<Submitted, TenantId> TENANT = Field.of(
            "tenant", Codec.id("a tenant", TenantId::new), e -> e.details().tenant(), "who asked");
    private static final Field<Submitted, WorkloadClass> WORKLOAD = Field.of(
            "workload",
            Codec.id("a workload class", WorkloadClass::new),
            e -> e.details().workload(),
            "what the capacity is for");
    private static final Field<Submitted, AcceleratorId> SUBMITTED_ACCELERATOR =
            Field.of("accelerator", ACCELERATOR, e -> e.details().accelerator(), "the chip asked for");
    private static final Field<Submitted, Integer> SUBMITTED_UNITS =
            Field.of("units", Codec.COUNT, e -> e.details().units(), "how many accelerators");
    private static final Field<Submitted, Instant> SUBMITTED_START =
            Field.of("start", Codec.INSTANT, e -> e.details().start(), "the requested start");
    private static final Field<Submitted, Integer> HOURS =
            Field.of("hours", Codec.COUNT, e -> e.details().hours(), "how long, in hours");
    private static final Field<Submitted, Duration> FLEX = Field.of(
            "flex", Codec.DURATION, e -> e.details().flex(), "how much later than start the capacity may start");
    private static final Field<Submitted, List<Region>> REGIONS = Field.of(
            "regions",
            Codec.ids("regions", Region::new),
            e -> e.details().regions(),
            "the regions allowed; empty: any");
    private static final Field<Submitted, Money> MAX_PRICE = Field.nullable(
            "maxPrice", Codec.MONEY, e -> e.details().maxPrice(), "the most it pays per unit-hour; null: any price");

    public static final EventType<Submitted> SUBMITTED = new EventType<>(
            "SUBMITTED",
            Submitted.class,
            "A request was taken in.",
            List.of(
                    TENANT,
                    WORKLOAD,
                    SUBMITTED_ACCELERATOR,
                    SUBMITTED_UNITS,
                    SUBMITTED_START,
                    HOURS,
                    FLEX,
                    REGIONS,
                    MAX_PRICE),
            v -> new Submitted(
                    v.seq(),
                    v.at(),
                    new Request(
                            v.request(),
                            v.get(TENANT),
                            v.get(WORKLOAD),
                            v.get(SUBMITTED_ACCELERATOR),
                            v.get(SUBMITTED_UNITS),
                            v.get(SUBMITTED_START),
                            v.get(HOURS),
                            v.get(FLEX),
                            v.get(REGIONS),
                            v.getNullable(MAX_PRICE))));

    // ROUTED

    private static final Field<Routed, RouteKind> ROUTE =
            Field.of("route", Codec.choice(RouteKind.class), Routed::route, "the route section 2 gives");
    private static final Field<Routed, List<AgreementId>> AGREEMENTS = Field.of(
            "agreements", Codec.ids("agreement ids", AgreementId::new), Routed::agreements, "the clauses applied");
    private static final Field<Routed, List<ProviderId>> ELIGIBLE = Field.of(
            "eligible",
            Codec.ids("provider ids", ProviderId::new),
            Routed::eligible,
            "the providers that may be asked");
    private static final Field<Routed, String> ROUTED_REASON =
            Field.of("reason", Codec.TEXT, Routed::reason, "the rule's sentence, naming the clause");

    public static final EventType<Routed> ROUTED = new EventType<>(
            "ROUTED",
            Routed.class,
            "The clauses in force decided who is asked first.",
            List.of(ROUTE, AGREEMENTS, ELIGIBLE, ROUTED_REASON),
            v -> new Routed(
                    v.seq(),
                    v.at(),
                    v.request(),
                    v.get(ROUTE),
                    v.get(AGREEMENTS),
                    v.get(ELIGIBLE),
                    v.get(ROUTED_REASON)));

    // OFFERED

    private static final Field<Offered, OfferId> OFFERED_OFFER = Field.of("offer", OFFER, Offered::offer, "the offer");
    private static final Field<Offered, ProviderId> OFFERED_PROVIDER =
            Field.of("provider", PROVIDER, Offered::provider, "who is asked");
    private static final Field<Offered, OfferKind> KIND =
            Field.of("kind", Codec.choice(OfferKind.class), Offered::kind, "what the provider is asked as");
    private static final Field<Offered, Integer> OFFERED_UNITS =
            Field.of("units", Codec.COUNT, Offered::units, "how many units it may take");
    private static final Field<Offered, Instant> DEADLINE =
            Field.of("deadline", Codec.INSTANT, Offered::deadline, "when the offer lapses");
    private static final Field<Offered, AgreementId> OFFERED_AGREEMENT =
            Field.nullable("agreement", AGREEMENT, Offered::agreement, "the clause it is made under; null: none");
    private static final Field<Offered, Money> MATCH_PRICE = Field.nullable(
            "matchPrice", Codec.MONEY, Offered::matchPrice, "for MATCH, the best market price to match; else null");

    public static final EventType<Offered> OFFERED = new EventType<>(
            "OFFERED",
            Offered.class,
            "A provider was asked about the request.",
            List.of(OFFERED_OFFER, OFFERED_PROVIDER, KIND, OFFERED_UNITS, DEADLINE, OFFERED_AGREEMENT, MATCH_PRICE),
            v -> new Offered(
                    v.seq(),
                    v.at(),
                    v.request(),
                    v.get(OFFERED_OFFER),
                    v.get(OFFERED_PROVIDER),
                    v.get(KIND),
                    v.get(OFFERED_UNITS),
                    v.get(DEADLINE),
                    v.getNullable(OFFERED_AGREEMENT),
                    v.getNullable(MATCH_PRICE)));

    // RESPONDED

    private static final Field<Responded, OfferId> RESPONDED_OFFER =
            Field.of("offer", OFFER, Responded::offer, "the offer answered");
    private static final Field<Responded, ProviderId> RESPONDED_PROVIDER =
            Field.of("provider", PROVIDER, Responded::provider, "who answered");
    private static final Field<Responded, ResponseOutcome> OUTCOME =
            Field.of("outcome", Codec.choice(ResponseOutcome.class), Responded::outcome, "the answer");
    private static final Field<Responded, Integer> RESPONDED_UNITS =
            Field.of("units", Codec.COUNT, Responded::units, "the units quoted; 0 when declined or lapsed");
    private static final Field<Responded, Money> RESPONDED_PRICE = Field.nullable(
            "unitPrice", Codec.MONEY, Responded::unitPrice, "the price quoted; null when declined or lapsed");
    private static final Field<Responded, SiteId> RESPONDED_SITE =
            Field.nullable("site", SITE, Responded::site, "where; null when declined or lapsed");
    private static final Field<Responded, Instant> RESPONDED_START =
            Field.nullable("start", Codec.INSTANT, Responded::start, "from when; null when declined or lapsed");
    private static final Field<Responded, String> RESPONDED_REASON = Field.nullable(
            "reason",
            Codec.TEXT,
            Responded::reason,
            "why it declined, why it lapsed, or why a quote that stands cannot be awarded; else null");

    public static final EventType<Responded> RESPONDED = new EventType<>(
            "RESPONDED",
            Responded.class,
            "A provider answered an offer, or the offer lapsed at its deadline.",
            List.of(
                    RESPONDED_OFFER,
                    RESPONDED_PROVIDER,
                    OUTCOME,
                    RESPONDED_UNITS,
                    RESPONDED_PRICE,
                    RESPONDED_SITE,
                    RESPONDED_START,
                    RESPONDED_REASON),
            v -> new Responded(
                    v.seq(),
                    v.at(),
                    v.request(),
                    v.get(RESPONDED_OFFER),
                    v.get(RESPONDED_PROVIDER),
                    v.get(OUTCOME),
                    v.get(RESPONDED_UNITS),
                    v.getNullable(RESPONDED_PRICE),
                    v.getNullable(RESPONDED_SITE),
                    v.getNullable(RESPONDED_START),
                    v.getNullable(RESPONDED_REASON)));

    // AWARDED

    private static final Field<Awarded, ProviderId> AWARDED_PROVIDER =
            Field.of("provider", PROVIDER, Awarded::provider, "who serves");
    private static final Field<Awarded, SiteId> AWARDED_SITE = Field.of("site", SITE, Awarded::site, "where");
    private static final Field<Awarded, AcceleratorId> AWARDED_ACCELERATOR =
            Field.of("accelerator", ACCELERATOR, Awarded::accelerator, "the chip");
    private static final Field<Awarded, Integer> AWARDED_UNITS =
            Field.of("units", Codec.COUNT, Awarded::units, "how many");
    private static final Field<Awarded, Money> AWARDED_PRICE =
            Field.of("unitPrice", Codec.MONEY, Awarded::unitPrice, "USD per unit-hour");
    private static final Field<Awarded, Instant> AWARDED_START =
            Field.of("start", Codec.INSTANT, Awarded::start, "from, inclusive");
    private static final Field<Awarded, Instant> END = Field.of("end", Codec.INSTANT, Awarded::end, "to, exclusive");
    private static final Field<Awarded, Money> COST =
            Field.of("cost", Codec.MONEY, Awarded::cost, "units x hours x unitPrice");
    private static final Field<Awarded, OfferId> AWARDED_OFFER =
            Field.of("offer", OFFER, Awarded::offer, "the offer whose quote it comes from");

    public static final EventType<Awarded> AWARDED = new EventType<>(
            "AWARDED",
            Awarded.class,
            "Capacity was granted to the request.",
            List.of(
                    AWARDED_PROVIDER,
                    AWARDED_SITE,
                    AWARDED_ACCELERATOR,
                    AWARDED_UNITS,
                    AWARDED_PRICE,
                    AWARDED_START,
                    END,
                    COST,
                    AWARDED_OFFER),
            v -> new Awarded(
                    v.seq(),
                    v.at(),
                    v.request(),
                    v.get(AWARDED_PROVIDER),
                    v.get(AWARDED_SITE),
                    v.get(AWARDED_ACCELERATOR),
                    v.get(AWARDED_UNITS),
                    v.get(AWARDED_PRICE),
                    v.get(AWARDED_START),
                    v.get(END),
                    v.get(COST),
                    v.get(AWARDED_OFFER)));

    // CLOSED

    private static final Field<Closed, TerminalState> CLOSED_OUTCOME =
            Field.of("outcome", Codec.choice(TerminalState.class), Closed::outcome, "the terminal state");
    private static final Field<Closed, Integer> CLOSED_UNITS =
            Field.of("units", Codec.COUNT, Closed::units, "the units awarded in all");
    private static final Field<Closed, String> CLOSED_REASON =
            Field.of("reason", Codec.TEXT, Closed::reason, "what happened, naming the clause or the cause");
    private static final Field<Closed, UnmetCause> CAUSE = Field.nullable(
            "cause",
            Codec.choice(UnmetCause.class, UnmetCause::code),
            Closed::cause,
            "why units went unmet, by the precedence of UnmetCause; null when none did");

    public static final EventType<Closed> CLOSED = new EventType<>(
            "CLOSED",
            Closed.class,
            "The request's last event: its terminal state.",
            List.of(CLOSED_OUTCOME, CLOSED_UNITS, CLOSED_REASON, CAUSE),
            v -> new Closed(
                    v.seq(),
                    v.at(),
                    v.request(),
                    v.get(CLOSED_OUTCOME),
                    v.get(CLOSED_UNITS),
                    v.get(CLOSED_REASON),
                    v.getNullable(CAUSE)));

    private static final List<EventType<?>> TYPES = List.of(SUBMITTED, ROUTED, OFFERED, RESPONDED, AWARDED, CLOSED);
    private static final Map<String, EventType<?>> BY_NAME = new HashMap<>();
    private static final Map<Class<?>, EventType<?>> BY_CLASS = new HashMap<>();

    static {
        for (EventType<?> type : TYPES) {
            BY_NAME.put(type.name(), type);
            BY_CLASS.put(type.type(), type);
        }
    }

    /** Every type of event, in the order of a request's life. */
    public static List<EventType<?>> types() {
        return TYPES;
    }

    /** The fields every event has, in the order they are written ({@code type} goes after {@code at}). */
    public static List<Field<TenderEvent, ?>> common() {
        return List.of(SEQ, AT, REQUEST);
    }

    /** The type named {@code name}; empty for a type this version does not know (readers skip those). */
    public static Optional<EventType<?>> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static EventType<?> of(TenderEvent event) {
        EventType<?> type = BY_CLASS.get(event.getClass());
        if (type == null) {
            // Cannot happen while TYPES lists every record of the sealed TenderEvent.
            throw new IllegalStateException(
                    "no event type for " + event.getClass().getName());
        }
        return type;
    }
}
