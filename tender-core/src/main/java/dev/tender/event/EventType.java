package dev.tender.event;

import dev.tender.demand.RequestId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One type of event in the log: its name in {@code type}, its own fields in the order they are
 * written (after {@code seq}, {@code at}, {@code type} and {@code request}), and how an event is
 * built back from the values a reader found.
 */
public final class EventType<E extends TenderEvent> {

    /** The values of one event as read, for {@link EventType#build}. */
    public interface Values {
        long seq();

        Instant at();

        RequestId request();

        /** The value of one of the type's fields that are never null. */
        <T> T get(Field<?, T> field);

        /** The value of one of the type's nullable fields; null when the log says null. */
        <T> @Nullable T getNullable(Field<?, T> field);
    }

    /** Makes the event from its values; throws {@link IllegalArgumentException} when they do not make one. */
    @FunctionalInterface
    interface Builder<E> {
        E build(Values values);
    }

    private final String name;
    private final Class<E> type;
    private final String meaning;
    private final List<Field<E, ?>> fields;
    private final Builder<E> builder;

    EventType(String name, Class<E> type, String meaning, List<Field<E, ?>> fields, Builder<E> builder) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.meaning = Objects.requireNonNull(meaning, "meaning");
        this.fields = List.copyOf(fields);
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    public String name() {
        return name;
    }

    public Class<E> type() {
        return type;
    }

    public String meaning() {
        return meaning;
    }

    public List<Field<E, ?>> fields() {
        return fields;
    }

    public E build(Values values) {
        return builder.build(values);
    }

    /** Writes the fields of {@code event}, which must be of this type, each after its name. */
    public void writeFields(TenderEvent event, FieldWriter out) {
        E typed = type.cast(event);
        for (Field<E, ?> field : fields) {
            out.name(field.name());
            field.write(typed, out);
        }
    }

    /** A {@link JsonOut} that is also told each field's name before its value. */
    public interface FieldWriter extends JsonOut {
        void name(String name);
    }

    @Override
    public String toString() {
        return name;
    }
}
