package dev.tender.scenario;

import dev.tender.ids.Ids;
import dev.tender.money.Money;
import dev.tender.time.Span;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Parsing of the scalar values a scenario holds, shared by the YAML mapper and the trace CSV.
 * Every failure is a message that names the offending value.
 */
final class Values {

    static final String ID_RULE = "1-128 letters, digits or . _ : / @ + -, starting with a letter or digit";

    private Values() {}

    /** The outcome of parsing one value: the value, or a message saying what is wrong with it. */
    sealed interface Parsed<T> {

        record Ok<T>(T value) implements Parsed<T> {}

        record Bad<T>(String problem) implements Parsed<T> {}

        static <T> Parsed<T> ok(T value) {
            return new Ok<>(value);
        }

        static <T> Parsed<T> bad(String problem) {
            return new Bad<>(problem);
        }

        /** The value, or empty after handing what is wrong with it to {@code report}. */
        default Optional<T> orReport(Consumer<String> report) {
            if (this instanceof Ok<T> ok) {
                return Optional.of(ok.value());
            }
            report.accept(((Bad<T>) this).problem());
            return Optional.empty();
        }

        /** What {@code next} makes of the value, or this problem. */
        default <U> Parsed<U> then(Function<T, Parsed<U>> next) {
            return this instanceof Ok<T> ok ? next.apply(ok.value()) : bad(((Bad<T>) this).problem());
        }
    }

    static String quoted(String text) {
        return "'" + text + "'";
    }

    /** Null when {@code text} is a valid identifier, else why not. */
    static @Nullable String idProblem(String what, String text) {
        return Ids.isValid(text) ? null : notAnId(what, text);
    }

    /** Why {@code text}, which is not a valid identifier, is not one. */
    static String notAnId(String what, String text) {
        return "not a valid " + what + ": " + quoted(text) + " (" + ID_RULE + ")";
    }

    /**
     * True when every part is present. Builders check this as well as the problem count: a part can
     * be missing because of a problem reported elsewhere (an accelerator's own declaration).
     */
    static boolean allPresent(Optional<?>... parts) {
        for (Optional<?> part : parts) {
            if (part.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** A date ({@code 2025-01-01}, midnight UTC) or an instant ({@code 2025-01-01T06:00:00Z}). */
    static Parsed<Instant> instant(String text) {
        String trimmed = text.trim();
        try {
            return Parsed.ok(
                    LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeException notADate) {
            // try an instant next
        }
        try {
            return Parsed.ok(OffsetDateTime.parse(trimmed).toInstant());
        } catch (DateTimeException notAnInstant) {
            return Parsed.bad("not a date or instant: " + quoted(text));
        }
    }

    /** An ISO-8601 span such as {@code P4Y}, {@code P2M}, {@code P7D}, {@code PT12H}; never negative. */
    static Parsed<Span> span(String text) {
        Optional<Span> span;
        try {
            span = Span.parse(text);
        } catch (IllegalArgumentException negative) {
            return Parsed.bad("must not be negative, got " + quoted(text));
        }
        return span.map(Parsed::ok).orElseGet(() -> Parsed.bad("not an ISO-8601 duration: " + quoted(text)));
    }

    /** A span that has the same length wherever it starts: weeks, days, hours, minutes, seconds. */
    static Parsed<Duration> exact(String text) {
        return span(text)
                .then(span -> span.isExact()
                        ? Parsed.ok(span.exact())
                        : Parsed.bad(
                                "must be an exact duration (days, hours, minutes, seconds; no months or years), got "
                                        + quoted(text)));
    }

    /** A positive amount of US dollars with at most six decimals. */
    static Parsed<Money> money(BigDecimal amount, String shown) {
        if (amount.signum() <= 0) {
            return Parsed.bad("must be greater than 0, got " + shown);
        }
        if (amount.stripTrailingZeros().scale() > 6) {
            return Parsed.bad("must have at most 6 decimals, got " + shown);
        }
        try {
            return Parsed.ok(Money.ofDollars(amount));
        } catch (ArithmeticException tooLarge) {
            return Parsed.bad("is too large, got " + shown);
        }
    }

    /** A whole number greater than zero written as text (a trace field). */
    static Parsed<Integer> positiveInt(String text) {
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return Parsed.bad("expected a whole number, got " + quoted(text));
        }
        return value > 0 ? Parsed.ok(value) : Parsed.bad("must be greater than 0, got " + quoted(text));
    }

    /** A decimal number written as text (a trace field). */
    static Parsed<BigDecimal> decimal(String text) {
        try {
            return Parsed.ok(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            return Parsed.bad("expected a number, got " + quoted(text));
        }
    }
}
