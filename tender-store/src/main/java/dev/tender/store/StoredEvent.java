package dev.tender.store;

import java.time.Instant;

/**
 * One event as the node's event log line (the same JSON line as the simulator's {@code
 * events.jsonl}), with the columns it is found by.
 *
 * <p>{@code at} must be whole microseconds, the most both databases keep; the store gives back
 * exactly the instant and the line it was given. No text may hold the NUL character or half of a
 * surrogate pair, which PostgreSQL cannot store unchanged.
 *
 * @param seq from 1, without gaps
 * @param request the request's id: not blank, at most 200 characters
 * @param type the event's type: not blank, at most 40 characters
 * @param line not blank
 */
public record StoredEvent(long seq, Instant at, String request, String type, String line) {

    public StoredEvent {
        Columns.seq(seq);
        Columns.timestamp(at, "at");
        Columns.varchar(request, "request", 200);
        Columns.varchar(type, "type", 40);
        if (Columns.text(line, "line").isBlank()) {
            throw new IllegalArgumentException("line must not be blank");
        }
    }
}
