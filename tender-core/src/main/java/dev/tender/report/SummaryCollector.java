package dev.tender.report;

import dev.tender.agreement.Agreement;
import dev.tender.agreement.AgreementId;
import dev.tender.agreement.Burndown;
import dev.tender.agreement.Commitment;
import dev.tender.agreement.Exclusive;
import dev.tender.agreement.RightOfFirstRefusal;
import dev.tender.capacity.Pool;
import dev.tender.catalog.WorkloadClass;
import dev.tender.demand.Request;
import dev.tender.demand.RequestId;
import dev.tender.event.EventSink;
import dev.tender.event.OfferId;
import dev.tender.event.OfferKind;
import dev.tender.event.TenderEvent.Awarded;
import dev.tender.event.TenderEvent.Closed;
import dev.tender.event.TenderEvent.Offered;
import dev.tender.event.TenderEvent.Responded;
import dev.tender.event.TenderEvent.Routed;
import dev.tender.event.TenderEvent.Submitted;
import dev.tender.event.TerminalState;
import dev.tender.money.Money;
import dev.tender.money.MoneySum;
import dev.tender.provider.Provider;
import dev.tender.provider.ProviderId;
import dev.tender.world.World;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the event stream as it is written and keeps the totals of a {@link Summary}. It needs
 * nothing but the events and the world, so a summary can be rebuilt from any log.
 */
public final class SummaryCollector implements EventSink.ByKind {

    private final World world;
    private final Instant start;
    private final Instant end;
    private final Months months;
    private final Map<String, double[]> unitHoursByMonth = new HashMap<>();
    /** Per commitment, its spend after the last award of each month; null for a month without awards. */
    private final Map<Commitment, Money[]> spentByMonthEnd = new HashMap<>();

    private final Map<RequestId, OpenRequest> open = new HashMap<>();
    /** The request of the last event: a request's events mostly come one after another. */
    private OpenRequest last;

    // Hash maps while counting; the summary sorts them.
    private final Map<String, ProviderTotals> providers = new HashMap<>();
    private final Map<WorkloadClass, WorkloadTotals> workloads = new HashMap<>();
    private final Map<AgreementId, RightTotals> rights = new LinkedHashMap<>();
    private final Map<AgreementId, ExclusiveTotals> exclusives = new LinkedHashMap<>();
    /** Offers made under a right of first refusal, until their request closes. */
    private final Map<OfferId, AgreementId> rightOffers = new HashMap<>();

    private final Map<String, Long> routes = new HashMap<>();
    private final Map<String, Long> unmetByCause = new HashMap<>();
    private final Burndown burndown;
    private final Map<TerminalState, Long> outcomes = new EnumMap<>(TerminalState.class);
    private final MoneySum cost = new MoneySum();
    private long submitted;
    private long unitsRequested;
    private long unitsAwarded;
    private long unitHours;

    /** Collects the summary of a run over {@code [start, end)}; the timeline covers those months. */
    public SummaryCollector(World world, Instant start, Instant end) {
        this.world = world;
        this.start = start;
        this.end = end;
        this.months = new Months(start, end);
        this.burndown = new Burndown(world.agreements().commitments());
        for (Provider provider : world.providers()) {
            providers.put(provider.id().value(), new ProviderTotals(provider.name()));
            unitHoursByMonth.put(provider.id().value(), new double[months.count()]);
        }
        for (Commitment commitment : world.agreements().commitments()) {
            spentByMonthEnd.put(commitment, new Money[months.count()]);
        }
        for (Agreement agreement : world.agreements().all()) {
            if (agreement instanceof RightOfFirstRefusal right) {
                rights.put(right.id(), new RightTotals(right));
            } else if (agreement instanceof Exclusive exclusive) {
                exclusives.put(exclusive.id(), new ExclusiveTotals(exclusive));
            }
        }
    }

    private static final class OpenRequest {
        final Request request;
        final List<AgreementId> exclusives = new ArrayList<>(1);
        final List<OfferId> rightOffers = new ArrayList<>(1);

        OpenRequest(Request request) {
            this.request = request;
        }
    }

    private static final class ProviderTotals {
        final String name;
        final MoneySum cost = new MoneySum();
        long awards;
        long units;
        long unitHours;

        ProviderTotals(String name) {
            this.name = name;
        }
    }

    private static final class WorkloadTotals {
        final MoneySum cost = new MoneySum();
        long requests;
        long unitsRequested;
        long unitsAwarded;
        long unmet;
    }

    private static final class RightTotals {
        final RightOfFirstRefusal right;
        long requests;
        long offers;
        long accepted;
        long partial;
        long declined;
        long lapsed;
        long unitsOffered;
        long unitsAwarded;

        RightTotals(RightOfFirstRefusal right) {
            this.right = right;
        }
    }

