package dev.tender.report;

import dev.tender.agreement.Agreement;
import dev.tender.agreement.AgreementId;
import dev.tender.agreement.Burndown;
import dev.tender.agreement.Commitment;
import dev.tender.agreement.Exclusive;
import dev.tender.agreement.RightOfFirstRefusal;
import dev.tender.agreement.RouteKind;
import dev.tender.capacity.Accelerator;
import dev.tender.capacity.Pool;
import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.WorkloadClass;
import dev.tender.demand.Request;
import dev.tender.demand.RequestId;
import dev.tender.event.EventSink;
import dev.tender.event.OfferKind;
import dev.tender.event.ResponseOutcome;
import dev.tender.event.TenderEvent.Awarded;
import dev.tender.event.TenderEvent.Closed;
import dev.tender.event.TenderEvent.Offered;
import dev.tender.event.TenderEvent.Responded;
import dev.tender.event.TenderEvent.Routed;
import dev.tender.event.TenderEvent.Submitted;
import dev.tender.event.TerminalState;
import dev.tender.event.UnmetCause;
import dev.tender.money.Money;
import dev.tender.money.MoneySum;
import dev.tender.provider.Provider;
import dev.tender.provider.ProviderId;
import dev.tender.world.World;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads the event stream as it is written and keeps the totals of a {@link Summary}. It needs
 * nothing but the events and the world, so a summary can be rebuilt from any log.
 *
 * <p>It runs beside the engine on every event of runs a million requests long, so an event costs
 * a few array and map lookups, and allocates only per request and offer: the counters are made up
 * front, per provider and offer kind, per route, answer and cause, and per month. A request's
 * offers are found through the request, by their number, until it closes.
 */
// The counters by route, offer kind, answer and cause are arrays indexed by the enum's ordinal, as
// an EnumMap keeps them inside, but without a look-up that may find nothing on every event. The
// ordinals never leave this class, so their order is free to change.
@SuppressWarnings("EnumOrdinal")
public final class SummaryCollector implements EventSink.ByKind {

    private final World world;
    private final Instant start;
    private final Instant end;
    private final Months months;
    /**
     * Per commitment in the world's order, its spend after the last award of each month; null for a
     * month without awards.
     */
    private final Map<Commitment, Money[]> spentByMonthEnd = new LinkedHashMap<>();

    private final Map<RequestId, OpenRequest> open = new HashMap<>();
    /** The request of the last event (a request's events mostly come one after another); null after a close. */
    private @Nullable OpenRequest last;

    // Hash maps while counting; the summary sorts them.
    private final Map<String, ProviderTotals> providers = new HashMap<>();
    private final Map<WorkloadClass, WorkloadTotals> workloads = new HashMap<>();
    private final Map<AgreementId, RightTotals> rights = new LinkedHashMap<>();
    private final Map<AgreementId, ExclusiveTotals> exclusives = new LinkedHashMap<>();

    /** Requests by route, by the route's ordinal. */
    private final long[] routes = new long[RouteKind.values().length];

    private final Map<String, Long> unmetByCause = new HashMap<>();
    // Month by month, each first indexed by its enum's ordinal.
    /** Requests by route, in the month they were routed. */
    private final long[][] routedByMonth;
    /** Offers by answer, in the month of the answer. */
    private final long[][] answeredByMonth;
    /** Unmet units by cause, in the month their request closed. */
    private final long[][] unmetByMonth;

