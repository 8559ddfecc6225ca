package dev.tender.server.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tender.provider.ProviderId;
import java.util.Set;

/**
 * A scenario's text as a node loads it: its demand taken out, since live demand comes through the
 * API, and with it any trace file, which the log could not replay once the file changed.
 */
public final class WorldFile {

    private static final YAMLMapper YAML = new YAMLMapper();

    private WorldFile() {}

    /**
     * The command that loads the world of {@code scenario} (checked by the caller, which has its
     * problems printed already); {@code source} names the file in messages.
     */
    public static Command.LoadWorld load(String scenario, String source, Set<ProviderId> manual) {
        try {
            JsonNode tree = YAML.readTree(scenario);
            if (tree instanceof ObjectNode object) {
                object.remove("demand");
                return new Command.LoadWorld(YAML.writeValueAsString(object), source, manual);
            }
        } catch (JsonProcessingException e) {
            // Handed on as it is: the engine's reader says what is wrong with it, as validate does.
        }
        return new Command.LoadWorld(scenario, source, manual);
    }
}
