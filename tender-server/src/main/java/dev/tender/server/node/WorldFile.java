package dev.tender.server.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tender.provider.ProviderId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A world as a node keeps it: a scenario's text without its demand (live demand comes through the
 * API, and a trace file could change under the log). Clauses added or ended while live are edits
 * of this text, read again by the scenario reader, so they are checked exactly as in a file.
 */
public final class WorldFile {

    private static final YAMLMapper YAML = new YAMLMapper();

    private WorldFile() {}

    /**
     * The command that loads the world of {@code scenario} (checked by the caller, which has its
     * problems printed already); {@code source} names the file in messages.
     */
    public static Command.LoadWorld load(String scenario, String source, Set<ProviderId> manual) {
        Optional<ObjectNode> tree = tree(scenario);
        if (tree.isEmpty()) {
            // Handed on as it is: the engine's reader says what is wrong with it, as validate does.
            return new Command.LoadWorld(scenario, source, manual);
        }
        tree.get().remove("demand");
        return new Command.LoadWorld(text(tree.get()), source, manual);
    }

    static Optional<ObjectNode> tree(String text) {
        try {
            JsonNode tree = YAML.readTree(text);
            return tree instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    static String text(ObjectNode tree) {
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree read from YAML cannot be written back: " + e.getMessage(), e);
        }
    }

    /** A world's text with a clause added, and the clause's index among its agreements (for problems' paths). */
    record Added(String text, int index) {}

    /** The world's text with {@code entry} last among its agreements. */
    static Added withAgreement(String world, JsonNode entry) {
        ObjectNode tree = tree(world).orElseThrow(() -> new IllegalStateException("a loaded world is not YAML"));
        JsonNode agreements = tree.get("agreements");
        ArrayNode list = agreements instanceof ArrayNode array ? array : tree.putArray("agreements");
        list.add(entry);
        return new Added(text(tree), list.size() - 1);
    }

    /** The world's text with the agreement {@code id} ending at {@code at}; empty when there is none such. */
    static Optional<String> ending(String world, String id, Instant at) {
        ObjectNode tree = tree(world).orElseThrow(() -> new IllegalStateException("a loaded world is not YAML"));
        for (JsonNode agreement : tree.path("agreements")) {
            if (agreement instanceof ObjectNode entry
                    && id.equals(entry.path("id").asText())) {
                entry.put("until", at.toString());
                return Optional.of(text(tree));
            }
        }
        return Optional.empty();
    }
}