    /**
     * Units awarded by their delay in whole minutes after the requested start: one entry per distinct
     * delay rather than per award, and in order, so the percentile is read off exactly at the end.
     */
    private final TreeMap<Long, Long> unitsByDelayMinutes = new TreeMap<>();

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
        this.routedByMonth = new long[RouteKind.values().length][months.count()];
        this.answeredByMonth = new long[ResponseOutcome.values().length][months.count()];
        this.unmetByMonth = new long[UnmetCause.values().length][months.count()];
        for (Provider provider : world.providers()) {
            ProviderTotals totals = new ProviderTotals(provider.name());
            world.accelerators().keySet().forEach(a -> totals.unitHoursByMonth.put(a, new double[months.count()]));
            providers.put(provider.id().value(), totals);
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
        final WorkloadTotals workload;
        /** The exclusive clauses that routed it. */
        final List<ExclusiveTotals> exclusives = new ArrayList<>(1);
        /** The request's offers, at their number less one. */
        final List<SeenOffer> offers = new ArrayList<>(4);

        OpenRequest(Request request, WorkloadTotals workload) {
            this.request = request;
            this.workload = workload;
        }

        void add(SeenOffer offer) {
            int index = offer.event().offer().number() - 1;
            while (offers.size() < index) {
                offers.add(null); // numbers are consecutive from the engine; a hand-made log may skip
            }
            if (index < offers.size()) {
                offers.set(index, offer);
            } else {
                offers.add(offer);
            }
        }

        /** The offer numbered {@code number}; null if the log did not make it. */
        @Nullable
        SeenOffer offer(int number) {
            return number <= offers.size() ? offers.get(number - 1) : null;
        }
    }

    /**
     * An offer and the totals its answer and awards count in, found once when it is made: an offer
     * is answered and awarded days later, and its provider's totals are a map look-up away.
     */
    private record SeenOffer(
            Offered event,
            ProviderTotals provider,
            @Nullable RightTotals right) {

        OfferTotals totals() {
            return provider.offers(event.kind());
        }
    }

    private static final OfferKind[] OFFER_KINDS = OfferKind.values();

    private static final class ProviderTotals {
        final String name;
        final MoneySum cost = new MoneySum();
        final OfferTotals[] offers = new OfferTotals[OFFER_KINDS.length];
        /** Per accelerator, the unit-hours awarded that fall in each month. */
        final Map<AcceleratorId, double[]> unitHoursByMonth = new HashMap<>();

        long awards;
        long units;
        long unitHours;

        ProviderTotals(String name) {
            this.name = name;
            for (int k = 0; k < offers.length; k++) {
                offers[k] = new OfferTotals();
            }
        }

        OfferTotals offers(OfferKind kind) {
            return offers[kind.ordinal()];
        }

        /** The unit-hours by month of one accelerator; made here only for one the world does not declare. */
        double[] unitHoursIn(AcceleratorId accelerator, Months months) {
            double[] byMonth = unitHoursByMonth.get(accelerator);
            if (byMonth == null) {
                byMonth = new double[months.count()];
                unitHoursByMonth.put(accelerator, byMonth);
            }
            return byMonth;
        }
    }

    /** The offers of one kind to one provider. */
    private static final class OfferTotals {
        final long[] answers = new long[ResponseOutcome.values().length];
        long offers;
        long unitsOffered;
        long unitsAwarded;

