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
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code events.jsonl}: one JSON object per line, fields as DESIGN.md section 3 names them. */
public final class JsonlEventWriter implements EventSink, AutoCloseable {

    private static final int FLUSH_AT = 1 << 16;

    private final Writer writer;
    private final StringBuilder line = new StringBuilder(FLUSH_AT + 4096);
    private final JsonText json = new JsonText(line);

    public JsonlEventWriter(Writer writer) {
        this.writer = writer;
    }

    public static JsonlEventWriter to(Path file) throws IOException {
        return new JsonlEventWriter(new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16));
    }

    @Override
    public void accept(TenderEvent event) {
        json.beginObject();
        json.field("seq", event.seq());
        json.field("at", event.at());
        json.field("type", event.type());
        json.field("request", event.request().value());
        if (event instanceof Submitted s) {
            submitted(s);
        } else if (event instanceof Routed r) {
            json.field("route", r.route());
            json.field("agreements", r.agreements());
            json.field("eligible", r.eligible());
            json.field("reason", r.reason());
        } else if (event instanceof Offered o) {
            offered(o);
        } else if (event instanceof Responded r) {
            responded(r);
        } else if (event instanceof Awarded a) {
            awarded(a);
        } else if (event instanceof Closed c) {
            json.field("outcome", c.outcome().name());
            json.field("units", c.units());
            json.field("reason", c.reason());
            json.nullableField("cause", c.cause() == null ? null : c.cause().code());
        }
        json.endObject();
        line.append('\n');
        if (line.length() >= FLUSH_AT) {
            flushLine();
        }
    }

    private void submitted(Submitted event) {
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

    private void offered(Offered event) {
        json.field("offer", event.offer().value());
        json.field("provider", event.provider().value());
        json.field("kind", event.kind().name());
        json.field("units", event.units());
        json.field("deadline", event.deadline());
        json.nullableField("agreement", event.agreement());
        json.field("matchPrice", event.matchPrice());
    }

    private void responded(Responded event) {
        json.field("offer", event.offer().value());
        json.field("provider", event.provider().value());
        json.field("outcome", event.outcome().name());
        json.field("units", event.units());
        json.field("unitPrice", event.unitPrice());
        json.nullableField("site", event.site());
        json.field("start", event.start());
        json.nullableField("reason", event.reason());
    }

    private void awarded(Awarded event) {
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

    private void flushLine() {
        try {
            writer.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the event log", e);
        }
        line.setLength(0);
    }

    public void flush() throws IOException {
        flushLine();
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        flushLine();
        writer.close();
    }
}
