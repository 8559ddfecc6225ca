package dev.tender.server.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tender.broker.Reply;
import dev.tender.demand.RequestId;
import dev.tender.scenario.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * What the writer made of a forwarded command, as the inbox carries it back to the follower that
 * took the command from its client: the same value the command's {@code applyTo} returned.
 */
final class OutcomeCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The answer to a forwarded command no writer took in time: it is never applied. */
    static final String EXPIRED = "{\"type\":\"expired\"}";

    /** The writer's answer to a forwarded command it could not apply (it cannot read it). */
    record Refusal(String reason) {}

    private OutcomeCodec() {}

    /**
     * The outcome as JSON, with the seq {@code storedAs} the writer stored the command under (0
     * when it changed nothing): a follower answers once it has applied that command, so that what
     * it shows next (its book, its world) shows what the command did.
     */
    static String write(Object outcome, long storedAs) {
        ObjectNode body = JSON.createObjectNode();
        body.put("storedAs", storedAs);
        if (outcome instanceof Refusal refusal) {
            body.put("type", "refused").put("reason", refusal.reason());
        } else if (outcome instanceof Submission submission) {
            body.put("type", "submission");
            if (submission instanceof Submission.Accepted accepted) {
                body.put("accepted", accepted.request().value());
            } else if (submission instanceof Submission.Repeated repeated) {
                body.put("repeated", repeated.request().value());
            } else if (submission instanceof Submission.KeyReused reused) {
                body.put("keyReused", reused.request().value());
            } else {
                body.put("refused", ((Submission.Refused) submission).reason());
            }
        } else if (outcome instanceof Reply reply) {
            body.put("type", "reply");
            if (reply instanceof Reply.Refused refused) {
                body.put("refused", refused.reason());
            } else if (reply instanceof Reply.Closed closed) {
                body.put("closed", closed.reason());
            } else {
                body.put("received", true);
            }
        } else if (outcome instanceof Boolean done) {
            body.put("type", "cancel").put("cancelled", done);
        } else if (outcome instanceof Command.WorldEdit edit) {
            body.put("type", "edit").put("outcome", edit.outcome().name());
            ArrayNode problems = body.putArray("problems");
            edit.problems()
                    .forEach(problem ->
                            problems.addObject().put("path", problem.path()).put("message", problem.message()));
        } else {
            throw new IllegalArgumentException("no command has an outcome of " + outcome.getClass());
        }
        return body.toString();
    }

    /** The seq the command was stored under, 0 when it was not stored. */
    static long storedAs(String text) {
        try {
            return JSON.readTree(text).path("storedAs").asLong(0);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outcome in the inbox is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The outcome {@code text} tells, as {@code command}'s own type.
     *
     * @throws Node.Unavailable when the writer did not apply the command: it expired, or the writer
     *     could not read it
     */
    static <R> R read(Command<R> command, String text) {
        JsonNode body;
        try {
            body = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outcome in the inbox is not JSON: " + e.getOriginalMessage(), e);
        }
        Object outcome =
                switch (body.path("type").asText()) {
                    case "submission" -> submission(body);
                    case "reply" -> reply(body);
                    case "cancel" -> body.path("cancelled").asBoolean();
                    case "edit" -> edit(body);
                    case "expired" ->
                        throw new Node.Unavailable("no writer took the command within " + Node.FORWARDED_EXPIRE_SECONDS
                                + " s; it was not applied");
                    case "refused" ->
                        throw new Node.Unavailable(body.path("reason").asText());
                    default -> throw new IllegalStateException("an outcome of no known type: " + text);
                };
        @SuppressWarnings("unchecked") // the writer applied this very command, whose outcome is an R
        R typed = (R) outcome;
        return typed;
    }

    private static Submission submission(JsonNode body) {
        if (body.has("accepted")) {
            return new Submission.Accepted(new RequestId(body.get("accepted").asText()));
        }
        if (body.has("repeated")) {
            return new Submission.Repeated(new RequestId(body.get("repeated").asText()));
        }
        if (body.has("keyReused")) {
            return new Submission.KeyReused(new RequestId(body.get("keyReused").asText()));
        }
        return new Submission.Refused(body.path("refused").asText());
    }

    private static Reply reply(JsonNode body) {
        if (body.has("received")) {
            return Reply.RECEIVED;
        }
        if (body.has("closed")) {
            return new Reply.Closed(body.get("closed").asText());
        }
        return new Reply.Refused(body.path("refused").asText());
    }

    private static Command.WorldEdit edit(JsonNode body) {
        List<Problem> problems = new ArrayList<>();
        body.path("problems")
                .forEach(problem -> problems.add(new Problem(
                        problem.path("path").asText(), problem.path("message").asText())));
        return new Command.WorldEdit(
                Command.WorldEdit.Outcome.valueOf(body.path("outcome").asText()), problems);
    }
}
