package dev.tender.sim;

import dev.tender.agreement.Agreement;
import dev.tender.agreement.Exclusive;
import dev.tender.agreement.RightOfFirstRefusal;
import dev.tender.agreement.Scope;
import dev.tender.capacity.CapacityStep;
import dev.tender.capacity.Pool;
import dev.tender.demand.Request;
import dev.tender.demand.RequestId;
import dev.tender.event.OfferId;
import dev.tender.event.OfferKind;
import dev.tender.event.ResponseOutcome;
import dev.tender.event.TenderEvent;
import dev.tender.event.TenderEvent.Awarded;
import dev.tender.event.TenderEvent.Closed;
import dev.tender.event.TenderEvent.Offered;
import dev.tender.event.TenderEvent.Responded;
import dev.tender.event.TenderEvent.Routed;
import dev.tender.event.TenderEvent.Submitted;
import dev.tender.event.TerminalState;
import dev.tender.money.Money;
import dev.tender.provider.ProviderId;
import dev.tender.world.World;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Checks the invariants of DESIGN.md section 4 on a log, from the log and the world alone. The
 * expected route (invariant 8) is worked out here again from the clauses, independently of the
 * engine's rule classes, so that a mistake in those shows up as a violation.
 */
public final class InvariantChecker {

    private final World world;
    private final List<String> violations = new ArrayList<>();

    private InvariantChecker(World world) {
        this.world = world;
    }

    /** Every violation found, each naming the request or pool and the invariant; empty when the log is sound. */
    public static List<String> check(World world, List<TenderEvent> log) {
        InvariantChecker checker = new InvariantChecker(world);
        checker.checkOrder(log);
        Map<RequestId, List<TenderEvent>> byRequest = new LinkedHashMap<>();
        log.forEach(e ->
                byRequest.computeIfAbsent(e.request(), r -> new ArrayList<>()).add(e));
        byRequest.forEach(checker::checkRequest);
        checker.checkCapacity(log);
        return checker.violations;
    }

    private void fail(String text) {
        if (violations.size() < 50) {
            violations.add(text);
        }
    }

    private void checkOrder(List<TenderEvent> log) {
        for (int i = 1; i < log.size(); i++) {
            if (log.get(i).seq() <= log.get(i - 1).seq()) {
                fail("seq does not increase at " + log.get(i));
            }
            if (log.get(i).at().isBefore(log.get(i - 1).at())) {
                fail("at decreases at seq " + log.get(i).seq());
            }
        }
    }

    private void checkRequest(RequestId id, List<TenderEvent> events) {
        if (!(events.get(0) instanceof Submitted submitted)) {
            fail("1: " + id + " does not begin with SUBMITTED");
            return;
        }
        long closes = events.stream().filter(e -> e instanceof Closed).count();
        if (closes != 1 || !(events.get(events.size() - 1) instanceof Closed)) {
            fail("1: " + id + " has " + closes + " CLOSED events, and CLOSED must be its last");
            return;
        }
        Request request = submitted.details();
        Instant at = submitted.at();
        Closed closed = (Closed) events.get(events.size() - 1);
        if (closed.outcome() == TerminalState.REJECTED) {
            return;
        }
        Map<OfferId, Offered> offers = new HashMap<>();
        events.stream().filter(e -> e instanceof Offered).map(e -> (Offered) e).forEach(o -> offers.put(o.offer(), o));
        for (TenderEvent event : events) {
            OfferId named = event instanceof Responded r ? r.offer() : event instanceof Awarded a ? a.offer() : null;
            if (named != null && !offers.containsKey(named)) {
                fail("1: " + id + " " + event.type() + " names offer " + named + ", which was never made");
                return;
            }
        }
        checkExclusive(id, request, at, events);
        checkFirstLook(id, request, at, events);
        checkMatch(id, request, events, offers);
        checkAwards(id, request, events, closed);
        checkDeadlines(id, events, offers);
        checkRoute(id, request, at, events);
    }

    private List<Exclusive> exclusivesAt(Request request, Instant at) {
        List<Exclusive> found = new ArrayList<>();
        for (Agreement a : world.agreements().all()) {
            if (a instanceof Exclusive e && inForce(e, at) && covers(e.scope(), request)) {
                found.add(e);
            }
        }
        return found;
    }

