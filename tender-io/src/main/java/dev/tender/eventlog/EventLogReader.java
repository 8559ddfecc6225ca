package dev.tender.eventlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tender.agreement.AgreementId;
import dev.tender.demand.Request;
import dev.tender.demand.RequestId;
import dev.tender.event.OfferId;
import dev.tender.event.OfferKind;
import dev.tender.event.ResponseOutcome;
import dev.tender.event.TenderEvent;
import dev.tender.event.TerminalState;
import dev.tender.event.UnmetCause;
import dev.tender.money.Money;
import dev.tender.provider.ProviderId;
import dev.tender.provider.SiteId;
import dev.tender.time.Span;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/** Reads {@code events.jsonl} back into events; lines of types it does not know are skipped. */
public final class EventLogReader {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** A line that is not an event of the log format; names the line. */
    public static final class MalformedLog extends Exception {
        public MalformedLog(String message) {
            super(message);
        }
    }

    /**
     * Passes each event to {@code consumer}, reading only lines that {@code lineFilter} keeps (a
     * cheap text test, so a large log need not be parsed in full).
     */
    public static void read(Path file, Predicate<String> lineFilter, Consumer<TenderEvent> consumer)
            throws IOException, MalformedLog {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || !lineFilter.test(line)) {
                    continue;
                }
                Optional<TenderEvent> event = parse(line, number);
                event.ifPresent(consumer);
            }
        }
    }

    public static List<TenderEvent> readAll(Path file) throws IOException, MalformedLog {
        List<TenderEvent> events = new ArrayList<>();
        read(file, line -> true, events::add);
        return events;
    }

    static Optional<TenderEvent> parse(String line, long number) throws MalformedLog {
        try {
            JsonNode node = JSON.readTree(line);
            return Optional.ofNullable(toEvent(node));
        } catch (JsonProcessingException e) {
            throw new MalformedLog("line " + number + " is not JSON: " + e.getOriginalMessage());
        } catch (MissingField e) {
            throw new MalformedLog("line " + number + " lacks its '" + e.field + "'");
        } catch (RuntimeException e) {
            throw new MalformedLog("line " + number + " is not a Tender event: " + e.getMessage());
        }
    }

    /** A field every event of its type has is not there. */
    private static final class MissingField extends RuntimeException {
        final String field;

        MissingField(String field) {
            super(field, null, false, false);
            this.field = field;
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new MissingField(field);
        }
        return value;
    }

    private static TenderEvent toEvent(JsonNode n) {
        long seq = required(n, "seq").asLong();
        Instant at = Instant.parse(required(n, "at").asText());
        RequestId request = new RequestId(required(n, "request").asText());
        switch (required(n, "type").asText()) {
            case "SUBMITTED":
                return new TenderEvent.Submitted(
                        seq,
                        at,
                        new Request(
                                request,
                                text(n, "tenant"),
                                text(n, "workload"),
                                text(n, "accelerator"),
                                required(n, "units").asInt(),
                                instant(n, "start"),
                                required(n, "hours").asInt(),
                                Span.parse(required(n, "flex").asText())
                                        .filter(Span::isExact)
                                        .map(Span::exact)
                                        .orElseThrow(
                                                () -> new IllegalArgumentException("flex is not an exact duration")),
                                strings(n, "regions", Function.identity()),
                                money(n, "maxPrice")));
            case "ROUTED":
                return new TenderEvent.Routed(
                        seq,
                        at,
                        request,
                        text(n, "route"),
                        strings(n, "agreements", AgreementId::new),
                        strings(n, "eligible", ProviderId::new),
                        text(n, "reason"));
            case "OFFERED":
                return new TenderEvent.Offered(
                        seq,
                        at,
                        request,
                        offer(n),
                        new ProviderId(text(n, "provider")),
                        OfferKind.valueOf(text(n, "kind")),
                        required(n, "units").asInt(),
                        instant(n, "deadline"),
                        text(n, "agreement") == null ? null : new AgreementId(text(n, "agreement")),
                        money(n, "matchPrice"));
            case "RESPONDED":
                return new TenderEvent.Responded(
                        seq,
                        at,
                        request,
                        offer(n),
                        new ProviderId(text(n, "provider")),
                        ResponseOutcome.valueOf(text(n, "outcome")),
                        required(n, "units").asInt(),
                        money(n, "unitPrice"),
                        text(n, "site") == null ? null : new SiteId(text(n, "site")),
                        instant(n, "start"),
                        text(n, "reason"));
            case "AWARDED":
                return new TenderEvent.Awarded(
                        seq,
                        at,
                        request,
                        new ProviderId(text(n, "provider")),
                        new SiteId(text(n, "site")),
                        text(n, "accelerator"),
                        required(n, "units").asInt(),
                        money(n, "unitPrice"),
                        instant(n, "start"),
                        instant(n, "end"),
                        money(n, "cost"),
                        offer(n));
            case "CLOSED":
                return new TenderEvent.Closed(
                        seq,
                        at,
                        request,
                        TerminalState.valueOf(text(n, "outcome")),
                        required(n, "units").asInt(),
                        text(n, "reason"),
                        text(n, "cause") == null ? null : UnmetCause.ofCode(text(n, "cause")));
            default:
                return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static OfferId offer(JsonNode node) {
        String text = required(node, "offer").asText();
        return OfferId.parse(text)
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an offer id (<request>.o<n>)"));
    }

    private static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : Instant.parse(text);
    }

    private static Money money(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : Money.ofDollars(value.decimalValue());
    }

    private static <T> List<T> strings(JsonNode node, String field, Function<String, T> convert) {
        List<T> values = new ArrayList<>();
        required(node, field).forEach(v -> values.add(convert.apply(v.asText())));
        return values;
    }
}
