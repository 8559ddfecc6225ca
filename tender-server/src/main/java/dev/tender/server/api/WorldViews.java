package dev.tender.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tender.agreement.Agreement;
import dev.tender.agreement.Commitment;
import dev.tender.agreement.Exclusive;
import dev.tender.agreement.RightOfFirstRefusal;
import dev.tender.agreement.Scope;
import dev.tender.server.node.PoolCapacity;
import dev.tender.time.Durations;
import java.time.Instant;
import java.util.Set;

/** Clauses and capacity as the API writes them: a clause with the keys of a scenario file's entry. */
final class WorldViews {

    private WorldViews() {}

    static ObjectNode agreement(Agreement agreement, Instant now) {
        ObjectNode node = Views.JSON.createObjectNode();
        node.put("id", agreement.id().value());
        if (agreement instanceof Exclusive) {
            node.put("kind", "exclusive");
            node.put("provider", agreement.provider().value());
        } else if (agreement instanceof RightOfFirstRefusal right) {
            node.put("kind", "rofr");
            node.put("holder", right.holder().value());
            node.put("mode", right.mode().toString());
            node.put("window", Durations.iso(right.window()));
            node.put("partial", right.partial());
        } else {
            Commitment commitment = (Commitment) agreement;
            node.put("kind", "commitment");
            node.put("provider", commitment.provider().value());
            node.put("amount", Views.dollars(commitment.amount()));
            node.put("preference", commitment.preference());
        }
        scope(node.putObject("scope"), agreement.scope());
        node.put("from", agreement.from().toString());
        node.put("until", Views.instant(agreement.until()));
        node.put("inForce", agreement.inForceAt(now));
        return node;
    }

    private static void scope(ObjectNode node, Scope scope) {
        list(node.putArray("workloads"), scope.workloads());
        list(node.putArray("accelerators"), scope.accelerators());
        list(node.putArray("regions"), scope.regions());
    }

    private static void list(ArrayNode array, Set<?> values) {
        values.stream().map(Object::toString).sorted().forEach(array::add);
    }

    static ObjectNode pool(PoolCapacity capacity) {
        ObjectNode node = Views.JSON.createObjectNode();
        node.put("provider", capacity.pool().provider().value());
        node.put("site", capacity.pool().site().id().value());
        node.put("region", capacity.pool().region().value());
        node.put("accelerator", capacity.pool().accelerator().value());
        node.put("online", capacity.online());
        node.put("held", capacity.held());
        node.put("awarded", capacity.awarded());
        node.put("free", capacity.free());
        return node;
    }
}