    private static final class ExclusiveTotals {
        final Exclusive exclusive;
        long requests;
        long unitsRequested;
        long unitsAwarded;
        long unmet;

        ExclusiveTotals(Exclusive exclusive) {
            this.exclusive = exclusive;
        }
    }

    private OpenRequest openRequest(RequestId id) {
        if (last == null || !last.request.id().equals(id)) {
            last = open.get(id);
        }
        return last;
    }

    @Override
    public void submitted(Submitted event) {
        Request request = event.details();
        last = new OpenRequest(request);
        open.put(request.id(), last);
        submitted++;
        unitsRequested += request.units();
        WorkloadTotals totals = workloads.computeIfAbsent(request.workload(), w -> new WorkloadTotals());
        totals.requests++;
        totals.unitsRequested += request.units();
    }

    @Override
    public void routed(Routed event) {
        routes.merge(event.route().name(), 1L, Long::sum);
        OpenRequest request = openRequest(event.request());
        for (AgreementId id : event.agreements()) {
            ExclusiveTotals exclusive = exclusives.get(id);
            if (exclusive != null) {
                request.exclusives.add(id);
                exclusive.requests++;
                exclusive.unitsRequested += request.request.units();
            }
            RightTotals right = rights.get(id);
            if (right != null) {
                right.requests++;
            }
        }
    }

    @Override
    public void offered(Offered event) {
        if ((event.kind() == OfferKind.ROFR || event.kind() == OfferKind.MATCH) && event.agreement() != null) {
            RightTotals right = rights.get(event.agreement());
            if (right != null) {
                right.offers++;
                right.unitsOffered += event.units();
                openRequest(event.request()).rightOffers.add(event.offer());
                rightOffers.put(event.offer(), event.agreement());
            }
        }
    }

    @Override
    public void responded(Responded event) {
        AgreementId agreement = rightOffers.isEmpty() ? null : rightOffers.get(event.offer());
        if (agreement == null) {
            return;
        }
        RightTotals right = rights.get(agreement);
        switch (event.outcome()) {
            case ACCEPTED -> right.accepted++;
            case PARTIAL -> right.partial++;
            case DECLINED -> right.declined++;
            case LAPSED -> right.lapsed++;
        }
    }

    @Override
    public void awarded(Awarded event) {
        OpenRequest request = openRequest(event.request());
        long hours = request.request.hours();
        unitsAwarded += event.units();
        unitHours += event.units() * hours;
        cost.add(event.cost());
        ProviderTotals provider = providers.get(event.provider().value());
        provider.awards++;
        provider.units += event.units();
        provider.unitHours += event.units() * hours;
        provider.cost.add(event.cost());
        WorkloadTotals workload = workloads.get(request.request.workload());
        workload.unitsAwarded += event.units();
        workload.cost.add(event.cost());
        for (AgreementId id : request.exclusives) {
            exclusives.get(id).unitsAwarded += event.units();
        }
        AgreementId right = rightOffers.isEmpty() ? null : rightOffers.get(event.offer());
        if (right != null) {
            rights.get(right).unitsAwarded += event.units();
        }
        burndown.record(
                event.provider(),
                request.request,
                event.unitPrice(),
                event.units(),
                event.start(),
                event.end(),
                event.at());
        int month = months.indexOf(event.at());
        if (month >= 0) {
            spentByMonthEnd.forEach((commitment, spent) -> spent[month] = burndown.spent(commitment));
        }
        months.spread(
                event.start(),
                event.end(),
                event.units(),
                unitHoursByMonth.get(event.provider().value()));
    }

    @Override
    public void closed(Closed event) {
        OpenRequest request = open.remove(event.request());
        if (last == request) {
            last = null;
        }
        request.rightOffers.forEach(rightOffers::remove);
        outcomes.merge(event.outcome(), 1L, Long::sum);
        int unmet = request.request.units() - event.units();
        if (unmet > 0 && event.cause() != null) {
            unmetByCause.merge(event.cause().code(), (long) unmet, Long::sum);
        }
        workloads.get(request.request.workload()).unmet += unmet;
        for (AgreementId id : request.exclusives) {
            exclusives.get(id).unmet += unmet;
        }
    }

    /** The totals so far, with the run's name and seed. */
    public Summary summary(String scenario, long seed) {
        return new Summary(
                scenario,
                seed,
                start,
                end,
                new Summary.Requests(
                        submitted,
                        outcomes.getOrDefault(TerminalState.FULFILLED, 0L),
                        outcomes.getOrDefault(TerminalState.PARTIAL, 0L),
                        outcomes.getOrDefault(TerminalState.UNFULFILLED, 0L),
                        outcomes.getOrDefault(TerminalState.REJECTED, 0L),
                        outcomes.getOrDefault(TerminalState.CANCELLED, 0L)),
                unitsRequested,
                unitsAwarded,
                unitHours,
                cost.dollars(),
                Collections.unmodifiableMap(new TreeMap<>(routes)),
                providerShares(),
                workloadOutcomes(),
                rightOutcomes(),
                exclusiveOutcomes(),
                Collections.unmodifiableMap(new TreeMap<>(unmetByCause)),
                commitmentBurns(),
                timeline());
    }

