package dev.tender.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A run month by month (UTC calendar months from the scenario's start), for charts. Every list of
 * figures has one entry per month of {@code months}. An event is counted in the month it happened:
 * a request in the month it was routed, an answer in the month of its {@code RESPONDED}, unmet
 * units in the month their request closed.
 *
 * @param providers per provider, capacity online and units in use, as units and as H100-equivalents
 * @param commitments per commitment, the spend counted toward it by the end of each month
 * @param requestsByRoute per route, in the order of {@code RouteKind}, the requests routed that way
 * @param offersByOutcome per answer, in the order of {@code ResponseOutcome}, the offers answered so
 * @param unmetUnitsByCause per cause, in the order of their precedence, the units that went unmet
 * @param agreements every clause of the world with its period, in the scenario's order
 */
public record Timeline(
        List<String> months,
        List<ProviderSeries> providers,
        List<CommitmentSeries> commitments,
        List<RouteSeries> requestsByRoute,
        List<OutcomeSeries> offersByOutcome,
        List<CauseSeries> unmetUnitsByCause,
        List<AgreementPeriod> agreements) {

    public Timeline {
        months = List.copyOf(months);
        providers = List.copyOf(providers);
        commitments = List.copyOf(commitments);
        requestsByRoute = List.copyOf(requestsByRoute);
        offersByOutcome = List.copyOf(offersByOutcome);
        unmetUnitsByCause = List.copyOf(unmetUnitsByCause);
        agreements = List.copyOf(agreements);
    }

    /**
     * One provider's capacity online at the start of each month and its units in use on average
     * during it: in units of any accelerator, in H100-equivalents (units weighted by each
     * accelerator's {@code h100e}, rounded), and per accelerator.
     */
    public record ProviderSeries(
            String provider,
            List<Long> online,
            List<Long> inUse,
            List<Long> onlineH100e,
            List<Long> inUseH100e,
            List<AcceleratorSeries> accelerators) {
        public ProviderSeries {
            online = List.copyOf(online);
            inUse = List.copyOf(inUse);
            onlineH100e = List.copyOf(onlineH100e);
            inUseH100e = List.copyOf(inUseH100e);
            accelerators = List.copyOf(accelerators);
        }
    }

    /** One accelerator at one provider, in units; {@code h100e} is its speed in H100-equivalents. */
    public record AcceleratorSeries(String accelerator, BigDecimal h100e, List<Long> online, List<Long> inUse) {
        public AcceleratorSeries {
            online = List.copyOf(online);
            inUse = List.copyOf(inUse);
        }
    }

    public record CommitmentSeries(String agreement, BigDecimal amount, List<BigDecimal> spentByMonthEnd) {
        public CommitmentSeries {
            spentByMonthEnd = List.copyOf(spentByMonthEnd);
        }
    }

    public record RouteSeries(String route, List<Long> requests) {
        public RouteSeries {
            requests = List.copyOf(requests);
        }
    }

    public record OutcomeSeries(String outcome, List<Long> offers) {
        public OutcomeSeries {
            offers = List.copyOf(offers);
        }
    }

    public record CauseSeries(String cause, List<Long> units) {
        public CauseSeries {
            units = List.copyOf(units);
        }
    }

    /**
     * A clause and its period: in force from {@code from}, inclusive, to {@code until}, exclusive,
     * or open-ended when {@code until} is null. {@code kind} is the scenario's word for it
     * ({@code exclusive}, {@code rofr}, {@code commitment}); {@code provider} is the exclusive
     * seller, the holder of the right or the committed provider.
     */
    public record AgreementPeriod(
            String agreement,
            String kind,
            String provider,
            Instant from,
            @Nullable Instant until) {}
}
