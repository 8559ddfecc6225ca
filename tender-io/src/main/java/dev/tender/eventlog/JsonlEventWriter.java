package dev.tender.eventlog;

import dev.tender.event.EventSink;
import dev.tender.event.TenderEvent;
import dev.tender.event.TenderEvent.Awarded;
import dev.tender.event.TenderEvent.Closed;
import dev.tender.event.TenderEvent.Offered;
import dev.tender.event.TenderEvent.Responded;
import dev.tender.event.TenderEvent.Routed;
import dev.tender.event.TenderEvent.Submitted;
import dev.tender.time.Durations;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code events.jsonl}: one JSON object per line, fields as DESIGN.md section 3 names them.
 * {@link #accept} writes an event whole; the methods by kind add only that kind's own fields.
 */
public final class JsonlEventWriter implements EventSink.ByKind, AutoCloseable {

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
        json.beginObject();
        json.field("seq", event.seq());
        json.field("at", event.at());
        json.field("type", event.type());
        json.field("request", event.request().value());
        EventSink.ByKind.super.accept(event);
        json.endObject();
        if (json.length() >= FLUSH_AT) {
            writeBuffer();
        }
    }

    @Override
    public void submitted(Submitted event) {
        var request = event.details();
        json.field("tenant", request.tenant());
        json.field("workload", request.workload());
        json.field("accelerator", request.accelerator());
        json.field("units", request.units());
        json.field("start", request.start());
        json.field("hours", request.hours());
        json.field("flex", Durations.iso(request.flex()));
        json.field("regions", request.regions());
        json.field("maxPrice", request.maxPrice());
    }

    @Override
    public void routed(Routed event) {
        json.field("route", event.route());
        json.field("agreements", event.agreements());
        json.field("eligible", event.eligible());
        json.field("reason", event.reason());
    }

    @Override
    public void offered(Offered event) {
        json.field("offer", event.offer().value());
        json.field("provider", event.provider().value());
        json.field("kind", event.kind().name());
        json.field("units", event.units());
        json.field("deadline", event.deadline());
        json.nullableField("agreement", event.agreement());
        json.field("matchPrice", event.matchPrice());
    }

    @Override
    public void responded(Responded event) {
        json.field("offer", event.offer().value());
        json.field("provider", event.provider().value());
        json.field("outcome", event.outcome().name());
        json.field("units", event.units());
        json.field("unitPrice", event.unitPrice());
        json.nullableField("site", event.site());
        json.field("start", event.start());
        json.nullableField("reason", event.reason());
    }

    @Override
    public void awarded(Awarded event) {
        json.field("provider", event.provider().value());
        json.field("site", event.site().value());
        json.field("accelerator", event.accelerator());
        json.field("units", event.units());
        json.field("unitPrice", event.unitPrice());
        json.field("start", event.start());
        json.field("end", event.end());
        json.field("cost", event.cost());
        json.field("offer", event.offer().value());
    }

    @Override
    public void closed(Closed event) {
        json.field("outcome", event.outcome().name());
        json.field("units", event.units());
        json.field("reason", event.reason());
        json.nullableField("cause", event.cause() == null ? null : event.cause().code());
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