    private Timeline timeline() {
        Map<ProviderId, long[]> online = onlineByMonth();
        List<Timeline.ProviderSeries> series = new ArrayList<>();
        for (Provider provider : world.providers()) {
            List<Long> onlineUnits = new ArrayList<>();
            List<Long> inUse = new ArrayList<>();
            double[] unitHours = unitHoursByMonth.get(provider.id().value());
            for (int m = 0; m < months.count(); m++) {
                onlineUnits.add(online.get(provider.id())[m]);
                inUse.add(Math.round(unitHours[m] / months.hoursIn(m)));
            }
            series.add(new Timeline.ProviderSeries(provider.id().value(), onlineUnits, inUse));
        }
        List<Timeline.CommitmentSeries> burns = new ArrayList<>();
        for (Commitment commitment : world.agreements().commitments()) {
            List<BigDecimal> cumulative = new ArrayList<>();
            Money total = Money.ZERO;
            for (Money spent : spentByMonthEnd.get(commitment)) {
                // Spend only grows, so a month without awards ends where the month before did.
                total = spent == null ? total : spent;
                cumulative.add(total.dollars());
            }
            burns.add(new Timeline.CommitmentSeries(
                    commitment.id().value(), commitment.amount().dollars(), cumulative));
        }
        return new Timeline(months.labels(), series, burns);
    }

    /** Units online at the start of each month, per provider. */
    private Map<ProviderId, long[]> onlineByMonth() {
        Map<ProviderId, long[]> online = new HashMap<>();
        world.providers().forEach(p -> online.put(p.id(), new long[months.count()]));
        for (Pool pool : world.pools()) {
            long[] units = online.get(pool.provider());
            for (int m = 0; m < months.count(); m++) {
                units[m] += pool.unitsAt(months.startOf(m));
            }
        }
        return online;
    }

    private List<Summary.ProviderShare> providerShares() {
        List<Summary.ProviderShare> shares = new ArrayList<>();
        new TreeMap<>(providers)
                .forEach((id, t) -> shares.add(new Summary.ProviderShare(
                        id,
                        t.name,
                        t.awards,
                        t.units,
                        t.unitHours,
                        t.cost.dollars(),
                        unitsAwarded == 0 ? 0 : (double) t.units / unitsAwarded)));
        return shares;
    }

    private List<Summary.WorkloadOutcome> workloadOutcomes() {
        List<Summary.WorkloadOutcome> outcomes = new ArrayList<>();
        new TreeMap<>(workloads)
                .forEach((w, t) -> outcomes.add(new Summary.WorkloadOutcome(
                        w.value(), t.requests, t.unitsRequested, t.unitsAwarded, t.unmet, t.cost.dollars())));
        return outcomes;
    }

    private List<Summary.RightOutcome> rightOutcomes() {
        return rights.values().stream()
                .map(t -> new Summary.RightOutcome(
                        t.right.id().value(),
                        t.right.holder().value(),
                        t.right.mode().toString(),
                        t.requests,
                        t.offers,
                        t.accepted,
                        t.partial,
                        t.declined,
                        t.lapsed,
                        t.unitsOffered,
                        t.unitsAwarded))
                .toList();
    }

    private List<Summary.ExclusiveOutcome> exclusiveOutcomes() {
        return exclusives.values().stream()
                .map(t -> new Summary.ExclusiveOutcome(
                        t.exclusive.id().value(),
                        t.exclusive.provider().value(),
                        t.requests,
                        t.unitsRequested,
                        t.unitsAwarded,
                        t.unmet))
                .toList();
    }

    private List<Summary.CommitmentBurn> commitmentBurns() {
        List<Summary.CommitmentBurn> burns = new ArrayList<>();
        for (Commitment commitment : world.agreements().commitments()) {
            Money spent = burndown.spent(commitment);
            burns.add(new Summary.CommitmentBurn(
                    commitment.id().value(),
                    commitment.provider().value(),
                    commitment.amount().dollars(),
                    spent.dollars(),
                    burndown.shortfall(commitment).dollars(),
                    (double) spent.micros() / commitment.amount().micros(),
                    commitment.from(),
                    commitment.until(),
                    burndown.metAt(commitment).orElse(null)));
        }
        return burns;
    }

    /** Unit totals by outcome, for tests and quick checks. */
    public long unitsAwarded() {
        return unitsAwarded;
    }
}
