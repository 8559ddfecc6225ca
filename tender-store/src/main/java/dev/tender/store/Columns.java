package dev.tender.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jdbi.v3.core.argument.Argument;

/**
 * What the schema's columns can hold, checked before a value reaches either database, and the one
 * conversion that needs care: instants.
 *
 * <p>An instant goes in and comes out as an {@link OffsetDateTime} in UTC. Jdbi's default binds an
 * {@code Instant} as a {@code java.sql.Timestamp}, which H2 turns into a local date-time of the
 * JVM's zone: an instant in the hour a clock is set back would come back an hour off.
 */
final class Columns {

    private Columns() {}

    static long seq(long seq) {
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be at least 1: " + seq);
        }
        return seq;
    }

    /** {@code value}, if it is not blank, has at most {@code max} characters, and is storable. */
    static String varchar(String value, String name, int max) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(
                    name + " must have at most " + max + " characters, not " + value.length());
        }
        return text(value, name);
    }

    /**
     * {@code value}, if both databases store it unchanged: PostgreSQL refuses the NUL character
     * and turns half of a surrogate pair into '?', where H2 would keep both.
     */
    static String text(String value, String name) {
        Objects.requireNonNull(value, name);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                throw new IllegalArgumentException(name + " must not hold the NUL character (at " + i + ")");
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(name + " must not hold half of a surrogate pair (at " + i + ")");
            }
        }
        return value;
    }

    /** {@code at}, if it has no digits below the microsecond, which neither database keeps. */
    static Instant timestamp(Instant at, String name) {
        Objects.requireNonNull(at, name);
        if (!at.truncatedTo(ChronoUnit.MICROS).equals(at)) {
            throw new IllegalArgumentException(name + " must be whole microseconds: " + at);
        }
        return at;
    }

    static Argument bind(Instant at) {
        OffsetDateTime utc = at.atOffset(ZoneOffset.UTC);
        return (position, statement, context) -> statement.setObject(position, utc);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
