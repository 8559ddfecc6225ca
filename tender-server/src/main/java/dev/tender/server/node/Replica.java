package dev.tender.server.node;

import dev.tender.event.TenderEvent;
import dev.tender.eventlog.EventLines;
import dev.tender.store.CommandLog;
import dev.tender.store.StoredEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An engine and its book made again from the stored log, and kept up with it while another node
 * writes: every command is applied at its stamp, as the writer applied it, and every event the
 * engine makes is checked against the stored one of its seq. Used by the node's engine thread alone.
 */
final class Replica {

    final LiveEngine engine = new LiveEngine();
    final RequestBook book;
    final StoredEvents stored;
    private final CommandLog log;
    private final EventLines lines;
    /** The last command applied. */
    long lastCommand;
    /** The latest instant the engine was moved to: no stamp of a writer may be earlier. */
    Instant lastStamp = Instant.EPOCH;
    /** The last event the engine made that the store holds. */
    long lastEvent;

    Replica(CommandLog log, EventLines lines, int recentClosed) {
        this.log = log;
        this.lines = lines;
        this.book = new RequestBook(log, recentClosed);
        this.stored = new StoredEvents(log);
    }

    /**
     * Applies the commands stored after the last one applied, checking each command's events against
     * the stored ones; {@code then} sees them. Throws when they differ: the log cannot be trusted, or
     * this version decides differently.
     */
    void applyCommands(Consumer<List<TenderEvent>> then) {
        log.forEachCommandAfter(lastCommand, command -> {
            engine.advanceTo(command.at());
            CommandCodec.read(command.kind(), command.body()).applyTo(engine);
            List<TenderEvent> events = engine.drainEvents();
            if (!stored.check(events, lines).isEmpty()) {
                throw new IllegalStateException(
                        "command " + command.seq() + " replays to events the log does not hold");
            }
            then.accept(events);
            lastCommand = command.seq();
            lastStamp = later(command.at());
            lastEvent = stored.lastChecked();
        });
    }

    /**
     * Follows the writer: applies the commands it stored since, then fires the timers whose events it
     * stored after them, each up to the instant of the next stored event, as the writer did before
     * it stored that event. An instant no later than the writer's next command's changes nothing
     * that command will find, so the replica makes the writer's events in the writer's order.
     */
    void follow() {
        stored.newRound();
        applyCommands(book::apply);
        Optional<StoredEvent> next = stored.peek();
        while (next.isPresent()) {
            Instant at = next.get().at();
            engine.advanceTo(at);
            List<TenderEvent> events = engine.drainEvents();
            if (events.isEmpty()) {
                return; // the next stored event is a command's, stored after the commands were read
            }
            if (!stored.check(events, lines).isEmpty()) {
                throw new IllegalStateException("timers up to " + at + " make events the log does not hold after event "
                        + stored.lastChecked());
            }
            book.apply(events);
            lastStamp = later(at);
            lastEvent = stored.lastChecked();
            next = stored.peek();
        }
    }

    private Instant later(Instant at) {
        return at.isAfter(lastStamp) ? at : lastStamp;
    }
}
