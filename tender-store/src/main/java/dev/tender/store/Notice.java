package dev.tender.store;

import java.util.List;
import java.util.Objects;

/**
 * A notification a {@link Lease} heard on one of the log's channels, with its payload: the writer's
 * carries the outcomes of the forwarded commands it answered in the batch it stored.
 */
public record Notice(String channel, String payload) {

    public Notice {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(payload, "payload");
    }

    /** The outcomes the writer told with this notice; none on the inbox's channel. */
    public List<Outcome> outcomes() {
        return channel.equals(CommandLog.LOG_CHANNEL) ? Outcome.parse(payload) : List.of();
    }
}
