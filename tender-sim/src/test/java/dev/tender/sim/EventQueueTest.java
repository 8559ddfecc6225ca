package dev.tender.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tender.time.VirtualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class EventQueueTest {

    static final long ORIGIN = 1_700_000_000L;

    /**
     * Actions run by instant and, at one instant, in the order they were scheduled, also when a
     * running action schedules more (now or later, in chains): the same order as sorting every
     * action by (instant, when it was scheduled).
     */
    @Property(tries = 300)
    void runsByInstantThenInSchedulingOrder(
            @ForAll @Size(min = 1, max = 200) List<@IntRange(min = 0, max = 12) Integer> delays,
            @ForAll @Size(max = 200) List<@IntRange(min = -1, max = 3) Integer> follows) {
        Script script = new Script(follows);
        for (int delay : delays) {
            script.schedule(ORIGIN + delay);
        }
        long lastSecond = ORIGIN;
        while (!script.queue.isEmpty()) {
            Instant next = script.queue.next();
            assertThat(next.getEpochSecond()).isGreaterThanOrEqualTo(lastSecond);
            lastSecond = next.getEpochSecond();
            script.clock.advanceTo(next);
            script.queue.runNext();
        }
        List<Integer> expected = script.scheduled.stream()
                .sorted(Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]))
                .map(a -> (int) a[1])
                .toList();
        assertThat(script.ran).isEqualTo(expected);
    }

    /** Numbers actions as they are scheduled and records the order they run in. */
    private static final class Script {
        final EventQueue queue = new EventQueue();
        final VirtualClock clock = new VirtualClock(Instant.ofEpochSecond(ORIGIN));
        final List<long[]> scheduled = new ArrayList<>(); // {second, number}
        final List<Integer> ran = new ArrayList<>();
        final List<Integer> follows;

        Script(List<Integer> follows) {
            this.follows = follows;
        }

        void schedule(long second) {
            int number = scheduled.size();
            scheduled.add(new long[] {second, number});
            queue.at(Instant.ofEpochSecond(second), () -> {
                ran.add(number);
                // Some actions schedule another, now or later; -1 means none.
                int follow = follows.isEmpty() ? -1 : follows.get(number % follows.size());
                if (follow >= 0 && scheduled.size() < 600) {
                    schedule(clock.instant().getEpochSecond() + follow);
                }
            });
        }
    }
}