    private @Nullable RightOfFirstRefusal rightAt(Request request, Instant at) {
        for (Agreement a : world.agreements().all()) {
            if (a instanceof RightOfFirstRefusal r && inForce(r, at) && covers(r.scope(), request)) {
                return r;
            }
        }
        return null;
    }

    private static boolean inForce(Agreement agreement, Instant at) {
        return !at.isBefore(agreement.from()) && (agreement.until() == null || at.isBefore(agreement.until()));
    }

    private static boolean covers(Scope scope, Request request) {
        boolean workload = scope.workloads().isEmpty() || scope.workloads().contains(request.workload());
        boolean accelerator =
                scope.accelerators().isEmpty() || scope.accelerators().contains(request.accelerator());
        boolean regions = scope.regions().isEmpty()
                || (!request.regions().isEmpty() && scope.regions().containsAll(request.regions()));
        return workload && accelerator && regions;
    }

    private boolean hasPool(ProviderId provider, Request request) {
        return world.pools().stream()
                .anyMatch(p -> p.provider().equals(provider)
                        && p.accelerator().equals(request.accelerator())
                        && (request.regions().isEmpty() || request.regions().contains(p.region())));
    }

    private void checkExclusive(RequestId id, Request request, Instant at, List<TenderEvent> events) {
        List<Exclusive> exclusives = exclusivesAt(request, at);
        if (exclusives.isEmpty()) {
            return;
        }
        ProviderId provider = exclusives.get(0).provider();
        for (TenderEvent event : events) {
            ProviderId named =
                    event instanceof Offered o ? o.provider() : event instanceof Awarded a ? a.provider() : null;
            if (named != null && !named.equals(provider)) {
                fail("2: " + id + " is exclusive to " + provider + " but " + event.type() + " names " + named);
            }
        }
    }

    private void checkFirstLook(RequestId id, Request request, Instant at, List<TenderEvent> events) {
        RightOfFirstRefusal right = rightAt(request, at);
        if (!exclusivesAt(request, at).isEmpty()
                || right == null
                || right.mode() != RightOfFirstRefusal.Mode.FIRST_LOOK
                || !hasPool(right.holder(), request)) {
            return;
        }
        List<Offered> offers = events.stream()
                .filter(e -> e instanceof Offered)
                .map(e -> (Offered) e)
                .toList();
        if (offers.isEmpty() || !offers.get(0).provider().equals(right.holder())) {
            fail("3: " + id + " is under first look of " + right.holder() + " but its first offer is not to it");
            return;
        }
        long holderAnswer = events.stream()
                .filter(e -> e instanceof Responded r
                        && r.offer().equals(offers.get(0).offer()))
                .mapToLong(TenderEvent::seq)
                .findFirst()
                .orElse(Long.MAX_VALUE);
        for (Offered offer : offers) {
            if (!offer.provider().equals(right.holder()) && offer.seq() < holderAnswer) {
                fail("3: " + id + " offered to " + offer.provider() + " before the holder answered");
            }
        }
    }

    private void checkMatch(RequestId id, Request request, List<TenderEvent> events, Map<OfferId, Offered> offers) {
        Money bestMarket = null;
        // checkRequest made sure that every offer named is in offers.
        for (TenderEvent event : events) {
            if (event instanceof Responded r
                    && r.units() > 0
                    && offerOf(offers, r.offer()).kind() == OfferKind.RFQ
                    && r.unitPrice() != null
                    && r.start() != null
                    && request.allowsPrice(r.unitPrice())
                    && request.allowsStart(r.start())) {
                bestMarket = bestMarket == null ? r.unitPrice() : Money.min(bestMarket, r.unitPrice());
            }
        }
        for (TenderEvent event : events) {
            if (event instanceof Awarded a && offerOf(offers, a.offer()).kind() == OfferKind.MATCH) {
                if (bestMarket == null || a.unitPrice().exceeds(bestMarket)) {
                    fail("4: " + id + " matched at " + a.unitPrice() + " against a best market quote of " + bestMarket);
                }
            }
        }
    }

    /** The offer {@code id}, which checkRequest made sure was made. */
    private static Offered offerOf(Map<OfferId, Offered> offers, OfferId id) {
        Offered offer = offers.get(id);
        if (offer == null) {
            throw new IllegalStateException("offer " + id + " was never made");
        }
        return offer;
    }

