package dev.tender.broker;

import dev.tender.agreement.AgreementBook;
import dev.tender.agreement.Burndown;
import dev.tender.agreement.Commitment;
import dev.tender.agreement.RightOfFirstRefusal;
import dev.tender.agreement.Route;
import dev.tender.agreement.Routing;
import dev.tender.capacity.CapacityLedger;
import dev.tender.capacity.Footprint;
import dev.tender.capacity.Pool;
import dev.tender.demand.Request;
import dev.tender.demand.RequestId;
import dev.tender.event.EventSink;
import dev.tender.event.OfferId;
import dev.tender.event.ResponseOutcome;
import dev.tender.event.TenderEvent;
import dev.tender.event.TerminalState;
import dev.tender.event.UnmetCause;
import dev.tender.money.Money;
import dev.tender.provider.ProviderId;
import dev.tender.text.Figures;
import dev.tender.time.Instants;
import dev.tender.world.World;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The tender process. A request is routed by the clauses in force when it is submitted, offered
 * round by round to the providers its route names, and awarded from the quotes that come back,
 * never beyond the capacity the ledger holds free. Every step is an event.
 *
 * <p>The engine is single-threaded: callers serialise {@link #submit}, {@link #answer}, {@link
 * #cancel} and the scheduled deadlines (the simulator does by construction; a live adapter does
 * with a lock or a single thread).
 */
public final class Broker implements OfferDesk {

    private final World world;
    private Routing routing;
    private final Footprint footprint;
    private final CapacityLedger ledger;
    private final Map<ProviderId, Responder> responders;
    private final Clock clock;
    private final Scheduler scheduler;
    private final EventSink sink;
    private final Burndown burndown;
    private final Map<RequestId, Tender> open = new HashMap<>();
    private long seq;

    /** {@code footprint} is the world's, shared with the responders that were built from it. */
    public Broker(
            World world,
            Footprint footprint,
            CapacityLedger ledger,
            Map<ProviderId, Responder> responders,
            Clock clock,
            Scheduler scheduler,
            EventSink sink) {
        this.world = world;
        this.footprint = footprint;
        this.routing =
                new Routing(world.agreements(), footprint, world.defaults().offerWindow());
        this.ledger = ledger;
        this.responders = new HashMap<>(responders);
        this.clock = clock;
        this.scheduler = scheduler;
        this.sink = sink;
        this.burndown = new Burndown(world.agreements().commitments());
        for (var provider : world.providers()) {
            if (this.responders.get(provider.id()) == null) {
                throw new IllegalArgumentException("provider " + provider.id() + " has no responder");
            }
        }
    }

    /**
     * The clauses from now on, when they change while the engine runs: a request submitted from now
     * is routed by {@code book}; a tender under way keeps the route it was given. Commitments keep
     * what was spent toward them (see {@link Burndown#track}).
     */
    public void agreementsChanged(AgreementBook book) {
        routing = new Routing(book, footprint, world.defaults().offerWindow());
        burndown.track(book.commitments());
    }

    /** The commitments' burn-down as the engine keeps it for rule 4; the live dashboard shows it. */
    public Burndown burndown() {
        return burndown;
    }

    /** Requests whose tender has not closed yet; the tests check that a closed tender leaves nothing behind. */
    public int openTenders() {
        return open.size();
    }

    /**
     * Takes a request in and starts its tender. A request for an unknown accelerator or workload,
     * or one that asks to start before it was submitted, is logged and closed {@code REJECTED}; one
     * whose id is still open is refused and not logged.
     */
    public Reply submit(Request request) {
        if (open.containsKey(request.id())) {
            return new Reply.Refused("request " + request.id() + " is already open");
        }
        Instant now = clock.instant();
        emit(new TenderEvent.Submitted(++seq, now, request));
        Optional<String> invalid = invalidity(request, now);
        if (invalid.isPresent()) {
            emit(new TenderEvent.Closed(
                    ++seq, now, request.id(), TerminalState.REJECTED, 0, invalid.get(), UnmetCause.WITHDRAWN));
            return Reply.RECEIVED;
        }
        Route route = routing.route(request, now);
        emit(new TenderEvent.Routed(
                ++seq, now, request.id(), route.kind(), route.agreements(), route.eligible(), route.reason()));
        Tender tender = new Tender(request, route, now);
        open.put(request.id(), tender);
        start(tender);
        return Reply.RECEIVED;
    }

    private Optional<String> invalidity(Request request, Instant now) {
        if (!world.accelerators().containsKey(request.accelerator())) {
            return Optional.of("unknown accelerator " + request.accelerator());
        }
        if (!world.workloads().contains(request.workload())) {
            return Optional.of("unknown workload class " + request.workload());
        }
        if (request.start().isBefore(now)) {
            return Optional.of("start " + Instants.iso(request.start()) + " is before the request was submitted at "
                    + Instants.iso(now));
        }
        return Optional.empty();
    }

