package dev.tender.event;

import java.util.Objects;
import java.util.function.Function;

/**
 * One field of one type of event: its name in the log, how its value is written and read, whether
 * it may be null, where the event keeps it, and what it means.
 */
public record Field<E, T>(String name, Codec<T> codec, boolean nullable, Function<E, T> value, String meaning) {

    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(meaning, "meaning");
    }

    static <E, T> Field<E, T> of(String name, Codec<T> codec, Function<E, T> value, String meaning) {
        return new Field<>(name, codec, false, value, meaning);
    }

    static <E, T> Field<E, T> nullable(String name, Codec<T> codec, Function<E, T> value, String meaning) {
        return new Field<>(name, codec, true, value, meaning);
    }

    /** Writes this field's value of {@code event} (the name is the writer's business). */
    public void write(E event, JsonOut out) {
        codec.write(value.apply(event), out);
    }
}
