package dev.tender.broker;

import dev.tender.capacity.CapacityLedger;
import dev.tender.capacity.Footprint;
import dev.tender.capacity.Pool;
import dev.tender.demand.Request;
import dev.tender.event.OfferKind;
import dev.tender.money.Money;
import dev.tender.provider.Provider;
import dev.tender.provider.ResponderSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
 *   <li>It looks through its pools in allowed regions (by site id) for the earliest start within
 *       {@code flex} at which it can take every unit offered. When no start works and the offer
 *       allows part, it takes what it can at the requested start, from the pool with the most
 *       room. Otherwise it declines and says why.
 * </ul>
 */
public final class AutoResponder implements Responder {

    private final Provider provider;
    private final ResponderSpec.Auto spec;
    private final Footprint footprint;
    private final CapacityLedger ledger;
    private final Clock clock;
    private final Scheduler scheduler;

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
        List<Pool> pools = footprint.poolsOf(provider.id(), request.accelerator());
        Optional<Answer.Take> whole = earliestWhole(offer, pools, price);
        if (whole.isPresent()) {
            return whole.get();
        }
        if (offer.partialAllowed()) {
            Optional<Answer.Take> part = largestPartAtStart(offer, pools, price);
            if (part.isPresent()) {
                return part.get();
            }
        }
        return new Answer.Decline("no " + offer.units() + " " + request.accelerator() + " free between "
                + request.start() + " and " + offer.latestStart() + " for " + request.hours() + "h");
    }

    private Optional<Answer.Take> earliestWhole(Offer offer, List<Pool> pools, Money price) {
        Request request = offer.request();
        long needed = unitsFreeFor(offer.units());
        Pool bestPool = null;
        Instant bestStart = null;
        for (Pool pool : pools) {
            if (!request.allowsRegion(pool.region())) {
                continue;
            }
            Instant latest = bestStart == null ? offer.latestStart() : bestStart;
            Optional<Instant> start = ledger.earliestStart(pool, needed, request.start(), latest, request.length());
            if (start.isPresent() && (bestStart == null || start.get().isBefore(bestStart))) {
                bestPool = pool;
                bestStart = start.get();
                if (bestStart.equals(request.start())) {
                    break;
                }
            }
        }
        return bestPool == null
                ? Optional.empty()
                : Optional.of(
                        new Answer.Take(offer.units(), price, bestPool.site().id(), bestStart));
    }

    private Optional<Answer.Take> largestPartAtStart(Offer offer, List<Pool> pools, Money price) {
        Request request = offer.request();
        Pool bestPool = null;
        int bestUnits = 0;
        for (Pool pool : pools) {
            if (request.allowsRegion(pool.region())) {
                long free = ledger.freeOver(pool, request.start(), request.length());
                int units = (int) Math.min(offer.units(), (long) Math.floor(free * spec.share()));
                if (units > bestUnits) {
                    bestPool = pool;
                    bestUnits = units;
                }
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
