package dev.tender.server.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tender.agreement.AgreementId;
import dev.tender.broker.Answer;
import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.Region;
import dev.tender.catalog.WorkloadClass;
import dev.tender.demand.RequestId;
import dev.tender.demand.TenantId;
import dev.tender.event.OfferId;
import dev.tender.money.Money;
import dev.tender.provider.ProviderId;
import dev.tender.provider.SiteId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Commands as the log stores them: a kind and a JSON body. The body is the log's format, read back
 * by every later version, so its fields are named here once and never renamed.
 */
public final class CommandCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CommandCodec() {}

    public static String body(Command<?> command) {
        ObjectNode body = JSON.createObjectNode();
        if (command instanceof Command.LoadWorld load) {
            body.put("scenario", load.scenario());
            body.put("source", load.source());
            // Sorted: a set has no order, and the same command is always written the same.
            texts(
                    body.putArray("manual"),
                    load.manual().stream().map(ProviderId::value).sorted().toList());
        } else if (command instanceof Command.Submit submit) {
            body.put("idempotencyKey", submit.idempotencyKey());
            demand(body, submit.demand());
        } else if (command instanceof Command.Respond respond) {
            body.put("offer", respond.offer().value());
            body.put("provider", respond.provider().value());
            answer(body, respond.answer());
        } else if (command instanceof Command.Cancel cancel) {
            body.put("request", cancel.request().value());
            body.put("reason", cancel.reason());
        } else if (command instanceof Command.AddAgreement add) {
            body.put("entry", add.entry());
        } else if (command instanceof Command.EndAgreement end) {
            body.put("agreement", end.agreement().value());
            body.put("at", end.at() == null ? null : end.at().toString());
        } else {
            Command.AnnounceCapacity announce = (Command.AnnounceCapacity) command;
            body.put("provider", announce.provider().value());
            body.put("site", announce.site().value());
            body.put("accelerator", announce.accelerator().value());
            body.put("units", announce.units());
            body.put(
                    "megawatts",
                    announce.megawatts() == null ? null : announce.megawatts().toPlainString());
            body.put("from", announce.from().toString());
        }
        return body.toString();
    }

    /**
     * The first 64 bits of the SHA-256 of the demand's canonical form (its fields as the log writes
     * them): two demands with the same fingerprint are the same demand, but for a chance of 2^-64.
     */
    static long fingerprint(Demand demand) {
        ObjectNode body = JSON.createObjectNode();
        demand(body, demand);
        return Sha256.of(body.toString()).getLong();
    }

    private static void demand(ObjectNode body, Demand demand) {
        body.put("tenant", demand.tenant().value());
        body.put("workload", demand.workload().value());
        body.put("accelerator", demand.accelerator().value());
        body.put("units", demand.units());
        body.put("start", demand.start().toString());
        body.put("hours", demand.hours());
        body.put("flex", demand.flex().toString());
        texts(body.putArray("regions"), demand.regions());
        body.put(
                "maxPrice", demand.maxPrice() == null ? null : demand.maxPrice().toString());
    }

    private static void answer(ObjectNode body, Answer answer) {
        if (answer instanceof Answer.Take take) {
            body.put("take", true);
            body.put("units", take.units());
            body.put("unitPrice", take.unitPrice().toString());
            body.put("site", take.site().value());
            body.put("start", take.start().toString());
        } else {
            body.put("take", false);
            body.put("reason", ((Answer.Decline) answer).reason());
        }
    }

    private static void texts(ArrayNode array, Iterable<?> values) {
        values.forEach(value -> array.add(value.toString()));
    }

    /** The command a stored kind and body hold; a body this code did not write is a broken log, an exception. */
    public static Command<?> read(String kind, String text) {
        JsonNode body;
        try {
            body = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + kind + " command is not JSON: " + e.getOriginalMessage(), e);
        }
        return switch (kind) {
            case "LOAD_WORLD" ->
                new Command.LoadWorld(
                        text(body, "scenario"),
                        text(body, "source"),
                        new TreeSet<>(list(body, "manual", ProviderId::new)));
            case "SUBMIT" -> new Command.Submit(demand(body), text(body, "idempotencyKey"));
            case "RESPOND" ->
                new Command.Respond(
                        OfferId.parse(text(body, "offer"))
                                .orElseThrow(() -> new IllegalStateException("a stored offer id is malformed")),
                        new ProviderId(text(body, "provider")),
                        answer(body));
            case "CANCEL" -> new Command.Cancel(new RequestId(text(body, "request")), text(body, "reason"));
            case "ADD_AGREEMENT" -> new Command.AddAgreement(text(body, "entry"));
            case "END_AGREEMENT" ->
                new Command.EndAgreement(
                        new AgreementId(text(body, "agreement")),
                        body.path("at").isTextual()
                                ? Instant.parse(body.path("at").textValue())
                                : null);
            case "ANNOUNCE_CAPACITY" ->
                new Command.AnnounceCapacity(
                        new ProviderId(text(body, "provider")),
                        new SiteId(text(body, "site")),
                        new AcceleratorId(text(body, "accelerator")),
                        body.path("units").isInt() ? body.path("units").intValue() : null,
                        body.path("megawatts").isTextual()
                                ? new BigDecimal(body.path("megawatts").textValue())
                                : null,
                        Instant.parse(text(body, "from")));
            default -> throw new IllegalStateException("the log holds a command of unknown kind " + kind);
        };
    }

    private static Demand demand(JsonNode body) {
        JsonNode maxPrice = body.path("maxPrice");
        return new Demand(
                new TenantId(text(body, "tenant")),
                new WorkloadClass(text(body, "workload")),
                new AcceleratorId(text(body, "accelerator")),
                body.path("units").intValue(),
                Instant.parse(text(body, "start")),
                body.path("hours").intValue(),
                Duration.parse(text(body, "flex")),
                list(body, "regions", Region::new),
                maxPrice.isTextual() ? Money.ofDollars(maxPrice.textValue()) : null);
    }

    private static Answer answer(JsonNode body) {
        if (!body.path("take").booleanValue()) {
            return new Answer.Decline(text(body, "reason"));
        }
        return new Answer.Take(
                body.path("units").intValue(),
                Money.ofDollars(text(body, "unitPrice")),
                new SiteId(text(body, "site")),
                Instant.parse(text(body, "start")));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalStateException("a stored command lacks its text field " + field);
        }
        return value.textValue();
    }

    private static <T> List<T> list(JsonNode body, String field, Function<String, T> make) {
        List<T> values = new ArrayList<>();
        body.path(field).forEach(value -> values.add(make.apply(value.textValue())));
        return values;
    }
}
