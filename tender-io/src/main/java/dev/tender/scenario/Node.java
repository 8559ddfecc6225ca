package dev.tender.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.tender.demand.IntRange;
import dev.tender.money.Money;
import dev.tender.scenario.Values.Parsed;
import dev.tender.time.Span;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A place in the YAML tree with its path, read through typed accessors that report what is wrong
 * instead of throwing. An accessor returns empty when the value is absent (silently) or invalid
 * (after reporting a problem at this path), so the walk goes on and every problem is found.
 */
final class Node {

    private final String path;
    private final JsonNode value;
    private final Problems problems;

    private Node(String path, @Nullable JsonNode value, Problems problems) {
        this.path = path;
        this.value = value == null ? MissingNode.getInstance() : value;
        this.problems = problems;
    }

    static Node root(JsonNode value, Problems problems) {
        return new Node("", value, problems);
    }

    String path() {
        return path;
    }

    /** The YAML value itself, for a variant that copies it into the world it makes. */
    JsonNode value() {
        return value;
    }

    /** The key under a map, or nothing when this is not a map. */
    Node get(String key) {
        JsonNode child = value.isObject() ? value.get(key) : null;
        return new Node(path.isEmpty() ? key : path + "." + key, child, problems);
    }

    /** Absent: the key is not there, or is there with no value ({@code until:}). */
    boolean isAbsent() {
        return value.isMissingNode() || value.isNull();
    }

    boolean isPresent() {
        return !isAbsent();
    }

    void problem(String message) {
        problems.add(path, message);
    }

    /** Reports a required key that is missing or empty; returns this node for chaining. */
    Node required() {
        if (value.isMissingNode()) {
            problem("required key is missing");
        } else if (value.isNull()) {
            problem("required key has no value");
        }
        return this;
    }

    /** True when this is a map with only the {@code allowed} keys; reports what is not. */
    boolean fields(List<String> allowed) {
        if (!expectMap()) {
            return false;
        }
        checkKeys(allowed, allowed, "");
        return true;
    }

    /** True when this is a map that has {@code key}, whatever its value. */
    boolean has(String key) {
        return value.isObject() && value.has(key);
    }

    /** True when this is a list; silent. */
    boolean isList() {
        return value.isArray();
    }

    /** The number of items of a list or entries of a map; zero for anything else. */
    int size() {
        return value.size();
    }

    /** True when this is a map; silent. */
    boolean isMap() {
        return value.isObject();
    }

    /** True when this is a map; reports any other value. Absent is false, silently. */
    boolean expectMap() {
        if (isAbsent()) {
            return false;
        }
        if (!value.isObject()) {
            typeProblem("a map");
            return false;
        }
        return true;
    }

    /**
     * Reports keys outside {@code allowed}: a key of {@code known} is "not allowed for {@code
     * context}" (a key of another kind), any other key is unknown.
     */
    void checkKeys(List<String> allowed, Collection<String> known, String context) {
        if (!value.isObject()) {
            return;
        }
        String expected = "(expected one of: " + String.join(", ", allowed) + ")";
        for (String key : fieldNames()) {
            if (!allowed.contains(key)) {
                String what = known.contains(key) ? "not allowed for " + context : "unknown key";
                get(key).problem(what + " " + expected);
            }
        }
    }

    /** The entries of a map keyed by names (accelerators, providers, prices), in file order. */
    Map<String, Node> entries() {
        Map<String, Node> entries = new LinkedHashMap<>();
        if (expectMap()) {
            fieldNames().forEach(key -> entries.put(key, get(key)));
        }
        return entries;
    }

    /** The items of a list, each with its index in the path. */
    List<Node> items() {
        List<Node> items = new ArrayList<>();
        forEachItem(items::add);
        return items;
    }

    /** Visits the items of a list in order; an empty item ({@code [a, ~]}) is reported where it stands. */
    private void forEachItem(Consumer<Node> visit) {
        if (isAbsent()) {
            return;
        }
        if (!value.isArray()) {
            typeProblem("a list");
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            Node item = new Node(path + "[" + i + "]", value.get(i), problems);
            if (item.isAbsent()) {
                item.problem("expected a value, got nothing");
            } else {
                visit.accept(item);
            }
        }
    }

