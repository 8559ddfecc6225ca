package dev.tender.agreement;

import dev.tender.money.Money;
import dev.tender.provider.ProviderId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The buyer promised to spend {@code amount} with {@code provider} between {@code from} and {@code
 * until}. Until the promise is met, the provider's quotes rank as if {@code preference} (a
 * fraction, 0.10 = ten per cent) cheaper.
 */
public record Commitment(
        AgreementId id,
        ProviderId provider,
        Money amount,
        double preference,
        Scope scope,
        Instant from,
        @Nullable Instant until)
        implements Agreement {

    public Commitment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("agreement " + id + ": amount must be positive");
        }
        if (!(preference >= 0 && preference < 1)) {
            throw new IllegalArgumentException("agreement " + id + ": preference must be in [0, 1), not " + preference);
        }
        scope = scope == null ? Scope.EVERYTHING : scope;
        Agreement.requirePeriod(id, from, until);
    }

    /**
     * The part of an award's cost that counts toward this commitment: the unit-hours that fall
     * inside the commitment's period, at the award's price.
     */
    public Money countedSpend(Money unitPrice, long units, Instant start, Instant end) {
        Instant countFrom = start.isBefore(from) ? from : start;
        Instant countUntil = until != null && end.isAfter(until) ? until : end;
        if (!countUntil.isAfter(countFrom)) {
            return Money.ZERO;
        }
        long seconds = Duration.between(countFrom, countUntil).toSeconds();
        long fullSeconds = Duration.between(start, end).toSeconds();
        if (seconds == fullSeconds) {
            return unitPrice.times(units).times(fullSeconds / 3600);
        }
        return unitPrice.times(units).scaled(seconds / 3600.0);
    }
}
