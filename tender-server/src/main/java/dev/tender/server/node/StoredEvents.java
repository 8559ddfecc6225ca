package dev.tender.server.node;

import dev.tender.event.TenderEvent;
import dev.tender.eventlog.EventLines;
import dev.tender.store.CommandLog;
import dev.tender.store.StoredEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The stored events, read page by page as a replay makes them again, to check the two agree byte for
 * byte. A follower keeps reading as the writer stores more: an empty page is asked for again.
 */
final class StoredEvents {

    private static final int PAGE = 2_000;

    private final CommandLog log;
    private final Deque<StoredEvent> page = new ArrayDeque<>();
    private long lastRead;
    private long lastChecked;
    /** A read of this round found the end of the stored events. */
    private boolean endSeen;

    StoredEvents(CommandLog log) {
        this.log = log;
    }

    /**
     * Checks each event against the stored one with its seq and returns those the store does not
     * hold yet (only the last events of a log can be missing: a timer's, lost with a crash).
     */
    List<TenderEvent> check(List<TenderEvent> events, EventLines lines) {
        List<TenderEvent> missing = new ArrayList<>();
        for (TenderEvent event : events) {
            StoredEvent stored = next();
            if (stored == null) {
                missing.add(event);
                continue;
            }
            String line = lines.line(event);
            if (stored.seq() != event.seq() || !stored.line().equals(line)) {
                throw new IllegalStateException("the log does not replay: stored event " + stored.seq() + " is "
                        + stored.line() + " but the engine now makes " + line);
            }
            lastChecked = stored.seq();
        }
        return missing;
    }

    /**
     * The stored event after the last one checked, if there is one; none when a read since the
     * last {@link #newRound()} found the end (what came after it is for the next round).
     */
    Optional<StoredEvent> peek() {
        if (page.isEmpty() && endSeen) {
            return Optional.empty();
        }
        fill();
        return Optional.ofNullable(page.peek());
    }

    /** A follower's new look at the log: {@link #peek()} reads the store again. */
    void newRound() {
        endSeen = false;
    }

    /** The seq of the last stored event checked: a follower has applied the log this far. */
    long lastChecked() {
        return lastChecked;
    }

    private @Nullable StoredEvent next() {
        fill();
        return page.poll();
    }

    private void fill() {
        if (page.isEmpty()) {
            List<StoredEvent> more = log.eventsAfter(lastRead, PAGE);
            page.addAll(more);
            endSeen = more.size() < PAGE;
            if (!more.isEmpty()) {
                lastRead = more.get(more.size() - 1).seq();
            }
        }
    }

    /** Stored events the replay never made mean the log holds what its commands do not explain. */
    void requireAllSeen() {
        StoredEvent extra = next();
        if (extra != null) {
            throw new IllegalStateException("the log holds event " + extra.seq() + " that its commands do not make");
        }
    }
}
