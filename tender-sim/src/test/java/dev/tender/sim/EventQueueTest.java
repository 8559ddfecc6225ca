package dev.tender.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class EventQueueTest {

    static final long ORIGIN = 1_700_000_000L;

    /**
     * Actions run by instant and, at one instant, in the order they were scheduled, also when a
     * running action schedules more: the same order as sorting every action by (instant, when it
     * was scheduled).
     */
    @Property(tries = 300)
    void runsByInstantThenInSchedulingOrder(
            @ForAll @Size(min = 1, max = 200) List<@IntRange(min = 0, max = 12) Integer> delays,
            @ForAll @Size(max = 200) List<@IntRange(min = -1, max = 3) Integer> follows) {
        EventQueue queue = new EventQueue();
        VirtualClock clock = new VirtualClock(Instant.ofEpochSecond(ORIGIN));
        List<long[]> scheduled = new ArrayList<>(); // {second, order}
        List<Integer> ran = new ArrayList<>();
        int[] counter = {0};
        Runnable[] schedule = new Runnable[1];
        for (int delay : delays) {
            int id = counter[0]++;
            long second = ORIGIN + delay;
            scheduled.add(new long[] {second, id});
            queue.at(Instant.ofEpochSecond(second), () -> {
                ran.add(id);
                // Some actions schedule another, now or later: -1 means none.
                int follow = follows.isEmpty() ? -1 : follows.get(id % follows.size());
                if (follow >= 0 && counter[0] < 600) {
                    int next = counter[0]++;
                    long at = clock.instant().getEpochSecond() + follow;
                    scheduled.add(new long[] {at, next});
                    queue.at(Instant.ofEpochSecond(at), () -> ran.add(next));
                }
            });
        }
        long lastSecond = ORIGIN;
        while (!queue.isEmpty()) {
            Instant next = queue.next();
            assertThat(next.getEpochSecond()).isGreaterThanOrEqualTo(lastSecond);
            lastSecond = next.getEpochSecond();
            clock.advanceTo(next);
            queue.runNext();
        }
        List<Integer> expected = scheduled.stream()
                .sorted((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]))
                .map(a -> (int) a[1])
                .toList();
        assertThat(ran).isEqualTo(expected);
    }
}
