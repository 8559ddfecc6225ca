package dev.tender.server.node;

import dev.tender.demand.Request;
import dev.tender.demand.RequestId;
import dev.tender.demand.TenantId;
import dev.tender.event.OfferId;
import dev.tender.event.TenderEvent;
import dev.tender.eventlog.EventLines;
import dev.tender.eventlog.EventLogReader;
import dev.tender.money.Money;
import dev.tender.provider.ProviderId;
import dev.tender.store.CommandLog;
import dev.tender.store.StoredEvent;
import dev.tender.store.StoredRequest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every request as its events tell it, for the API to read: its state, offers and awards. Open
 * requests are kept in memory, with the last few that closed; the store answers for
 * the others (its request index and their events), so memory does not grow with the log. The
 * writer applies events after they are stored; readers on other threads get immutable views.
 */
public final class RequestBook {

    /** A request's events so far, by kind; its state is {@code OPEN} until it closes. */
    public record RequestView(
            TenderEvent.Submitted submitted,
            TenderEvent.@Nullable Routed routed,
            List<OfferView> offers,
            List<TenderEvent.Awarded> awards,
            TenderEvent.@Nullable Closed closed) {

        public RequestView {
            Objects.requireNonNull(submitted, "submitted");
            offers = List.copyOf(offers);
            awards = List.copyOf(awards);
        }

        public Request request() {
            return submitted.details();
        }

        public boolean isOpen() {
            return closed == null;
        }

        public String state() {
            return closed == null ? OPEN : closed.outcome().name();
        }

        public int unitsAwarded() {
            return awards.stream().mapToInt(TenderEvent.Awarded::units).sum();
        }

        public Money cost() {
            return awards.stream().map(TenderEvent.Awarded::cost).reduce(Money.ZERO, Money::plus);
        }

        RequestView with(List<OfferView> newOffers) {
            return new RequestView(submitted, routed, newOffers, awards, closed);
        }
    }

    /**
     * One offer and what became of it: {@code OPEN}, the provider's outcome, or {@code CLOSED} when
     * its request closed before it was answered.
     */
    public record OfferView(TenderEvent.Offered offered, TenderEvent.@Nullable Responded response, boolean closed) {

        public OfferView {
            Objects.requireNonNull(offered, "offered");
        }

        public OfferId id() {
            return offered.offer();
        }

        public ProviderId provider() {
            return offered.provider();
        }

        public Instant deadline() {
            return offered.deadline();
        }

        public String state() {
            return response != null ? response.outcome().name() : closed ? CLOSED : OPEN;
        }

        public boolean isOpen() {
            return response == null && !closed;
        }
    }

    /** An offer with the request it asks about. */
    public record OfferOnRequest(OfferView offer, Request request) {}

    private static final String OPEN = "OPEN";
    private static final String CLOSED = "CLOSED";
    /** Closed requests a node keeps in memory: those a client most likely reads next, above all the one just answered. */
    static final int RECENT = 10_000;
    /** Answers kept per provider for its desk: the last few, since a replay fills them again. */
    static final int ANSWERS_KEPT = 100;

    private final CommandLog log;
    private final Map<RequestId, Kept> open = new HashMap<>();
    private final Map<RequestId, RequestView> recent;
    private final Map<ProviderId, Set<OfferId>> openOffers = new HashMap<>();
    private final Map<ProviderId, Deque<OfferId>> answered = new HashMap<>();
    private long count;

    /** An open request, with the seq that orders it among the others. */
    private record Kept(long seq, RequestView view) {}

