package dev.tender.sim;

import dev.tender.broker.Scheduler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's agenda: actions by instant, and in scheduling order at the same instant.
 *
 * <p>Actions that fall due at the same instant share one slot, and only slots go through the heap.
 * Many actions share an instant (the answers of providers with the same delay to requests
 * submitted together, the deadlines of rounds opened together), so the heap stays small and is
 * reordered once per instant rather than once per action.
 */
public final class EventQueue implements Scheduler {

    /** The actions due at one instant, in the order they were scheduled; {@code next} is the first not yet run. */
    private static final class Slot {
        final Instant when;
        final List<Runnable> actions = new ArrayList<>(4);
        int next;

        Slot(Instant when) {
            this.when = when;
        }
    }

    private final TimedHeap<Slot> slots = new TimedHeap<>();
    private final Map<Instant, Slot> open = new HashMap<>();

    @Override
    public void at(Instant when, Runnable action) {
        Slot slot = open.get(when);
        if (slot == null) {
            slot = new Slot(when);
            open.put(when, slot);
            slots.add(when, slot);
        }
        slot.actions.add(action);
    }

    public boolean isEmpty() {
        return slots.isEmpty();
    }

    /** The instant of the next action; only when not empty. */
    public Instant next() {
        return slots.first().when;
    }

    /**
     * Runs the next action (after the caller has moved the clock to its instant). An action it
     * schedules for the same instant runs after every action already due then.
     */
    public void runNext() {
        Slot slot = slots.first();
        Runnable action = slot.actions.set(slot.next++, null);
        if (slot.next == slot.actions.size()) {
            slots.removeFirst();
            open.remove(slot.when);
        }
        action.run();
    }
}
