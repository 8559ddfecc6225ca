package dev.tender.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tender.ids.Ids;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A request body read field by field: every problem is collected with the field it concerns, and
 * {@link #finish} refuses the whole body with all of them, so a client fixes its input in one go.
 */
final class JsonBody {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final JsonNode node;
    private final List<Problem.FieldProblem> problems = new ArrayList<>();

    private JsonBody(JsonNode node) {
        this.node = node;
    }

    /** The body as a JSON object with no field outside {@code known}; else a 400 or a 422 problem. */
    static JsonBody of(String text, Set<String> known) {
        JsonNode node = object(text);
        JsonBody body = new JsonBody(node);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                body.problem(
                        name,
                        "unknown field; known fields are "
                                + String.join(", ", known.stream().sorted().toList()));
            }
        }
        return body;
    }

    /** The body as a JSON object, whose fields another reader checks; else a 400 problem. */
    static JsonNode object(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Problem(400, "Malformed JSON", "the body is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new Problem(400, "Malformed JSON", "the body must be a JSON object");
        }
        return node;
    }

    void problem(String field, String problem) {
        problems.add(new Problem.FieldProblem(field, problem));
    }

    boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    /** Throws the collected problems, if any. */
    void finish() {
        if (!problems.isEmpty()) {
            throw Problem.invalid(problems);
        }
    }

    /** The field's value when it has one; a required field without one is a problem. */
    private Optional<JsonNode> present(String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problem(field, "is required");
            }
            return Optional.empty();
        }
        return Optional.of(value);
    }

    Optional<String> text(String field, boolean required) {
        return present(field, required).flatMap(value -> {
            if (!value.isTextual()) {
                problem(field, "must be a string, not " + kind(value));
                return Optional.empty();
            }
            if (!storable(value.textValue())) {
                // JSON's escapes can spell them; no database keeps them as sent.
                problem(field, "must not hold NUL or half of a surrogate pair");
                return Optional.empty();
            }
            return Optional.of(value.textValue());
        });
    }

    private static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** An id of the kind the world uses: letters, digits and {@code - _ .}. */
    Optional<String> id(String field, boolean required) {
        return text(field, required).flatMap(text -> {
            if (!Ids.isValid(text)) {
                problem(field, "is not a valid id: " + quoted(text));
                return Optional.empty();
            }
            return Optional.of(text);
        });
    }

    Optional<Integer> whole(String field, boolean required, int min, int max) {
        return present(field, required).flatMap(value -> {
            if (!value.isIntegralNumber()) {
                problem(field, "must be a whole number, not " + kind(value));
                return Optional.empty();
            }
            if (!value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
                problem(field, "must be between " + min + " and " + max + ", not " + value.asText());
                return Optional.empty();
            }
            return Optional.of(value.intValue());
        });
    }

    /** A positive amount of dollars with at most six decimals (Tender counts in micro-dollars), at most {@code max}. */
    Optional<BigDecimal> dollars(String field, boolean required, long max) {
        return present(field, required).flatMap(value -> {
            if (!value.isNumber()) {
                problem(field, "must be a number, not " + kind(value));
                return Optional.empty();
            }
            return dollars(field, value.decimalValue(), max);
        });
    }

    private Optional<BigDecimal> dollars(String field, BigDecimal amount, long max) {
        if (amount.signum() <= 0 || amount.compareTo(BigDecimal.valueOf(max)) > 0) {
            problem(field, "must be more than 0 and at most " + max + ", not " + shown(amount));
            return Optional.empty();
        }
        if (amount.stripTrailingZeros().scale() > 6) {
            problem(field, "must have at most 6 decimals, not " + shown(amount));
            return Optional.empty();
        }
        return Optional.of(amount);
    }

    /** The amount as people write it, unless that takes more than a few dozen digits: 1e-999999999 would take a billion. */
    private static String shown(BigDecimal amount) {
        return Math.abs((long) amount.scale()) > 40 ? amount.toString() : amount.toPlainString();
    }

    Optional<Instant> instant(String field, boolean required) {
        return parsed(field, required, Instant::parse, "an ISO-8601 instant in UTC, e.g. 2027-01-01T00:00:00Z");
    }

    Optional<Duration> duration(String field, boolean required) {
        return parsed(field, required, Duration::parse, "an ISO-8601 duration, e.g. P7D or PT12H");
    }

    private <T> Optional<T> parsed(String field, boolean required, Function<String, T> parse, String expected) {
        return text(field, required).flatMap(text -> {
            try {
                return Optional.of(parse.apply(text));
            } catch (DateTimeParseException | ArithmeticException e) {
                problem(field, "must be " + expected + ", not " + quoted(text));
                return Optional.empty();
            }
        });
    }

    /** A list of ids; absent is empty. */
    List<String> ids(String field, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            problem(field, "must be a list of strings, not " + kind(value));
            return List.of();
        }
        if (value.size() > max) {
            problem(field, "must hold at most " + max + " items, not " + value.size());
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual() || !Ids.isValid(item.textValue())) {
                problem(field + "[" + i + "]", "must be an id (letters, digits, - _ .), not " + item);
            } else if (ids.contains(item.textValue())) {
                problem(field + "[" + i + "]", "repeats " + quoted(item.textValue()));
            } else {
                ids.add(item.textValue());
            }
        }
        return ids;
    }

    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "the number " + value.asText();
            case STRING -> "the string " + quoted(value.textValue());
            default -> "null";
        };
    }

    static String quoted(String text) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return "\"" + shown.replace("\"", "\\\"") + "\"";
    }
}