    Optional<String> text() {
        if (isAbsent()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            return typeProblem("a string");
        }
        return Optional.of(value.textValue());
    }

    /** A text that follows the identifier rule; {@code what} names it in the message. */
    Optional<String> id(String what) {
        return text().flatMap(text -> report(Values.idProblem(what, text), text));
    }

    /** A list of identifiers, none repeated. */
    List<String> ids(String what) {
        return ids(what, id -> null);
    }

    /** A list of identifiers, none repeated, each passing {@code check} (null: fine, else the problem). */
    List<String> ids(String what, Function<String, @Nullable String> check) {
        List<String> ids = new ArrayList<>();
        forEachItem(item -> {
            item.id(what).flatMap(id -> item.report(check.apply(id), id)).ifPresent(id -> {
                if (ids.contains(id)) {
                    item.problem(Values.quoted(id) + " is listed twice");
                } else {
                    ids.add(id);
                }
            });
        });
        return ids;
    }

    Optional<String> oneOf(List<String> choices) {
        return text().flatMap(text -> choices.contains(text)
                ? Optional.of(text)
                : report("expected one of: " + String.join(", ", choices) + ", got " + shown(), text));
    }

    Optional<Boolean> bool() {
        if (isAbsent()) {
            return Optional.empty();
        }
        return value.isBoolean() ? Optional.of(value.booleanValue()) : typeProblem("true or false");
    }

    /**
     * A number between 1e-9 and 1e18 in size (or zero): far beyond any figure of a world, and
     * checked before anything converts it, so that {@code 1e999999999} is refused at once.
     */
    Optional<BigDecimal> number() {
        if (isAbsent()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            return typeProblem("a number");
        }
        BigDecimal number = value.decimalValue();
        int integerDigits = number.precision() - number.scale();
        if (number.signum() != 0 && (integerDigits > 18 || integerDigits < -8)) {
            problem("is out of range, got " + shown());
            return Optional.empty();
        }
        return Optional.of(number);
    }

    /** A number greater than zero, exactly as written. */
    Optional<BigDecimal> positive() {
        return check(number(), n -> n.signum() > 0, "must be greater than 0");
    }

    Optional<Long> whole() {
        if (isAbsent()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            return typeProblem("a whole number");
        }
        Optional<BigDecimal> number = number();
        if (number.isEmpty()) {
            return Optional.empty();
        }
        BigInteger whole;
        try {
            whole = number.get().toBigIntegerExact();
        } catch (ArithmeticException fraction) {
            return typeProblem("a whole number");
        }
        if (whole.bitLength() >= Long.SIZE) {
            problem("is too large, got " + shown());
            return Optional.empty();
        }
        return Optional.of(whole.longValueExact());
    }

    /** A whole number in {@code [min, max]}. */
    Optional<Integer> intBetween(int min, int max) {
        Optional<Long> whole = whole();
        if (whole.isPresent() && whole.get() < min) {
            problem((min == 1 ? "must be greater than 0" : "must be at least " + min) + ", got " + shown());
            return Optional.empty();
        }
        if (whole.isPresent() && whole.get() > max) {
            problem("must be at most " + max + ", got " + shown());
            return Optional.empty();
        }
        return whole.map(Long::intValue);
    }

    Optional<Integer> positiveInt() {
        return intBetween(1, Integer.MAX_VALUE);
    }

