package dev.tender.time;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * An ISO-8601 length of time as scenarios write it: calendar ({@code P2M}, {@code P1Y}) or exact
 * ({@code PT6H}, {@code P7D}). Calendar lengths are applied in UTC so that "every two months"
 * lands on the same day of the month.
 */
public record Span(Period period, Duration duration) {

    public Span {
        if (period == null || duration == null) {
            throw new IllegalArgumentException("period and duration are required");
        }
        if (period.isNegative() || duration.isNegative()) {
            throw new IllegalArgumentException("a span cannot be negative: " + period + " " + duration);
        }
    }

    public static Span of(Duration duration) {
        return new Span(Period.ZERO, duration);
    }

    public static Span ofDays(long days) {
        return of(Duration.ofDays(days));
    }

    /** Parses {@code P1Y2M3DT4H} and friends; empty when the text is not an ISO-8601 span. */
    public static Optional<Span> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String upper = text.trim().toUpperCase(Locale.ROOT);
        int t = upper.indexOf('T');
        try {
            if (t < 0) {
                return Optional.of(normalised(Period.parse(upper), Duration.ZERO));
            }
            String datePart = upper.substring(0, t);
            Period period = datePart.equals("P") ? Period.ZERO : Period.parse(datePart);
            Duration duration = Duration.parse("P" + upper.substring(t));
            return Optional.of(normalised(period, duration));
        } catch (DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        } catch (IllegalArgumentException negative) {
            // "-P1D" parses as java.time text, but a span cannot be negative: not a span either.
            return Optional.empty();
        }
    }

    private static Span normalised(Period period, Duration duration) {
        // Days are exact in UTC, so they move into the duration; only months and years stay calendar.
        Period calendar = Period.of(period.getYears(), period.getMonths(), 0);
        return new Span(calendar, duration.plusDays(period.getDays()));
    }

    /** True when the span has the same length wherever it starts (no months or years). */
    public boolean isExact() {
        return period.isZero();
    }

    public boolean isZero() {
        return period.isZero() && duration.isZero();
    }

    /** The exact length; only for spans without months or years. */
    public Duration exact() {
        if (!isExact()) {
            throw new IllegalStateException(this + " has months or years and no fixed length");
        }
        return duration;
    }

    public Instant addTo(Instant start) {
        return times(start, 1);
    }

    /** {@code start + n x this}, calendar parts scaled before they are applied. */
    public Instant times(Instant start, long n) {
        Instant shifted = start;
        if (!period.isZero()) {
            shifted = shifted.atOffset(ZoneOffset.UTC)
                    .plusYears(period.getYears() * n)
                    .plusMonths(period.getMonths() * n)
                    .toInstant();
        }
        // Duration.multipliedBy goes through BigDecimal; this runs for every offer and request.
        return n == 1 ? shifted.plus(duration) : shifted.plus(duration.multipliedBy(n));
    }

    @Override
    public String toString() {
        if (period.isZero()) {
            return Durations.iso(duration);
        }
        if (duration.isZero()) {
            return period.toString();
        }
        return period + Durations.iso(duration).substring(1);
    }
}
