package dev.tender.store;

import java.util.Objects;

/**
 * A command a follower handed to the writer through the inbox: its row id, the node that took it
 * from a client, and the command as the log stores it.
 */
public record Forwarded(long id, String node, String kind, String body) {

    public Forwarded {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(body, "body");
    }
}