    private void checkAwards(RequestId id, Request request, List<TenderEvent> events, Closed closed) {
        int total = 0;
        for (TenderEvent event : events) {
            if (event instanceof Awarded a) {
                total += a.units();
                if (!request.allowsPrice(a.unitPrice())) {
                    fail("6: " + id + " awarded at " + a.unitPrice() + " above maxPrice " + request.maxPrice());
                }
                if (!request.allowsStart(a.start())) {
                    fail("6: " + id + " awarded from " + a.start() + ", outside its flex window");
                }
                if (!Duration.between(a.start(), a.end()).equals(Duration.ofHours(request.hours()))) {
                    fail("6: " + id + " awarded for " + Duration.between(a.start(), a.end()) + ", not its hours");
                }
            }
        }
        if (total > request.units() || total != closed.units()) {
            fail("6: " + id + " awarded " + total + " of " + request.units() + ", closed saying " + closed.units());
        }
        boolean fulfilled = closed.outcome() == TerminalState.FULFILLED;
        if (fulfilled != (total == request.units())) {
            fail("6: " + id + " closed " + closed.outcome() + " with " + total + " of " + request.units());
        }
    }

    private void checkDeadlines(RequestId id, List<TenderEvent> events, Map<OfferId, Offered> offers) {
        for (TenderEvent event : events) {
            if (event instanceof Responded r) {
                Instant deadline = offerOf(offers, r.offer()).deadline();
                if (r.at().isAfter(deadline)) {
                    fail("7: " + id + " answer to " + r.offer() + " came after its deadline");
                }
                if (r.outcome() == ResponseOutcome.LAPSED && !r.at().equals(deadline)) {
                    fail("7: " + id + " offer " + r.offer() + " lapsed at " + r.at() + ", not at " + deadline);
                }
            }
        }
    }

    private void checkRoute(RequestId id, Request request, Instant at, List<TenderEvent> events) {
        String expected;
        RightOfFirstRefusal right = rightAt(request, at);
        if (!exclusivesAt(request, at).isEmpty()) {
            expected = "EXCLUSIVE";
        } else if (right != null && hasPool(right.holder(), request)) {
            expected = right.mode() == RightOfFirstRefusal.Mode.FIRST_LOOK ? "ROFR_FIRST_LOOK" : "ROFR_MATCH";
        } else {
            expected = "MARKET";
        }
        String actual = events.stream()
                .filter(e -> e instanceof Routed)
                .map(e -> ((Routed) e).route().name())
                .findFirst()
                .orElse("none");
        if (!expected.equals(actual)) {
            fail("8: " + id + " routed " + actual + ", but the clauses in force give " + expected);
        }
    }

    /** Invariant 5, by a sweep over every instant where usage or capacity of a pool changes. */
    private void checkCapacity(List<TenderEvent> log) {
        Map<String, Pool> pools = new HashMap<>();
        world.pools().forEach(p -> pools.put(p.site().id() + "/" + p.accelerator(), p));
        Map<String, TreeMap<Instant, Long>> usage = new HashMap<>();
        for (TenderEvent event : log) {
            if (event instanceof Awarded a) {
                TreeMap<Instant, Long> changes =
                        usage.computeIfAbsent(a.site() + "/" + a.accelerator(), k -> new TreeMap<>());
                changes.merge(a.start(), (long) a.units(), Long::sum);
                changes.merge(a.end(), (long) -a.units(), Long::sum);
            }
        }
        usage.forEach((key, changes) -> {
            Pool pool = pools.get(key);
            if (pool == null) {
                fail("5: awards at " + key + ", which is no pool");
                return;
            }
            TreeMap<Instant, Long> points = new TreeMap<>(changes);
            for (CapacityStep step : pool.steps()) {
                points.putIfAbsent(step.from(), 0L);
                if (step.until() != null) {
                    points.putIfAbsent(step.until(), 0L);
                }
            }
            long used = 0;
            for (Map.Entry<Instant, Long> point : points.entrySet()) {
                used += changes.getOrDefault(point.getKey(), 0L);
                long online = pool.unitsAt(point.getKey());
                if (used > online) {
                    fail("5: " + key + " has " + used + " units awarded at " + point.getKey() + " but " + online
                            + " online");
                }
            }
        });
    }
}