    private void start(Tender tender) {
        Route route = tender.route;
        if (route.eligible().isEmpty()) {
            tender.notes.add(route::reason);
            close(tender, route instanceof Route.ToExclusive ? UnmetCause.EXCLUSIVE : UnmetCause.NO_PROVIDER);
        } else if (route instanceof Route.ToExclusive exclusive) {
            ask(tender, Invitation.exclusive(exclusive));
        } else if (route instanceof Route.FirstLook firstLook) {
            ask(tender, Invitation.holderAlone(firstLook.right()));
        } else if (route instanceof Route.Match match && match.market().isEmpty()) {
            ask(tender, Invitation.holderAlone(match.right()));
        } else if (route instanceof Route.Match match) {
            askMarket(tender, match.market());
        } else {
            askMarket(tender, route.eligible());
        }
    }

    private void askMarket(Tender tender, List<ProviderId> market) {
        ask(tender, Invitation.market(market, world.defaults().rfqWindow()));
    }

    private void ask(Tender tender, Invitation invitation) {
        Instant now = clock.instant();
        Tender.Round round = new Tender.Round(invitation.kind(), now.plus(invitation.window()));
        tender.round = round;
        Quote toMatch = invitation.toMatch();
        Money matchPrice = toMatch == null ? null : toMatch.unitPrice();
        Instant matchStart = toMatch == null ? null : toMatch.start();
        for (ProviderId provider : invitation.providers()) {
            Offer offer = new Offer(
                    OfferId.of(tender.request.id(), ++tender.offersMade),
                    tender.request,
                    provider,
                    invitation.kind(),
                    tender.remaining(),
                    now,
                    round.deadline,
                    invitation.agreement(),
                    matchPrice,
                    matchStart,
                    invitation.partialAllowed());
            Tender.Asked asked = new Tender.Asked(tender, round, offer, this);
            round.asked.add(asked);
            emit(new TenderEvent.Offered(
                    ++seq,
                    now,
                    tender.request.id(),
                    offer.id(),
                    provider,
                    offer.kind(),
                    offer.units(),
                    offer.deadline(),
                    offer.agreement(),
                    matchPrice));
        }
        round.pending = round.asked.size();
        // Responders hear of their offers before the deadline is scheduled, so an answer due at
        // the very deadline is taken rather than lapsed.
        for (Tender.Asked asked : round.asked) {
            responderOf(asked.offer.provider()).offered(asked.offer, asked);
        }
        scheduler.at(round.deadline, () -> deadlinePassed(tender, round));
    }

    private Responder responderOf(ProviderId provider) {
        Responder responder = responders.get(provider);
        if (responder == null) {
            // The constructor checked that every provider of the world has one.
            throw new IllegalStateException("provider " + provider + " has no responder");
        }
        return responder;
    }

    @Override
    public Reply answer(OfferId offerId, Answer answer) {
        Tender tender = open.get(offerId.request());
        Tender.Asked asked = tender == null ? null : tender.openOffer(offerId.number());
        if (asked == null) {
            return new Reply.Closed("offer " + offerId + " is not open: unknown, already answered, lapsed or closed");
        }
        return answer(asked, answer);
    }

    /** Takes the answer to {@code asked}, when it is still open. */
    Reply answer(Tender.Asked asked, Answer answer) {
        Offer offer = asked.offer;
        if (!asked.isOpen()) {
            return new Reply.Closed("offer " + offer.id() + " is not open: already answered, lapsed or closed");
        }
        if (clock.instant().isAfter(offer.deadline())) {
            return new Reply.Closed("offer " + offer.id() + " closed at " + offer.deadline());
        }
        if (answer instanceof Answer.Decline decline) {
            return decline(asked, decline);
        }
        return take(asked, (Answer.Take) answer);
    }

    private Reply decline(Tender.Asked asked, Answer.Decline decline) {
        Offer offer = asked.offer;
        Tender tender = asked.tender;
        tender.notes.add(() -> offer.provider() + " declined: " + decline.reason());
        responded(asked, ResponseOutcome.DECLINED, null, decline.reason());
        answered(asked);
        return Reply.RECEIVED;
    }

