package dev.tender.sim;

import dev.tender.broker.Scheduler;
import java.time.Instant;
import java.util.PriorityQueue;

/** The simulator's agenda: actions by instant, and in scheduling order at the same instant. */
public final class EventQueue implements Scheduler {

    private record Scheduled(Instant when, long order, Runnable action) implements Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled other) {
            int byTime = when.compareTo(other.when);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }

    private final PriorityQueue<Scheduled> agenda = new PriorityQueue<>();
    private long scheduled;

    @Override
    public void at(Instant when, Runnable action) {
        agenda.add(new Scheduled(when, scheduled++, action));
    }

    public boolean isEmpty() {
        return agenda.isEmpty();
    }

    /** The instant of the next action; only when not empty. */
    public Instant next() {
        return agenda.element().when();
    }

    /** Runs the next action (after the caller has moved the clock to its instant). */
    public void runNext() {
        agenda.remove().action().run();
    }

    public int size() {
        return agenda.size();
    }
}
