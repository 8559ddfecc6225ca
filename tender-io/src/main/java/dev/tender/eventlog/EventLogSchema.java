package dev.tender.eventlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tender.event.Codec;
import dev.tender.event.EventSchema;
import dev.tender.event.EventType;
import dev.tender.event.Field;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The event log's format as a JSON Schema (draft 2020-12), made from {@link EventSchema}: one
 * line of {@code events.jsonl} is one instance. The copy under {@code docs/} is this text; a test
 * keeps them equal, and another validates the demo's log against it.
 */
public final class EventLogSchema {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EventLogSchema() {}

    /** The schema, indented, with a newline at the end. */
    public static String text() {
        try {
            return JSON.writeValueAsString(schema()) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode schema() {
        ObjectNode root = NODES.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "urn:tender:event-log:" + EventSchema.VERSION);
        root.put("title", "Tender event log, version " + EventSchema.VERSION);
        root.put(
                "description",
                "One line of events.jsonl: one decision of the engine. Every line has seq, at, type and request;"
                        + " the type names the other fields. Readers skip types they do not know; a field's name"
                        + " or meaning changes only with the version.");
        root.put("type", "object");
        ObjectNode properties = root.putObject("properties");
        List<String> common = commonFields(properties);
        root.set("required", strings(common));
        ArrayNode byType = root.putArray("allOf");
        ObjectNode definitions = root.putObject("$defs");
        for (EventType<?> type : EventSchema.types()) {
            ObjectNode rule = byType.addObject();
            rule.putObject("if")
                    .putObject("properties")
                    .putObject(EventSchema.TYPE)
                    .put("const", type.name());
            rule.putObject("then").put("$ref", "#/$defs/" + type.name());
            definitions.set(type.name(), definition(type, common));
        }
        return root;
    }

    private static List<String> commonFields(ObjectNode properties) {
        List<String> names = new ArrayList<>();
        for (Field<?, ?> field : EventSchema.common()) {
            properties.set(field.name(), property(field));
            names.add(field.name());
            if (field.equals(EventSchema.AT)) { // the type is written after at, before request
                properties.putObject(EventSchema.TYPE).put("type", "string").put("description", "the event's type");
                names.add(EventSchema.TYPE);
            }
        }
        return names;
    }

    private static ObjectNode definition(EventType<?> type, List<String> common) {
        ObjectNode definition = NODES.objectNode();
        definition.put("description", type.meaning());
        ObjectNode properties = definition.putObject("properties");
        common.forEach(name -> properties.putObject(name));
        List<String> required = new ArrayList<>(common);
        for (Field<?, ?> field : type.fields()) {
            properties.set(field.name(), property(field));
            required.add(field.name());
        }
        definition.set("required", strings(required));
        definition.put("additionalProperties", false);
        return definition;
    }

    /** A field's values: their JSON type, their pattern or words, and null when the field may be. */
    private static ObjectNode property(Field<?, ?> field) {
        Codec<?> codec = field.codec();
        ObjectNode property = NODES.objectNode();
        property.put("description", field.meaning() + " (" + codec.description() + ")");
        if (!codec.choices().isEmpty()) {
            ArrayNode words = strings(codec.choices());
            if (field.nullable()) {
                words.addNull();
            }
            property.set("enum", words);
            return property;
        }
        String type =
                switch (codec.shape()) {
                    case WHOLE -> "integer";
                    case MONEY -> "number";
                    case INSTANT, TEXT -> "string";
                    case TEXTS -> "array";
                };
        if (field.nullable()) {
            property.set("type", strings(List.of(type, "null")));
        } else {
            property.put("type", type);
        }
        ObjectNode values = property;
        if (codec.shape() == Codec.Shape.TEXTS) {
            values = property.putObject("items").put("type", "string");
        }
        if (codec.shape() == Codec.Shape.INSTANT) {
            values.put("format", "date-time");
        }
        if (!codec.pattern().isEmpty()) {
            values.put("pattern", codec.pattern());
        }
        return property;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
