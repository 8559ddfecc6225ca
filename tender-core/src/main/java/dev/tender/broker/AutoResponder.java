package dev.tender.broker;

import dev.tender.capacity.CapacityLedger;
import dev.tender.capacity.Footprint;
import dev.tender.capacity.Pool;
import dev.tender.capacity.TimeGrid;
import dev.tender.capacity.Window;
import dev.tender.demand.Request;
import dev.tender.event.OfferKind;
import dev.tender.money.Money;
import dev.tender.provider.Provider;
import dev.tender.provider.ResponderSpec;
import dev.tender.time.Instants;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A provider that answers by a fixed, documented rule, so simulations are deterministic:
 *
 * <ul>
 *   <li>It answers {@code after} the offer was made; if that is past the deadline it stays silent
 *       and the offer lapses.
 *   <li>It quotes its list price for the accelerator; on a {@code MATCH} offer it matches at the
 *       match price when it has the capacity by the best market start, and declines otherwise.
 *   <li>It takes at most {@code share} of the units free in a pool over the requested window.
 *   <li>It looks through its pools in allowed regions for the earliest start within {@code flex}
 *       at which it can take every unit offered: the requested start if any pool has room then,
 *       else the first bucket boundary where one has. Pools are tried in site-id order, beginning
 *       with the pool it served from last (so it fills one site before the next), and the first
 *       tried wins a tie. When no start works and the offer allows part, it takes what it can at
 *       the requested start, from the pool with the most room. Otherwise it declines and says why.
 * </ul>
 */
public final class AutoResponder implements Responder {

    private final Provider provider;
    private final ResponderSpec.Auto spec;
    private final Footprint footprint;
    private final CapacityLedger ledger;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Map<Reach, Candidates> candidates = new HashMap<>();
    private Reach lastReach;
    private Candidates lastCandidates;

    public AutoResponder(
            Provider provider,
            ResponderSpec.Auto spec,
            Footprint footprint,
            CapacityLedger ledger,
            Clock clock,
            Scheduler scheduler) {
        this.provider = provider;
        this.spec = spec;
        this.footprint = footprint;
        this.ledger = ledger;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    @Override
    public void offered(Offer offer, OfferDesk desk) {
        Instant when = spec.after().addTo(clock.instant());
        if (when.isAfter(offer.deadline())) {
            return;
        }
        scheduler.at(when, () -> {
            Reply reply = desk.answer(offer.id(), decide(offer));
            // A closed offer (its request was cancelled meanwhile) needs no answer; a refusal means
            // this rule answered something the engine cannot honour, which is a bug.
            if (reply instanceof Reply.Refused refused) {
                throw new IllegalStateException(
                        "auto responder of " + provider.id() + " was refused: " + refused.reason());
            }
        });
    }

    /** The answer this responder gives to {@code offer} against the ledger as it stands now. */
    public Answer decide(Offer offer) {
        Request request = offer.request();
        Optional<Money> listPrice = provider.prices().priceOf(request.accelerator());
        if (listPrice.isEmpty()) {
            return new Answer.Decline("no price for " + request.accelerator());
        }
        Money price = offer.kind() == OfferKind.MATCH ? offer.matchPrice() : listPrice.get();
        Candidates candidates = candidates(request);
        Window window = ledger.grid().cover(request.start(), request.seconds());
        Optional<Answer.Take> whole = earliestWhole(offer, candidates, window, price);
        if (whole.isPresent()) {
            return whole.get();
        }
        if (offer.partialAllowed()) {
            Optional<Answer.Take> part = largestPartAtStart(offer, candidates.pools, window, price);
            if (part.isPresent()) {
                return part.get();
            }
        }
        return new Answer.Decline("no " + offer.units() + " " + request.accelerator() + " free between "
                + Instants.iso(request.start()) + " and " + Instants.iso(offer.latestStart()) + " for "
                + request.hours() + "h");
    }

    /** The pools that can serve requests of one accelerator and region list, and which to try first. */
    private static final class Candidates {
        final List<Pool> pools;
        /** The pool served from last: a full pool is then not tried again and again. */
        int next;

        Candidates(List<Pool> pools) {
            this.pools = pools;
        }
    }

    private record Reach(String accelerator, List<String> regions) {}

    private Candidates candidates(Request request) {
        // A provider mostly hears of requests for the same accelerator and regions as the last one.
        if (lastCandidates != null
                && lastReach.accelerator().equals(request.accelerator())
                && lastReach.regions().equals(request.regions())) {
            return lastCandidates;
        }
        lastReach = new Reach(request.accelerator(), request.regions());
        lastCandidates = candidatesFor(request);
        return lastCandidates;
    }

    private Candidates candidatesFor(Request request) {
        return candidates.computeIfAbsent(
                new Reach(request.accelerator(), request.regions()),
                reach -> new Candidates(footprint.poolsOf(provider.id(), reach.accelerator()).stream()
                        .filter(pool -> request.allowsRegion(pool.region()))
                        .toList()));
    }

    private Optional<Answer.Take> earliestWhole(Offer offer, Candidates candidates, Window window, Money price) {
        Request request = offer.request();
        List<Pool> pools = candidates.pools;
        long needed = unitsFreeFor(offer.units());
        int count = pools.size();
        for (int k = 0; k < count; k++) {
            int position = (candidates.next + k) % count;
            if (ledger.fits(pools.get(position), needed, window)) {
                return Optional.of(take(offer, candidates, position, price, request.start()));
            }
        }
        // Nothing at the requested start: a later bucket boundary, each pool only trying to beat the best so far.
        TimeGrid grid = ledger.grid();
        long soonest = window.from() + 1;
        long span = grid.span(request.seconds());
        int bestPosition = -1;
        long best = grid.floor(offer.latestStart()) + 1;
        for (int k = 0; k < count && best > soonest; k++) {
            int position = (candidates.next + k) % count;
            long start = ledger.firstStartWithRoom(pools.get(position), needed, soonest, best - 1, span);
            if (start >= 0) {
                bestPosition = position;
                best = start;
            }
        }
        return bestPosition < 0
                ? Optional.empty()
                : Optional.of(take(offer, candidates, bestPosition, price, grid.startOf(best)));
    }

    private Answer.Take take(Offer offer, Candidates candidates, int position, Money price, Instant start) {
        candidates.next = position;
        return new Answer.Take(
                offer.units(), price, candidates.pools.get(position).site().id(), start);
    }

    private Optional<Answer.Take> largestPartAtStart(Offer offer, List<Pool> pools, Window window, Money price) {
        Request request = offer.request();
        Pool bestPool = null;
        int bestUnits = 0;
        for (Pool pool : pools) {
            long free = ledger.freeOver(pool, window);
            int units = (int) Math.min(offer.units(), (long) Math.floor(free * spec.share()));
            if (units > bestUnits) {
                bestPool = pool;
                bestUnits = units;
            }
        }
        return bestPool == null
                ? Optional.empty()
                : Optional.of(new Answer.Take(bestUnits, price, bestPool.site().id(), request.start()));
    }

    /** Free units a pool must have for this responder to take {@code units}, given its share. */
    private long unitsFreeFor(int units) {
        return (long) Math.ceil(units / spec.share() - 1e-9);
    }
}
