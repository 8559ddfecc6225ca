package dev.tender.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * A run month by month (UTC calendar months from the scenario's start), for charts: per provider,
 * the units online at the start of each month and the units in use on average during it; per
 * commitment, the spend counted toward it by the end of each month.
 */
public record Timeline(List<String> months, List<ProviderSeries> providers, List<CommitmentSeries> commitments) {

    public Timeline {
        months = List.copyOf(months);
        providers = List.copyOf(providers);
        commitments = List.copyOf(commitments);
    }

    public record ProviderSeries(String provider, List<Long> online, List<Long> inUse) {
        public ProviderSeries {
            online = List.copyOf(online);
            inUse = List.copyOf(inUse);
        }
    }

    public record CommitmentSeries(String agreement, BigDecimal amount, List<BigDecimal> spentByMonthEnd) {
        public CommitmentSeries {
            spentByMonthEnd = List.copyOf(spentByMonthEnd);
        }
    }
}
