package dev.tender.eventlog;

import dev.tender.event.EventSchema;
import dev.tender.event.EventSink;
import dev.tender.event.EventType;
import dev.tender.event.TenderEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code events.jsonl}: one JSON object per line, with the fields {@link EventSchema}
 * names, in its order.
 */
public final class JsonlEventWriter implements EventSink, AutoCloseable {

    private static final int FLUSH_AT = 1 << 20;

    private final OutputStream out;
    private final JsonText json = new JsonText();

    public JsonlEventWriter(OutputStream out) {
        this.out = out;
    }

    public static JsonlEventWriter to(Path file) throws IOException {
        return new JsonlEventWriter(Files.newOutputStream(file));
    }

    @Override
    public void accept(TenderEvent event) {
        write(event, json);
        if (json.length() >= FLUSH_AT) {
            writeBuffer();
        }
    }

    /** Appends {@code event} to {@code json} as one line, newline included. */
    static void write(TenderEvent event, JsonText json) {
        EventType<?> type = EventSchema.of(event);
        json.beginObject();
        json.name(EventSchema.SEQ.name());
        json.number(event.seq());
        json.name(EventSchema.AT.name());
        json.instant(event.at());
        json.name(EventSchema.TYPE);
        json.text(type.name());
        json.name(EventSchema.REQUEST.name());
        json.text(event.request().value());
        type.writeFields(event, json);
        json.endObject();
    }

    private void writeBuffer() {
        try {
            out.write(json.bytes(), 0, json.length());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the event log: " + e.getMessage(), e);
        }
        json.clear();
    }

    public void flush() throws IOException {
        writeBuffer();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        writeBuffer();
        out.close();
    }
}
