package dev.tender.server.node;

import dev.tender.demand.Request;
import dev.tender.demand.RequestId;
import dev.tender.event.OfferId;
import dev.tender.event.TenderEvent;
import dev.tender.money.Money;
import dev.tender.provider.ProviderId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Every request as its events tell it, kept for the API to read: its state, offers and awards.
 * The writer applies events after they are stored; readers on other threads get immutable views.
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

    private final Map<RequestId, RequestView> byId = new HashMap<>();
    private final List<RequestId> inOrder = new ArrayList<>();
    private final Map<RequestId, Integer> positions = new HashMap<>();
    private final Map<ProviderId, Set<OfferId>> openOffers = new HashMap<>();

    public synchronized void apply(List<TenderEvent> events) {
        events.forEach(this::apply);
    }

    private void apply(TenderEvent event) {
        if (event instanceof TenderEvent.Submitted submitted) {
            byId.put(submitted.request(), new RequestView(submitted, null, List.of(), List.of(), null));
            positions.put(submitted.request(), inOrder.size());
            inOrder.add(submitted.request());
            return;
        }
        RequestView view = byId.get(event.request());
        if (view == null) {
            throw new IllegalStateException(
                    "event " + event.seq() + " is about " + event.request() + ", never submitted");
        }
        byId.put(event.request(), next(view, event));
    }

    private RequestView next(RequestView view, TenderEvent event) {
        if (event instanceof TenderEvent.Routed routed) {
            return new RequestView(view.submitted(), routed, view.offers(), view.awards(), null);
        }
        if (event instanceof TenderEvent.Offered offered) {
            openOffers
                    .computeIfAbsent(offered.provider(), p -> new LinkedHashSet<>())
                    .add(offered.offer());
            return view.with(appended(view.offers(), new OfferView(offered, null, false)));
        }
        if (event instanceof TenderEvent.Responded responded) {
            forget(responded.provider(), responded.offer());
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
        List<OfferView> offers = new ArrayList<>();
        for (OfferView offer : view.offers()) {
            if (offer.isOpen()) {
                forget(offer.provider(), offer.id());
                offer = new OfferView(offer.offered(), null, true);
            }
            offers.add(offer);
        }
        return new RequestView(view.submitted(), view.routed(), offers, view.awards(), closed);
    }

    private void forget(ProviderId provider, OfferId offer) {
        Set<OfferId> open = openOffers.get(provider);
        if (open != null) {
            open.remove(offer);
        }
    }

    private static <T> List<T> appended(List<T> list, T item) {
        List<T> longer = new ArrayList<>(list);
        longer.add(item);
        return longer;
    }

    public synchronized Optional<RequestView> find(RequestId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The requests after {@code after} (by submission; null: from the first) that pass {@code filter}, at most {@code limit}. */
    public synchronized List<RequestView> page(@Nullable RequestId after, int limit, Predicate<RequestView> filter) {
        int from = 0;
        if (after != null) {
            Integer position = positions.get(after);
            from = position == null ? inOrder.size() : position + 1;
        }
        List<RequestView> page = new ArrayList<>();
        for (int i = from; i < inOrder.size() && page.size() < limit; i++) {
            RequestView view = byId.get(inOrder.get(i));
            if (view != null && filter.test(view)) {
                page.add(view);
            }
        }
        return page;
    }

    /** The offers open to {@code provider}, oldest first. */
    public synchronized List<OfferOnRequest> openOffers(ProviderId provider) {
        List<OfferOnRequest> offers = new ArrayList<>();
        openOffers.getOrDefault(provider, Set.of()).forEach(id -> offer(id).ifPresent(offers::add));
        return offers;
    }

    /** The offer and the request it asks about, whatever its state. */
    public synchronized Optional<OfferOnRequest> offer(OfferId id) {
        return find(id.request()).flatMap(view -> view.offers().stream()
                .filter(offer -> offer.id().equals(id))
                .findFirst()
                .map(offer -> new OfferOnRequest(offer, view.request())));
    }

    public synchronized int size() {
        return inOrder.size();
    }
}