    private Reply take(Tender.Asked asked, Answer.Take take) {
        Offer offer = asked.offer;
        Request request = offer.request();
        Optional<String> malformed = Quotes.malformed(offer, take);
        if (malformed.isPresent()) {
            return new Reply.Refused(malformed.get());
        }
        Optional<Pool> found = footprint.poolAt(offer.provider(), take.site(), request.accelerator());
        if (found.isEmpty()) {
            return new Reply.Refused(
                    "site " + take.site() + " has no " + request.accelerator() + " pool of " + offer.provider());
        }
        Pool pool = found.get();
        if (!request.allowsRegion(pool.region())) {
            return new Reply.Refused(
                    "site " + take.site() + " is in " + pool.region() + ", a region the request does not allow");
        }
        Instant end = take.start().plusSeconds(request.seconds());
        Optional<Quotes.Refusal> refusal = Quotes.refusal(offer, take);
        // Only a quote that could be awarded holds capacity; a refused one is recorded and holds nothing.
        if (refusal.isEmpty() && !ledger.hold(pool, take.units(), take.start(), end)) {
            return new Reply.Refused("site " + take.site() + " does not have " + take.units() + " "
                    + request.accelerator() + " free from " + take.start() + " to " + end);
        }
        record(
                asked,
                new Quote(offer, pool, take.units(), take.unitPrice(), take.start(), end, refusal.isEmpty()),
                refusal);
        return Reply.RECEIVED;
    }

    /** {@code refusal} is present exactly when the quote is not awardable. */
    private void record(Tender.Asked asked, Quote quote, Optional<Quotes.Refusal> refusal) {
        Offer offer = asked.offer;
        Tender tender = asked.tender;
        asked.round.quotes.add(quote);
        if (refusal.isEmpty()) {
            tender.held.add(quote);
        } else {
            Quotes.Refusal why = refusal.get();
            tender.notes.add(() -> offer.provider() + "'s quote was refused: " + why.reason());
            if (why.overMaxPrice()) {
                tender.overPrice++;
            }
        }
        ResponseOutcome outcome = quote.units() == offer.units() ? ResponseOutcome.ACCEPTED : ResponseOutcome.PARTIAL;
        if (outcome == ResponseOutcome.PARTIAL) {
            tender.notes.add(() -> offer.provider() + " offered " + Figures.whole(quote.units()) + " of "
                    + Figures.whole(offer.units()));
        }
        responded(asked, outcome, quote, refusal.map(Quotes.Refusal::reason).orElse(null));
        answered(asked);
    }

    /** Marks the offer answered and logs how: with the quote's terms, or none when declined or lapsed. */
    private void responded(
            Tender.Asked asked, ResponseOutcome outcome, @Nullable Quote quote, @Nullable String reason) {
        asked.answered = true;
        Offer offer = asked.offer;
        emit(new TenderEvent.Responded(
                ++seq,
                clock.instant(),
                asked.tender.request.id(),
                offer.id(),
                offer.provider(),
                outcome,
                quote == null ? 0 : quote.units(),
                quote == null ? null : quote.unitPrice(),
                quote == null ? null : quote.pool().site().id(),
                quote == null ? null : quote.start(),
                reason));
    }

    private void answered(Tender.Asked asked) {
        Tender.Round round = asked.round;
        round.pending--;
        if (round.pending == 0 && asked.tender.round == round) {
            finishRound(asked.tender, round);
        }
    }

    private void deadlinePassed(Tender tender, Tender.Round round) {
        if (tender.round != round || round.pending == 0) {
            return;
        }
        for (Tender.Asked asked : round.asked) {
            if (!asked.answered) {
                tender.lapses++;
                tender.notes.add(() -> asked.offer.provider() + " did not answer by " + round.deadline);
                responded(asked, ResponseOutcome.LAPSED, null, "no answer by the deadline");
            }
        }
        round.pending = 0;
        finishRound(tender, round);
    }

    /**
     * What follows a round depends on the kind of offers it made and the request's route: the
     * market after a first look, the holder's match after a match right's market, else the awards.
     */
    private void finishRound(Tender tender, Tender.Round round) {
        Route route = tender.route;
        switch (round.kind) {
            case EXCLUSIVE -> {
                awardInRankOrder(tender, round.quotes);
                close(tender, UnmetCause.EXCLUSIVE);
            }
            case ROFR -> {
                if (route instanceof Route.FirstLook firstLook) {
                    afterFirstLook(tender, firstLook, round.quotes);
                } else {
                    awardInRankOrder(tender, round.quotes);
                    close(tender, null);
                }
            }
            case RFQ -> {
                if (route instanceof Route.Match match) {
                    afterMatchMarket(tender, match, round.quotes);
                } else {
                    awardInRankOrder(tender, round.quotes);
                    close(tender, null);
                }
            }
            case MATCH -> afterMatch(tender, round.quotes);
        }
    }

