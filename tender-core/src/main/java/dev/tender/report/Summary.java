package dev.tender.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a run came to: the figures {@code summary.json} holds and the demo prints. Its components
 * are the file's keys, so new figures are added and none is renamed: other tools read them.
 * {@code unmetCausePrecedence} lists the codes of {@code unmetUnitsByCause} in the order the
 * engine tries them: a request short for several reasons is filed under the first that applies.
 */
public record Summary(
        String scenario,
        long seed,
        Instant start,
        Instant end,
        Requests requests,
        long unitsRequested,
        long unitsAwarded,
        long unitHoursAwarded,
        BigDecimal cost,
        Map<String, Long> routes,
        List<ProviderShare> providers,
        List<WorkloadOutcome> workloads,
        List<RightOutcome> rofr,
        List<OfferOutcome> offers,
        List<ExclusiveOutcome> exclusivity,
        List<String> unmetCausePrecedence,
        Map<String, Long> unmetUnitsByCause,
        List<CommitmentBurn> commitments,
        Timeline timeline,
        TimeToCapacity timeToCapacity) {

    public record Requests(
            long submitted, long fulfilled, long partial, long unfulfilled, long rejected, long cancelled) {}

    /** {@code share} is the provider's fraction of all units awarded. */
    public record ProviderShare(
            String provider, String name, long awards, long units, long unitHours, BigDecimal cost, double share) {}

    public record WorkloadOutcome(
            String workload, long requests, long unitsRequested, long unitsAwarded, long unmetUnits, BigDecimal cost) {}

    /** Offers made under one right of first refusal (first looks, matches, own-terms offers) and their answers. */
    public record RightOutcome(
            String agreement,
            String holder,
            String mode,
            long requests,
            long offers,
            long accepted,
            long partial,
            long declined,
            long lapsed,
            long unitsOffered,
            long unitsAwarded) {}

    /**
     * The offers of one kind made to one provider, on every route, and how they were answered;
     * {@code unitsAwarded} are the units awarded from those offers' quotes.
     */
    public record OfferOutcome(
            String provider, String kind, long offers, Answers answers, long unitsOffered, long unitsAwarded) {}

    /** How many offers were answered each way; a lapsed offer had no answer by its deadline. */
    public record Answers(long accepted, long partial, long declined, long lapsed) {}

    public record ExclusiveOutcome(
            String agreement,
            String provider,
            long requests,
            long unitsRequested,
            long unitsAwarded,
            long unmetUnits) {}

    /** {@code metAt} is null while the amount is not reached; {@code shortfall} is what remains at {@code until}. */
    public record CommitmentBurn(
            String agreement,
            String provider,
            BigDecimal amount,
            BigDecimal spent,
            BigDecimal shortfall,
            double burned,
            Instant from,
            @Nullable Instant until,
            @Nullable Instant metAt) {}

    /**
     * How long awarded capacity came after the start its request asked for, unit-weighted: each
     * award's delay, from the requested start to the awarded start in whole minutes (an award that
     * starts early has none), counts once per unit it awarded, so a large late award weighs more than
     * a small one on time. {@code p90Hours} is the smallest delay by which at least 90 % of the
     * awarded units had started. Both are 0 when nothing was awarded.
     */
    public record TimeToCapacity(double meanHours, double p90Hours, long unitsAwarded) {}
}
