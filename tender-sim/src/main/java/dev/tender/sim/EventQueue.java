package dev.tender.sim;

import dev.tender.broker.Scheduler;
import java.time.Instant;

/** The simulator's agenda: actions by instant, and in scheduling order at the same instant. */
public final class EventQueue implements Scheduler {

    private final TimedHeap<Runnable> agenda = new TimedHeap<>();

    @Override
    public void at(Instant when, Runnable action) {
        agenda.add(when, action);
    }

    public boolean isEmpty() {
        return agenda.isEmpty();
    }

    /** The instant of the next action; only when not empty. */
    public Instant next() {
        return agenda.firstInstant();
    }

    /** Runs the next action (after the caller has moved the clock to its instant). */
    public void runNext() {
        agenda.removeFirst().run();
    }
}
