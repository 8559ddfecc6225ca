package dev.tender.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rows refuse, before any database sees them, what a column cannot hold unchanged. */
class StoredRowsTest {

    static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
    static final String HASH = "0123456789abcdef".repeat(4);

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("a seq below 1", "seq must be at least 1: 0", () -> new StoredCommand(0, AT, "submit", "{}")),
                refusal("a blank kind", "kind must not be blank", () -> new StoredCommand(1, AT, " ", "{}")),
                refusal(
                        "a kind of 41 characters",
                        "kind must have at most 40 characters, not 41",
                        () -> new StoredCommand(1, AT, "k".repeat(41), "{}")),
                refusal(
                        "an instant with nanoseconds",
                        "at must be whole microseconds: 2026-03-01T12:00:00.000000001Z",
                        () -> new StoredCommand(1, AT.plusNanos(1), "submit", "{}")),
                refusal(
                        "the NUL character, which PostgreSQL refuses",
                        "body must not hold the NUL character (at 1)",
                        () -> new StoredCommand(1, AT, "submit", "{\0}")),
                refusal(
                        "half of a surrogate pair, which PostgreSQL turns into '?'",
                        "line must not hold half of a surrogate pair (at 2)",
                        () -> new StoredEvent(1, AT, "r-1", "SUBMITTED", "{\"\uD83D\"}")),
                refusal(
                        "a request of 201 characters",
                        "request must have at most 200 characters, not 201",
                        () -> new StoredEvent(1, AT, "r".repeat(201), "SUBMITTED", "{}")),
                refusal(
                        "a type of 41 characters",
                        "type must have at most 40 characters, not 41",
                        () -> new StoredEvent(1, AT, "r-1", "T".repeat(41), "{}")),
                refusal("a blank line", "line must not be blank", () -> new StoredEvent(1, AT, "r-1", "CLOSED", "\n")),
                refusal(
                        "a hash in capitals",
                        "hash must be 64 lower-case hex digits (a SHA-256)",
                        () -> new StoredToken(HASH.toUpperCase(Locale.ROOT), "admin", AT)),
                refusal(
                        "a hash too short",
                        "hash must be 64 lower-case hex digits (a SHA-256)",
                        () -> new StoredToken(HASH.substring(1), "admin", AT)),
                refusal("a blank role", "role must not be blank", () -> new StoredToken(HASH, "", AT)));
    }

    static Arguments refusal(String what, String message, Executable construction) {
        return Arguments.of(what, message, construction);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refuses(String what, String message, Executable construction) {
        assertThatThrownBy(construction::execute)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void takesWhatTheColumnsHoldToTheirLimits() {
        String pair = "\uD83D\uDE00";

        assertThat(new StoredCommand(1, AT.plusNanos(1_000), "k".repeat(40), "").body())
                .isEmpty();
        assertThat(new StoredEvent(1, AT, "r".repeat(200), "T".repeat(40), pair).line())
                .isEqualTo(pair);
    }
}