    private void afterFirstLook(Tender tender, Route.FirstLook route, List<Quote> holderQuotes) {
        awardInRankOrder(tender, holderQuotes);
        if (tender.remaining() == 0 || route.market().isEmpty()) {
            if (tender.remaining() > 0) {
                tender.notes.add(() -> "no one but " + route.right().holder() + " can serve the rest");
            }
            close(tender, null);
            return;
        }
        askMarket(tender, route.market());
    }

    private void afterMatchMarket(Tender tender, Route.Match route, List<Quote> marketQuotes) {
        Optional<Quote> best = Quotes.best(marketQuotes);
        RightOfFirstRefusal right = route.right();
        if (best.isEmpty()) {
            tender.notes.add(() -> "the market gave no quote, so " + right.holder() + " was asked on its own terms");
            ask(tender, Invitation.holderAlone(right));
            return;
        }
        ask(tender, Invitation.match(right, best.get()));
    }

    /** Matched units first, then the market quotes still held, in rank order. */
    private void afterMatch(Tender tender, List<Quote> holderQuotes) {
        awardInRankOrder(tender, holderQuotes);
        awardInRankOrder(tender, new ArrayList<>(tender.held));
        close(tender, null);
    }

    private void awardInRankOrder(Tender tender, List<Quote> quotes) {
        Instant now = clock.instant();
        List<Quotes.Ranked> ranked = Quotes.inRankOrder(quotes, burndown, tender.request, tender.submitted);
        for (Commitment commitment : Quotes.decidingCommitments(ranked, tender.remaining())) {
            if (!tender.rankedBy.contains(commitment)) {
                tender.rankedBy.add(commitment);
            }
        }
        for (Quotes.Ranked rank : ranked) {
            Quote quote = rank.quote();
            int units = Math.min(quote.units(), tender.remaining());
            if (units > 0) {
                award(tender, quote, units, now);
            }
            if (units < quote.units()) {
                ledger.release(quote.pool(), quote.units() - units, quote.start(), quote.end());
            }
            tender.release(quote);
        }
    }

    private void award(Tender tender, Quote quote, int units, Instant now) {
        Request request = tender.request;
        Money cost = quote.unitPrice().times(units).times(request.hours());
        ProviderId provider = quote.offer().provider();
        tender.awarded += units;
        tender.awards.add(new Tender.Awarded(provider, units, quote.unitPrice()));
        burndown.record(provider, request, quote.unitPrice(), units, quote.start(), quote.end(), now);
        emit(new TenderEvent.Awarded(
                ++seq,
                now,
                request.id(),
                provider,
                quote.pool().site().id(),
                request.accelerator(),
                units,
                quote.unitPrice(),
                quote.start(),
                quote.end(),
                cost,
                quote.offer().id()));
    }

    /**
     * Cancels an open request: its offers close, its held quotes are released; awards already
     * made stand. False when no such request is open.
     */
    public boolean cancel(RequestId id, String why) {
        Tender tender = open.get(id);
        if (tender == null) {
            return false;
        }
        tender.notes.add(() -> "cancelled: " + why);
        closeAs(tender, TerminalState.CANCELLED, UnmetCause.WITHDRAWN);
        return true;
    }

    /** {@code shortfallCause} is the cause the round knows of, if any; else {@link #causeOf} finds one. */
    private void close(Tender tender, @Nullable UnmetCause shortfallCause) {
        TerminalState state = tender.awarded == tender.request.units()
                ? TerminalState.FULFILLED
                : tender.awarded > 0 ? TerminalState.PARTIAL : TerminalState.UNFULFILLED;
        closeAs(tender, state, state == TerminalState.FULFILLED ? null : causeOf(tender, shortfallCause));
    }

    /**
     * Why units went unmet, by one precedence (the first that applies): the exclusive clause that
     * allowed one seller; no provider able to serve; a provider asked that never answered (it might
     * have had the units); a quote refused for its price; else the providers had no more capacity.
     */
    private static UnmetCause causeOf(Tender tender, @Nullable UnmetCause given) {
        if (given != null) {
            return given;
        }
        if (tender.lapses > 0) {
            return UnmetCause.NO_ANSWER;
        }
        if (tender.overPrice > 0) {
            return UnmetCause.OVER_MAX_PRICE;
        }
        return UnmetCause.NO_CAPACITY;
    }

    private void closeAs(Tender tender, TerminalState state, @Nullable UnmetCause cause) {
        for (Quote quote : tender.held) {
            ledger.release(quote.pool(), quote.units(), quote.start(), quote.end());
        }
        tender.held.clear();
        tender.round = null;
        open.remove(tender.request.id());
        emit(new TenderEvent.Closed(
                ++seq,
                clock.instant(),
                tender.request.id(),
                state,
                tender.awarded,
                Closing.reason(tender, state, cause),
                cause));
    }

    private void emit(TenderEvent event) {
        sink.accept(event);
    }
}
