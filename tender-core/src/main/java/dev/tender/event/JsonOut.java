package dev.tender.event;

import dev.tender.money.Money;
import java.time.Instant;
import java.util.List;

/** Where a {@link Codec} writes one value of an event as JSON: the writer of the log implements it. */
public interface JsonOut {

    void number(long value);

    /** Dollars as a JSON number with at least two decimals and at most six. */
    void money(Money value);

    /** ISO-8601 UTC, as {@link Instant#toString()} writes it. */
    void instant(Instant value);

    void text(String value);

    /** A JSON array of strings: each value's {@code toString()}. */
    void texts(List<?> values);

    void nothing();
}