    /** A whole number {@code n > 0} (exactly n) or a list {@code [a, b]} with {@code 0 < a <= b}. */
    Optional<IntRange> intRange() {
        if (isAbsent()) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            return positiveInt().map(IntRange::exactly);
        }
        if (!value.isArray()) {
            return typeProblem("a whole number or a range [min, max]");
        }
        if (value.size() != 2) {
            problem("expected a range [min, max] of two whole numbers, got " + shown());
            return Optional.empty();
        }
        List<Node> bounds = items();
        Optional<Long> min = bounds.get(0).whole();
        Optional<Long> max = bounds.get(1).whole();
        if (min.isEmpty() || max.isEmpty()) {
            return Optional.empty();
        }
        if (min.get() <= 0 || max.get() < min.get() || max.get() > Integer.MAX_VALUE) {
            problem("must be a range [min, max] with 0 < min <= max, got " + shown());
            return Optional.empty();
        }
        return Optional.of(new IntRange(min.get().intValue(), max.get().intValue()));
    }

    /** Positive US dollars with at most six decimals. */
    Optional<Money> money() {
        return number().flatMap(amount -> parsed(Values.money(amount, shown())));
    }

    Optional<Instant> instant() {
        if (isAbsent()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            problem("not a date or instant: " + shown());
            return Optional.empty();
        }
        return parsed(Values.instant(value.textValue()));
    }

    /** Any ISO-8601 span, calendar ({@code P2M}) or exact ({@code P7D}), zero included. */
    Optional<Span> span() {
        return durationText().flatMap(text -> parsed(Values.span(text)));
    }

    Optional<Span> positiveSpan() {
        return check(span(), s -> !s.isZero(), "must be longer than zero");
    }

    /** A span without months or years, zero included. */
    Optional<Duration> exact() {
        return durationText().flatMap(text -> parsed(Values.exact(text)));
    }

    Optional<Duration> positiveExact() {
        return check(exact(), d -> !d.isZero(), "must be longer than zero");
    }

    /** An {@code until} instant, which must be after {@code from} (read from {@code fromNode}). */
    Optional<Instant> instantAfter(Node fromNode, Optional<Instant> from) {
        Optional<Instant> until = instant();
        if (from.isPresent() && until.isPresent() && !until.get().isAfter(from.get())) {
            problem("until " + written() + " is not after from " + fromNode.written());
            return Optional.empty();
        }
        return until;
    }

    /** The value when it passes {@code ok}; else reports "{@code requirement}, got <value>". */
    <T> Optional<T> check(Optional<T> candidate, Predicate<T> ok, String requirement) {
        if (candidate.isPresent() && !ok.test(candidate.get())) {
            problem(requirement + ", got " + shown());
            return Optional.empty();
        }
        return candidate;
    }

    /** The value as the file shows it: {@code 'abc'}, {@code 42}, {@code a list [1, 2]}, {@code a map}. */
    String shown() {
        return shown(value);
    }

    /** The scalar as written, for messages that quote two values ({@code until ... is not after from ...}). */
    String written() {
        return value.isValueNode() ? value.asText() : shown();
    }

    private static String shown(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return "nothing";
        }
        if (node.isTextual()) {
            return Values.quoted(node.textValue());
        }
        if (node.isNumber()) {
            // Scientific notation when plain digits would be long: 1e999999999 has a billion of them.
            String text = node.decimalValue().toString();
            return text.length() > 40 ? text.substring(0, 40) + "..." : text;
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.isContainerNode() ? "..." : shown(item)));
            return "a list [" + String.join(", ", items) + "]";
        }
        if (node.isObject()) {
            return "a map";
        }
        return node.asText();
    }

    private Optional<String> durationText() {
        if (isAbsent()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            problem("expected an ISO-8601 duration such as P7D or PT12H, got " + shown());
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    private List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        value.properties().forEach(entry -> names.add(entry.getKey()));
        return names;
    }

    private <T> Optional<T> typeProblem(String expected) {
        problem("expected " + expected + ", got " + shown());
        return Optional.empty();
    }

    private <T> Optional<T> parsed(Parsed<T> parsed) {
        return parsed.orReport(this::problem);
    }

    /** {@code value}, or empty after reporting {@code problem} when there is one. */
    private <T> Optional<T> report(@Nullable String problem, T value) {
        if (problem != null) {
            problem(problem);
            return Optional.empty();
        }
        return Optional.of(value);
    }
}