    /** A book over {@code log}, keeping the last {@code recentClosed} closed requests in memory. */
    RequestBook(CommandLog log, int recentClosed) {
        this.log = log;
        this.recent = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<RequestId, RequestView> eldest) {
                return size() > recentClosed;
            }
        };
    }

    /**
     * The request rows {@code events} change in the store's index: one for each request they
     * submit, with its state at the end of them, and one for each request they close.
     */
    public synchronized List<StoredRequest> rows(List<TenderEvent> events) {
        Map<RequestId, StoredRequest> rows = new LinkedHashMap<>();
        for (TenderEvent event : events) {
            if (event instanceof TenderEvent.Submitted submitted) {
                Request request = submitted.details();
                rows.put(
                        request.id(),
                        new StoredRequest(
                                submitted.seq(),
                                request.id().value(),
                                request.tenant().value(),
                                OPEN));
            } else if (event instanceof TenderEvent.Closed closed) {
                StoredRequest row = rows.get(closed.request());
                if (row == null) {
                    Kept kept = open.get(closed.request());
                    if (kept == null) {
                        throw new IllegalStateException(closed.request() + " closes but is not open");
                    }
                    row = new StoredRequest(
                            kept.seq(),
                            closed.request().value(),
                            kept.view().request().tenant().value(),
                            OPEN);
                }
                rows.put(closed.request(), row.in(closed.outcome().name()));
            }
        }
        return List.copyOf(rows.values());
    }

    /** Takes in stored events: open requests change, closed ones leave for the recent few. */
    public synchronized void apply(List<TenderEvent> events) {
        for (TenderEvent event : events) {
            if (event instanceof TenderEvent.Submitted submitted) {
                count++;
                open.put(
                        submitted.request(),
                        new Kept(submitted.seq(), new RequestView(submitted, null, List.of(), List.of(), null)));
                continue;
            }
            Kept kept = open.get(event.request());
            if (kept == null) {
                throw new IllegalStateException(
                        "event " + event.seq() + " is about " + event.request() + ", which is not open");
            }
            track(event, kept.view());
            RequestView next = next(kept.view(), event);
            if (next.isOpen()) {
                open.put(event.request(), new Kept(kept.seq(), next));
            } else {
                open.remove(event.request());
                recent.put(event.request(), next);
            }
        }
    }

    /** Keeps the index of offers open to each provider. */
    private void track(TenderEvent event, RequestView view) {
        if (event instanceof TenderEvent.Offered offered) {
            openOffers
                    .computeIfAbsent(offered.provider(), p -> new LinkedHashSet<>())
                    .add(offered.offer());
        } else if (event instanceof TenderEvent.Responded responded) {
            forget(responded.provider(), responded.offer());
            Deque<OfferId> answers = answered.computeIfAbsent(responded.provider(), p -> new ArrayDeque<>());
            answers.addFirst(responded.offer());
            if (answers.size() > ANSWERS_KEPT) {
                answers.removeLast();
            }
        } else if (event instanceof TenderEvent.Closed) {
            view.offers().stream().filter(OfferView::isOpen).forEach(offer -> forget(offer.provider(), offer.id()));
        }
    }

    /** The request as {@code event} leaves it. */
    private static RequestView next(RequestView view, TenderEvent event) {
        if (event instanceof TenderEvent.Routed routed) {
            return new RequestView(view.submitted(), routed, view.offers(), view.awards(), null);
        }
        if (event instanceof TenderEvent.Offered offered) {
            return view.with(appended(view.offers(), new OfferView(offered, null, false)));
        }
        if (event instanceof TenderEvent.Responded responded) {
            return view.with(view.offers().stream()
                    .map(offer -> offer.id().equals(responded.offer())
                            ? new OfferView(offer.offered(), responded, false)
                            : offer)
                    .toList());
        }
        if (event instanceof TenderEvent.Awarded awarded) {
            return new RequestView(
                    view.submitted(), view.routed(), view.offers(), appended(view.awards(), awarded), null);
        }
        TenderEvent.Closed closed = (TenderEvent.Closed) event;
        List<OfferView> offers = view.offers().stream()
                .map(offer -> offer.isOpen() ? new OfferView(offer.offered(), null, true) : offer)
                .toList();
        return new RequestView(view.submitted(), view.routed(), offers, view.awards(), closed);
    }

    private void forget(ProviderId provider, OfferId offer) {
        Set<OfferId> offers = openOffers.get(provider);
        if (offers != null) {
            offers.remove(offer);
        }
    }

    private static <T> List<T> appended(List<T> list, T item) {
        List<T> longer = new ArrayList<>(list);
        longer.add(item);
        return longer;
    }

    public Optional<RequestView> find(RequestId id) {
        Optional<RequestView> kept = inMemory(id);
        if (kept.isPresent()) {
            return kept;
        }
        return Optional.ofNullable(fromStore(List.of(id)).get(id));
    }

    private synchronized Optional<RequestView> inMemory(RequestId id) {
        Kept kept = open.get(id);
        return Optional.ofNullable(kept != null ? kept.view() : recent.get(id));
    }

    /** The requests told by their stored events; one not stored is missing from the map. */
    private Map<RequestId, RequestView> fromStore(List<RequestId> ids) {
        Map<RequestId, RequestView> views = new HashMap<>();
        for (StoredEvent stored :
                log.eventsOf(ids.stream().map(RequestId::value).toList())) {
            TenderEvent event = parsed(stored);
            RequestId id = event.request();
            if (event instanceof TenderEvent.Submitted submitted) {
                views.put(id, new RequestView(submitted, null, List.of(), List.of(), null));
            } else if (views.containsKey(id)) {
                views.put(id, next(views.get(id), event));
            }
        }
        return views;
    }

    private static TenderEvent parsed(StoredEvent stored) {
        try {
            return EventLines.parse(stored.line())
                    .orElseThrow(() -> new IllegalStateException(
                            "stored event " + stored.seq() + " is of a type this version does not know"));
        } catch (EventLogReader.MalformedLog e) {
            throw new IllegalStateException("stored event " + stored.seq() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Up to {@code limit} requests submitted after {@code after} (null: from the first), of {@code
     * tenant} and in {@code state} where given, in submission order. An unknown {@code after} ends
     * the list.
     */
    public List<RequestView> page(
            @Nullable TenantId tenant, @Nullable String state, @Nullable RequestId after, int limit) {
        long from = 0;
        if (after != null) {
            Optional<StoredRequest> cursor = log.request(after.value());
            if (cursor.isEmpty()) {
                return List.of();
            }
            from = cursor.get().seq();
        }
        List<RequestId> ids = log.requests(tenant == null ? null : tenant.value(), state, from, limit).stream()
                .map(row -> new RequestId(row.id()))
                .toList();
        Map<RequestId, RequestView> views = views(ids);
        return ids.stream().map(views::get).filter(Objects::nonNull).toList();
    }

    /** The requests kept in memory from there, the others read from the store in one go. */
    private Map<RequestId, RequestView> views(Collection<RequestId> ids) {
        Map<RequestId, RequestView> views = new HashMap<>();
        List<RequestId> elsewhere = new ArrayList<>();
        for (RequestId id : ids) {
            inMemory(id).ifPresentOrElse(view -> views.put(id, view), () -> elsewhere.add(id));
        }
        views.putAll(fromStore(elsewhere));
        return views;
    }

    /** The offers open to {@code provider}, oldest first. */
    public synchronized List<OfferOnRequest> openOffers(ProviderId provider) {
        List<OfferOnRequest> offers = new ArrayList<>();
        openOffers.getOrDefault(provider, Set.of()).forEach(id -> offer(id).ifPresent(offers::add));
        return offers;
    }

    /** The last offers {@code provider} answered (or let lapse), newest first, up to {@value #ANSWERS_KEPT}. */
    public List<OfferOnRequest> answeredOffers(ProviderId provider) {
        List<OfferId> ids;
        synchronized (this) {
            ids = List.copyOf(answered.getOrDefault(provider, new ArrayDeque<>()));
        }
        Map<RequestId, RequestView> views =
                views(new LinkedHashSet<>(ids.stream().map(OfferId::request).toList()));
        List<OfferOnRequest> offers = new ArrayList<>();
        for (OfferId id : ids) {
            RequestView view = views.get(id.request());
            if (view != null) {
                offerIn(view, id).ifPresent(offers::add);
            }
        }
        return offers;
    }

    /** The offer and the request it asks about, whatever its state. */
    public Optional<OfferOnRequest> offer(OfferId id) {
        return find(id.request()).flatMap(view -> offerIn(view, id));
    }

    private static Optional<OfferOnRequest> offerIn(RequestView view, OfferId id) {
        return view.offers().stream()
                .filter(offer -> offer.id().equals(id))
                .findFirst()
                .map(offer -> new OfferOnRequest(offer, view.request()));
    }

    /** How many requests were ever submitted. */
    public synchronized long size() {
        return count;
    }
}
