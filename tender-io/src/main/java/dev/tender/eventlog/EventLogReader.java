package dev.tender.eventlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tender.demand.RequestId;
import dev.tender.event.EventSchema;
import dev.tender.event.EventType;
import dev.tender.event.Field;
import dev.tender.event.JsonValue;
import dev.tender.event.TenderEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code events.jsonl} back into events by {@link EventSchema}. A line that is not an event
 * of the schema is refused with its number; a line of a type this version does not know is
 * skipped. The reading also says which requests the log never saw close, so a reader can tell a
 * log that was cut short.
 */
public final class EventLogReader {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private EventLogReader() {}

    /** A line that is not an event of the log format; names the line. */
    public static final class MalformedLog extends Exception {
        private static final long serialVersionUID = 1L;

        public MalformedLog(String message) {
            super(message);
        }
    }

    /** What a reading found besides the events: the requests submitted in it that it never saw close. */
    public record Reading(long events, List<RequestId> unclosed) {

        public Reading {
            unclosed = List.copyOf(unclosed);
        }

        /** "the log ends before training-60 closed: truncated?", or empty when every request closed. */
        public Optional<String> truncation() {
            if (unclosed.isEmpty()) {
                return Optional.empty();
            }
            if (unclosed.size() == 1) {
                return Optional.of("the log ends before " + unclosed.get(0) + " closed: truncated?");
            }
            List<String> first =
                    unclosed.stream().limit(3).map(RequestId::value).toList();
            return Optional.of("the log ends before " + unclosed.size() + " requests closed ("
                    + String.join(", ", first) + (unclosed.size() > 3 ? ", ..." : "") + "): truncated?");
        }
    }

    /**
     * Passes each event to {@code consumer}, which may refuse one with an {@link
     * IllegalArgumentException} (the log is then refused at that line), parsing only lines that {@code lineFilter} keeps (a
     * cheap text test, so a large log need not be parsed in full). The lines it skips are still
     * checked to be whole JSON objects, so a line cut short anywhere in the log is refused.
     */
    public static Reading read(Path file, Predicate<String> lineFilter, Consumer<TenderEvent> consumer)
            throws IOException, MalformedLog {
        Set<RequestId> open = new LinkedHashSet<>();
        long events = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                if (!lineFilter.test(line)) {
                    requireWhole(line, number);
                    continue;
                }
                Optional<TenderEvent> event = parse(line, number);
                if (event.isPresent()) {
                    events++;
                    track(event.get(), open);
                    try {
                        consumer.accept(event.get());
                    } catch (IllegalArgumentException e) {
                        // What reads the events refused this one: say where it stands in the log.
                        throw new MalformedLog("line " + number + ": " + e.getMessage());
                    }
                }
            }
        }
        return new Reading(events, new ArrayList<>(open));
    }

    /** A shallow look at a line not parsed: an object from its first character to its last. */
    private static void requireWhole(String line, long number) throws MalformedLog {
        String trimmed = line.strip();
        if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
            throw new MalformedLog("line " + number + " is not a whole JSON object: cut short, or not an event log");
        }
    }

    private static void track(TenderEvent event, Set<RequestId> open) {
        if (event instanceof TenderEvent.Submitted) {
            open.add(event.request());
        } else if (event instanceof TenderEvent.Closed) {
            open.remove(event.request());
        }
    }

    static Optional<TenderEvent> parse(String line, long number) throws MalformedLog {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new MalformedLog("line " + number + " is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new MalformedLog("line " + number + " is not a JSON object");
        }
        JsonNode type = node.get(EventSchema.TYPE);
        if (type == null || !type.isTextual()) {
            throw new MalformedLog("line " + number + " lacks its '" + EventSchema.TYPE + "'");
        }
        Optional<EventType<?>> known = EventSchema.named(type.textValue());
        if (known.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Line(node).event(known.get()));
        } catch (MissingField e) {
            throw new MalformedLog("line " + number + " " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new MalformedLog("line " + number + " is not a Tender event: " + e.getMessage());
        }
    }

    /** A field every event of its type has is not there. */
    private static final class MissingField extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        MissingField(String message) {
            super(message);
        }
    }

    /** One line's fields, read by the schema. */
    private static final class Line implements EventType.Values {
        private final JsonNode node;
        /** By identity: a field is one of the schema's constants. */
        private final IdentityHashMap<Field<?, ?>, @Nullable Object> values = new IdentityHashMap<>();

        private long seq;
        private Instant at = Instant.EPOCH;
        private RequestId request = new RequestId("unread");

        Line(JsonNode node) {
            this.node = node;
        }

        TenderEvent event(EventType<?> type) {
            seq = readPresent(EventSchema.SEQ);
            at = readPresent(EventSchema.AT);
            request = readPresent(EventSchema.REQUEST);
            for (Field<?, ?> field : type.fields()) {
                values.put(field, read(field));
            }
            return type.build(this);
        }

        /** The value of one of the fields every event has. */
        private <T> T readPresent(Field<?, T> field) {
            T value = read(field);
            if (value == null) {
                // read() gives null only for a nullable field, which seq, at and request are not.
                throw new IllegalStateException("'" + field.name() + "' is nullable");
            }
            return value;
        }

        /** The field's value; null only for a nullable field, when the line has none. */
        private <T> @Nullable T read(Field<?, T> field) {
            JsonNode value = node.get(field.name());
            if (value == null || value.isNull()) {
                if (field.nullable()) {
                    return null;
                }
                throw new MissingField(
                        value == null ? "lacks its '" + field.name() + "'" : "has no value for '" + field.name() + "'");
            }
            try {
                return field.codec().read(new NodeValue(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + field.name() + "': " + e.getMessage(), e);
            }
        }

        @Override
        public long seq() {
            return seq;
        }

        @Override
        public Instant at() {
            return at;
        }

        @Override
        public RequestId request() {
            return request;
        }

        @Override
        public <T> T get(Field<?, T> field) {
            T value = getNullable(field);
            if (value == null) {
                // read() refuses a line that lacks a value the schema never lets be null.
                throw new IllegalStateException("'" + field.name() + "' is nullable or not of this type");
            }
            return value;
        }

        @Override
        @SuppressWarnings("unchecked") // values holds what read(field) returned: a T
        public <T> @Nullable T getNullable(Field<?, T> field) {
            return (T) values.get(field);
        }
    }

    /** A JSON value as the schema's codecs read it. */
    private record NodeValue(JsonNode node) implements JsonValue {

        @Override
        public long whole() {
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw new IllegalArgumentException("expected a whole number, got " + node);
            }
            return node.longValue();
        }

        @Override
        public BigDecimal decimal() {
            if (!node.isNumber()) {
                throw new IllegalArgumentException("expected a number, got " + node);
            }
            return node.decimalValue();
        }

        @Override
        public String text() {
            if (!node.isTextual()) {
                throw new IllegalArgumentException("expected a string, got " + node);
            }
            return node.textValue();
        }

        @Override
        public List<String> texts() {
            if (!node.isArray()) {
                throw new IllegalArgumentException("expected an array of strings, got " + node);
            }
            List<String> texts = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                texts.add(new NodeValue(item).text());
            }
            return texts;
        }
    }
}
