package dev.tender.eventlog;

import dev.tender.event.TenderEvent;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Events one at a time as the lines of {@code events.jsonl}, for a store that keeps each event
 * apart: the same bytes the file writer writes, and the same reading as the file reader's. Not
 * thread-safe: one per thread.
 */
public final class EventLines {

    private final JsonText json = new JsonText();

    /** The event's line, without its newline. */
    public String line(TenderEvent event) {
        json.clear();
        JsonlEventWriter.write(event, json);
        return new String(json.bytes(), 0, json.length() - 1, StandardCharsets.UTF_8);
    }

    /** The event a line holds; empty for an event type this version does not know. */
    public static Optional<TenderEvent> parse(String line) throws EventLogReader.MalformedLog {
        return EventLogReader.parse(line, 1);
    }
}
