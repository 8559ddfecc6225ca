package dev.tender.broker;

import dev.tender.capacity.CapacityLedger;
import dev.tender.capacity.Footprint;
import dev.tender.capacity.Pool;
import dev.tender.capacity.Reach;
import dev.tender.capacity.Window;
import dev.tender.demand.Request;
import dev.tender.event.OfferKind;
import dev.tender.money.Money;
import dev.tender.provider.Provider;
import dev.tender.provider.ResponderSpec;
import dev.tender.text.Figures;
import dev.tender.time.Instants;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
    /** Per reach, the pools that serve it and the one served from last. */
    private final Map<Reach, Candidates> candidates = new HashMap<>();

    /** The candidates of the last request heard of; null before the first. */
    private @Nullable Candidates last;

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
        Money price = offer.kind() == OfferKind.MATCH ? offer.priceToMatch() : listPrice.get();
        Candidates candidates = candidates(request);
        Optional<Answer.Take> whole = earliestWhole(offer, candidates, price);
        if (whole.isPresent()) {
            return whole.get();
        }
        if (offer.partialAllowed()) {
            Window window = ledger.grid().cover(request.start(), request.seconds());
            Optional<Answer.Take> part = largestPartAtStart(offer, candidates.pools, window, price);
            if (part.isPresent()) {
                return part.get();
            }
        }
        return new Answer.Decline("no " + Figures.whole(offer.units()) + " " + request.accelerator() + " free between "
                + Instants.iso(request.start()) + " and " + Instants.iso(offer.latestStart()) + " for "
                + request.hours() + "h");
    }

    /** The pools within one reach, and which to try first. */
    private static final class Candidates {
        final Reach reach;
        final List<Pool> pools;
        /** The pool served from last: a full pool is then not tried again and again. */
        int next;

        Candidates(Reach reach, List<Pool> pools) {
            this.reach = reach;
            this.pools = pools;
        }
    }

    private Candidates candidates(Request request) {
        // A provider mostly hears of requests for the same accelerator and regions as the last one.
        if (last != null
                && last.reach.accelerator().equals(request.accelerator())
                && last.reach.regions().equals(request.regions())) {
            return last;
        }
        last = candidates.computeIfAbsent(
                request.reach(), reach -> new Candidates(reach, footprint.poolsOf(provider.id(), reach)));
        return last;
    }

    private Optional<Answer.Take> earliestWhole(Offer offer, Candidates candidates, Money price) {
        Request request = offer.request();
        return ledger.earliestOpening(
                        candidates.pools,
                        candidates.next,
                        unitsFreeFor(offer.units()),
                        request.start(),
                        request.seconds(),
                        offer.latestStart())
                .map(opening -> {
                    candidates.next = opening.position();
                    return new Answer.Take(
                            offer.units(),
                            price,
                            candidates.pools.get(opening.position()).site().id(),
                            opening.start());
                });
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
