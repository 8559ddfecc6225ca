package dev.tender.store;

import java.util.List;

/**
 * What a writer stores in one transaction: commands, the events they and the timers yielded, the
 * request index rows those events change, and the outcomes of the forwarded commands among them.
 */
public record Batch(
        List<StoredCommand> commands, List<StoredEvent> events, List<StoredRequest> requests, List<Outcome> outcomes) {

    public Batch {
        commands = List.copyOf(commands);
        events = List.copyOf(events);
        requests = List.copyOf(requests);
        outcomes = List.copyOf(outcomes);
    }

    boolean isEmpty() {
        return commands.isEmpty() && events.isEmpty() && requests.isEmpty() && outcomes.isEmpty();
    }
}
