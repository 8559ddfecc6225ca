package dev.tender.event;

import dev.tender.ids.Ids;
import dev.tender.money.Money;
import dev.tender.time.Durations;
import dev.tender.time.Span;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How one kind of value of an event is written to the log and read back, and how the JSON Schema
 * describes it. A field of the schema pairs a name with one of these.
 */
public final class Codec<T> {

    /** The JSON a value takes, for the writer and for the JSON Schema. */
    public enum Shape {
        /** A whole number. */
        WHOLE,
        /** Dollars, a number with up to six decimals. */
        MONEY,
        /** An ISO-8601 UTC instant, a string. */
        INSTANT,
        /** A string: free text, an identifier, an ISO-8601 duration or one of a few words. */
        TEXT,
        /** An array of identifiers. */
        TEXTS
    }

    /** Writes a value that is never null. */
    private interface Writer<T> {
        void write(T value, JsonOut out);
    }

    private final Shape shape;
    private final String description;
    private final String pattern;
    private final List<String> choices;
    private final Writer<T> writer;
    private final Function<JsonValue, T> reader;

    private Codec(
            Shape shape,
            String description,
            String pattern,
            List<String> choices,
            Writer<T> writer,
            Function<JsonValue, T> reader) {
        this.shape = shape;
        this.description = description;
        this.pattern = pattern;
        this.choices = List.copyOf(choices);
        this.writer = writer;
        this.reader = reader;
    }

    /** The identifier rule of {@link Ids}, as a regular expression for the JSON Schema. */
    public static final String ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,127}$";

    public static final Codec<Long> SEQUENCE = new Codec<>(
            Shape.WHOLE, "a whole number", "", List.of(), (value, out) -> out.number(value), JsonValue::whole);

    public static final Codec<Integer> COUNT = new Codec<>(
            Shape.WHOLE, "a whole number", "", List.of(), (value, out) -> out.number(value), in -> count(in.whole()));

    public static final Codec<Instant> INSTANT = new Codec<>(
            Shape.INSTANT,
            "an ISO-8601 UTC instant",
            "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$",
            List.of(),
            (value, out) -> out.instant(value),
            in -> instant(in.text()));

    public static final Codec<Duration> DURATION = new Codec<>(
            Shape.TEXT,
            "an ISO-8601 duration of days, hours, minutes and seconds, e.g. P7D",
            "^P(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$",
            List.of(),
            (value, out) -> out.text(Durations.iso(value)),
            in -> duration(in.text()));

    public static final Codec<Money> MONEY = new Codec<>(
            Shape.MONEY,
            "US dollars, up to six decimals",
            "",
            List.of(),
            (value, out) -> out.money(value),
            in -> money(in.decimal()));

    public static final Codec<String> TEXT =
            new Codec<>(Shape.TEXT, "text", "", List.of(), (value, out) -> out.text(value), JsonValue::text);

    /** An identifier, written as its text and read back through {@code parse}. */
    public static <T> Codec<T> id(String description, Function<String, T> parse) {
        return new Codec<>(
                Shape.TEXT,
                description,
                ID_PATTERN,
                List.of(),
                (value, out) -> out.text(value.toString()),
                in -> parse.apply(in.text()));
    }

    /** A list of identifiers, written as an array of their texts. */
    public static <T> Codec<List<T>> ids(String description, Function<String, T> parse) {
        return new Codec<>(Shape.TEXTS, description, ID_PATTERN, List.of(), (value, out) -> out.texts(value), in -> {
            List<T> values = new ArrayList<>();
            in.texts().forEach(text -> values.add(parse.apply(text)));
            return values;
        });
    }

    /** One of the constants of {@code type}, written by its name. */
    public static <E extends Enum<E>> Codec<E> choice(Class<E> type) {
        return choice(type, Enum::name);
    }

    /** One of the constants of {@code type}, written as {@code word} gives it. */
    public static <E extends Enum<E>> Codec<E> choice(Class<E> type, Function<E, String> word) {
        List<String> words = Arrays.stream(type.getEnumConstants()).map(word).toList();
        return new Codec<>(
                Shape.TEXT, "one of " + words, "", words, (value, out) -> out.text(word.apply(value)), in -> {
                    String text = in.text();
                    for (E constant : type.getEnumConstants()) {
                        if (word.apply(constant).equals(text)) {
                            return constant;
                        }
                    }
                    throw new IllegalArgumentException("expected one of " + words + ", got '" + text + "'");
                });
    }

    public Shape shape() {
        return shape;
    }

    /** What a value is, in words, for the JSON Schema's descriptions. */
    public String description() {
        return description;
    }

    /** The regular expression every value matches (empty: none). */
    public String pattern() {
        return pattern;
    }

    /** The only words a value may be (empty: any). */
    public List<String> choices() {
        return choices;
    }

    /** Writes {@code value}; null as JSON null. */
    public void write(@Nullable T value, JsonOut out) {
        if (value == null) {
            out.nothing();
        } else {
            writer.write(value, out);
        }
    }

    /** Reads a value that is there (not null); throws {@link IllegalArgumentException} when it is not one. */
    public T read(JsonValue in) {
        return reader.apply(in);
    }

    private static int count(long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(value + " is out of range");
        }
        return (int) value;
    }

    private static Money money(BigDecimal dollars) {
        try {
            return Money.ofDollars(dollars);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(dollars.toPlainString() + " is not dollars with at most six decimals");
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not an ISO-8601 instant: '" + text + "'");
        }
    }

    private static Duration duration(String text) {
        return Span.parse(text)
                .filter(Span::isExact)
                .map(Span::exact)
                .orElseThrow(() -> new IllegalArgumentException("not an exact ISO-8601 duration: '" + text + "'"));
    }
}