        Summary.Answers answers() {
            return new Summary.Answers(
                    answers[ResponseOutcome.ACCEPTED.ordinal()],
                    answers[ResponseOutcome.PARTIAL.ordinal()],
                    answers[ResponseOutcome.DECLINED.ordinal()],
                    answers[ResponseOutcome.LAPSED.ordinal()]);
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

    /** The open request {@code id}; a log that names one it never submitted is not a log of this run. */
    private OpenRequest openRequest(RequestId id) {
        if (last == null || !last.request.id().equals(id)) {
            last = open.get(id);
            if (last == null) {
                throw new IllegalArgumentException("request " + id + " is not open: the log names it before its"
                        + " SUBMITTED, or after its CLOSED");
            }
        }
        return last;
    }

    /** The totals of {@code id}; a log that names a provider the world does not have is a log of another world. */
    private ProviderTotals provider(ProviderId id) {
        ProviderTotals totals = providers.get(id.value());
        if (totals == null) {
            throw new IllegalArgumentException("provider " + id + " is not in this scenario");
        }
        return totals;
    }

    @Override
    public void submitted(Submitted event) {
        Request request = event.details();
        WorkloadTotals totals = workloads.computeIfAbsent(request.workload(), w -> new WorkloadTotals());
        OpenRequest opened = new OpenRequest(request, totals);
        last = opened;
        open.put(request.id(), opened);
        submitted++;
        unitsRequested += request.units();
        totals.requests++;
        totals.unitsRequested += request.units();
    }

    @Override
    public void routed(Routed event) {
        routes[event.route().ordinal()]++;
        countInMonth(routedByMonth[event.route().ordinal()], event.at(), 1);
        OpenRequest request = openRequest(event.request());
        for (AgreementId id : event.agreements()) {
            ExclusiveTotals exclusive = exclusives.get(id);
            if (exclusive != null) {
                request.exclusives.add(exclusive);
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
        ProviderTotals provider = provider(event.provider());
        OfferTotals offers = provider.offers(event.kind());
        offers.offers++;
        offers.unitsOffered += event.units();
        RightTotals right = rightOf(event);
        if (right != null) {
            right.offers++;
            right.unitsOffered += event.units();
        }
        openRequest(event.request()).add(new SeenOffer(event, provider, right));
    }

    /** The right of first refusal an offer was made under, if it was: a first look, a match, an own-terms offer. */
    private @Nullable RightTotals rightOf(Offered offer) {
        AgreementId agreement = offer.agreement();
        boolean underARight = offer.kind() == OfferKind.ROFR || offer.kind() == OfferKind.MATCH;
        return underARight && agreement != null ? rights.get(agreement) : null;
    }

    @Override
    public void responded(Responded event) {
        countInMonth(answeredByMonth[event.outcome().ordinal()], event.at(), 1);
        SeenOffer offer = openRequest(event.request()).offer(event.offer().number());
        if (offer == null) {
            return;
        }
        offer.totals().answers[event.outcome().ordinal()]++;
        RightTotals right = offer.right();
        if (right != null) {
            switch (event.outcome()) {
                case ACCEPTED -> right.accepted++;
                case PARTIAL -> right.partial++;
                case DECLINED -> right.declined++;
                case LAPSED -> right.lapsed++;
            }
        }
    }

    @Override
    public void awarded(Awarded event) {
        OpenRequest request = openRequest(event.request());
        long hours = request.request.hours();
        unitsAwarded += event.units();
        unitHours += event.units() * hours;
        cost.add(event.cost());
        SeenOffer offer = request.offer(event.offer().number());
        ProviderTotals provider = offer != null && offer.event().provider().equals(event.provider())
                ? offer.provider()
                : provider(event.provider());
        provider.awards++;
        provider.units += event.units();
        provider.unitHours += event.units() * hours;
        provider.cost.add(event.cost());
        request.workload.unitsAwarded += event.units();
        request.workload.cost.add(event.cost());
        for (ExclusiveTotals exclusive : request.exclusives) {
            exclusive.unitsAwarded += event.units();
        }
        if (offer != null) {
            offer.totals().unitsAwarded += event.units();
            RightTotals right = offer.right();
            if (right != null) {
                right.unitsAwarded += event.units();
            }
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
        months.spread(event.start(), event.end(), event.units(), provider.unitHoursIn(event.accelerator(), months));
        // Capacity that starts before the requested start was there in time: no delay, not a negative one.
        long delay = Math.max(
                0, Duration.between(request.request.start(), event.start()).toMinutes());
        unitsByDelayMinutes.merge(delay, (long) event.units(), Long::sum);
    }

    /** Adds {@code count} to the month of {@code at}; events outside the run are not in the timeline. */
    private void countInMonth(long[] byMonth, Instant at, long count) {
        int month = months.indexOf(at);
        if (month >= 0) {
            byMonth[month] += count;
        }
    }

    @Override
    public void closed(Closed event) {
        OpenRequest request = openRequest(event.request());
        open.remove(event.request());
        last = null;
        outcomes.merge(event.outcome(), 1L, Long::sum);
        int unmet = request.request.units() - event.units();
        UnmetCause cause = event.cause();
        if (unmet > 0 && cause != null) {
            unmetByCause.merge(cause.code(), (long) unmet, Long::sum);
            countInMonth(unmetByMonth[cause.ordinal()], event.at(), unmet);
        }
        request.workload.unmet += unmet;
        for (ExclusiveTotals exclusive : request.exclusives) {
            exclusive.unmet += unmet;
        }
    }

    /** The codes of the causes of unmet units, in the order the engine tries them. */
    private static final List<String> UNMET_CAUSE_PRECEDENCE =
            List.of(UnmetCause.values()).stream().map(UnmetCause::code).toList();

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
                Collections.unmodifiableMap(routesTaken()),
                providerShares(),
                workloadOutcomes(),
                rightOutcomes(),
                offerOutcomes(),
                exclusiveOutcomes(),
                UNMET_CAUSE_PRECEDENCE,
                Collections.unmodifiableMap(new TreeMap<>(unmetByCause)),
                commitmentBurns(),
                timeline(),
                timeToCapacity());
    }

    private Summary.TimeToCapacity timeToCapacity() {
        long units = 0;
        long unitMinutes = 0;
        for (Map.Entry<Long, Long> delay : unitsByDelayMinutes.entrySet()) {
            units += delay.getValue();
            unitMinutes += delay.getKey() * delay.getValue();
        }
        if (units == 0) {
            return new Summary.TimeToCapacity(0, 0, 0);
        }
        long p90Minutes = 0;
        long started = 0;
        for (Map.Entry<Long, Long> delay : unitsByDelayMinutes.entrySet()) {
            started += delay.getValue();
            // In whole numbers, so that exactly 90 % is not missed by a rounding of 0.9.
            if (started * 10 >= units * 9) {
                p90Minutes = delay.getKey();
                break;
            }
        }
        return new Summary.TimeToCapacity(unitMinutes / 60.0 / units, p90Minutes / 60.0, units);
    }

    private Timeline timeline() {
        List<Timeline.CommitmentSeries> burns = new ArrayList<>();
        for (Map.Entry<Commitment, Money[]> entry : spentByMonthEnd.entrySet()) {
            Commitment commitment = entry.getKey();
            List<BigDecimal> cumulative = new ArrayList<>();
            Money total = Money.ZERO;
            for (Money spent : entry.getValue()) {
                // Spend only grows, so a month without awards ends where the month before did.
                total = spent == null ? total : spent;
                cumulative.add(total.dollars());
            }
            burns.add(new Timeline.CommitmentSeries(
                    commitment.id().value(), commitment.amount().dollars(), cumulative));
        }
        List<Timeline.RouteSeries> routed = new ArrayList<>();
        for (RouteKind route : RouteKind.values()) {
            routed.add(new Timeline.RouteSeries(route.name(), counts(routedByMonth[route.ordinal()])));
        }
        List<Timeline.OutcomeSeries> answered = new ArrayList<>();
        for (ResponseOutcome outcome : ResponseOutcome.values()) {
            answered.add(new Timeline.OutcomeSeries(outcome.name(), counts(answeredByMonth[outcome.ordinal()])));
        }
        List<Timeline.CauseSeries> unmet = new ArrayList<>();
        for (UnmetCause cause : UnmetCause.values()) {
            unmet.add(new Timeline.CauseSeries(cause.code(), counts(unmetByMonth[cause.ordinal()])));
        }
        List<Timeline.AgreementPeriod> periods = new ArrayList<>();
        for (Agreement agreement : world.agreements().all()) {
            periods.add(new Timeline.AgreementPeriod(
                    agreement.id().value(),
                    kindOf(agreement),
                    agreement.provider().value(),
                    agreement.from(),
                    agreement.until()));
        }
        return new Timeline(months.labels(), providerSeries(), burns, routed, answered, unmet, periods);
    }

    private static List<Long> counts(long[] byMonth) {
        List<Long> counts = new ArrayList<>(byMonth.length);
        for (long count : byMonth) {
            counts.add(count);
        }
        return counts;
    }

    /** The scenario's word for the clause. */
    private static String kindOf(Agreement agreement) {
        if (agreement instanceof Exclusive) {
            return "exclusive";
        }
        return agreement instanceof RightOfFirstRefusal ? "rofr" : "commitment";
    }

    /** Per provider, in the world's order; per accelerator, by its id. */
    private List<Timeline.ProviderSeries> providerSeries() {
        Map<ProviderId, Map<AcceleratorId, long[]>> online = onlineByMonth();
        List<Timeline.ProviderSeries> series = new ArrayList<>();
        for (Provider provider : world.providers()) {
            Map<AcceleratorId, double[]> unitHours = provider(provider.id()).unitHoursByMonth;
            Map<AcceleratorId, long[]> onlineHere = online.getOrDefault(provider.id(), Map.of());
            List<Timeline.AcceleratorSeries> accelerators = new ArrayList<>();
            long[] onlineUnits = new long[months.count()];
            double[] inUseUnits = new double[months.count()];
            BigDecimal[] onlineH100e = new BigDecimal[months.count()];
            double[] inUseH100e = new double[months.count()];
            Arrays.fill(onlineH100e, BigDecimal.ZERO);
            for (AcceleratorId id : acceleratorsOf(onlineHere, unitHours)) {
                long[] units = onlineHere.getOrDefault(id, new long[months.count()]);
                double[] hours = unitHours.getOrDefault(id, new double[months.count()]);
                BigDecimal h100e = h100e(id);
                List<Long> inUse = new ArrayList<>();
                for (int m = 0; m < months.count(); m++) {
                    double average = hours[m] / months.hoursIn(m);
                    onlineUnits[m] += units[m];
                    inUseUnits[m] += average;
                    onlineH100e[m] = onlineH100e[m].add(h100e.multiply(BigDecimal.valueOf(units[m])));
                    inUseH100e[m] += average * h100e.doubleValue();
                    inUse.add(Math.round(average));
                }
                accelerators.add(new Timeline.AcceleratorSeries(id.value(), h100e, counts(units), inUse));
            }
            series.add(new Timeline.ProviderSeries(
                    provider.id().value(),
                    counts(onlineUnits),
                    rounded(inUseUnits),
                    Arrays.stream(onlineH100e)
                            .map(h -> h.setScale(0, RoundingMode.HALF_UP).longValueExact())
                            .toList(),
                    rounded(inUseH100e),
                    accelerators));
        }
        return series;
    }

    /** The accelerators a provider has pools of or was awarded, by id. */
    private static List<AcceleratorId> acceleratorsOf(
            Map<AcceleratorId, long[]> online, Map<AcceleratorId, double[]> unitHours) {
        TreeMap<String, AcceleratorId> ids = new TreeMap<>();
        online.keySet().forEach(id -> ids.put(id.value(), id));
        unitHours.forEach((id, hours) -> {
            if (Arrays.stream(hours).anyMatch(h -> h > 0)) {
                ids.put(id.value(), id);
            }
        });
        return List.copyOf(ids.values());
    }

    /** An accelerator's speed in H100-equivalents; one the world does not declare counts as one. */
    private BigDecimal h100e(AcceleratorId id) {
        Accelerator accelerator = world.accelerators().get(id);
        return accelerator == null ? BigDecimal.ONE : accelerator.h100e();
    }

    private static List<Long> rounded(double[] byMonth) {
        List<Long> rounded = new ArrayList<>(byMonth.length);
        for (double value : byMonth) {
            rounded.add(Math.round(value));
        }
        return rounded;
    }

    /** Units online at the start of each month, per provider and accelerator. */
    private Map<ProviderId, Map<AcceleratorId, long[]>> onlineByMonth() {
        Map<ProviderId, Map<AcceleratorId, long[]>> online = new HashMap<>();
        for (Pool pool : world.pools()) {
            long[] units = online.computeIfAbsent(pool.provider(), p -> new HashMap<>())
                    .computeIfAbsent(pool.accelerator(), a -> new long[months.count()]);
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

    /** The requests by route, by the route's name, for the routes taken. */
    private Map<String, Long> routesTaken() {
        Map<String, Long> taken = new TreeMap<>();
        for (RouteKind route : RouteKind.values()) {
            if (routes[route.ordinal()] > 0) {
                taken.put(route.name(), routes[route.ordinal()]);
            }
        }
        return taken;
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

    /** Per provider by id, per kind in the order of {@link OfferKind}; only those that had offers. */
    private List<Summary.OfferOutcome> offerOutcomes() {
        List<Summary.OfferOutcome> outcomes = new ArrayList<>();
        new TreeMap<>(providers).forEach((id, totals) -> {
            for (OfferKind kind : OFFER_KINDS) {
                OfferTotals offers = totals.offers(kind);
                if (offers.offers > 0) {
                    outcomes.add(new Summary.OfferOutcome(
                            id,
                            kind.name(),
                            offers.offers,
                            offers.answers(),
                            offers.unitsOffered,
                            offers.unitsAwarded));
                }
            }
        });
        return outcomes;
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
