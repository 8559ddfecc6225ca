package dev.tender.store;

import java.time.Instant;

/**
 * One command of the live node's log: its position, the instant it took effect, its kind and its
 * body (JSON text the node writes and reads; the store does not look inside).
 *
 * <p>{@code at} must be whole microseconds, the most both databases keep; the store gives back
 * exactly the instant it was given. {@code body} must not hold the NUL character or half of a
 * surrogate pair, which PostgreSQL cannot store unchanged.
 *
 * @param seq from 1, without gaps
 * @param kind not blank, at most 40 characters
 */
public record StoredCommand(long seq, Instant at, String kind, String body) {

    public StoredCommand {
        Columns.seq(seq);
        Columns.timestamp(at, "at");
        Columns.varchar(kind, "kind", 40);
        Columns.text(body, "body");
    }
}
