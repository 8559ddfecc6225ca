package dev.tender.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class TimedHeapTest {

    record Item(Instant when, int added) {}

    /** Items come out by instant, and in the order they went in at the same instant, however they are mixed. */
    @Property(tries = 200)
    void itemsComeOutByInstantThenByArrival(
            @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 40) Integer> seconds,
            @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 3) Integer> nanos,
            @ForAll @IntRange(min = 0, max = 300) int takeAfter) {
        TimedHeap<Item> heap = new TimedHeap<>();
        List<Item> expected = new ArrayList<>();
        for (int i = 0; i < seconds.size(); i++) {
            Item item = new Item(
                    Instant.ofEpochSecond(
                            1_700_000_000L + seconds.get(i),
                            nanos.isEmpty() ? 0 : nanos.get(i % nanos.size()) * 250_000_000),
                    i);
            heap.add(item.when(), item);
            expected.add(item);
            if (i == takeAfter && !heap.isEmpty()) {
                // Taking one midway must not disturb the order of the rest.
                Item first = heap.removeFirst();
                expected.sort(Comparator.comparing(Item::when).thenComparingInt(Item::added));
                assertThat(first).isEqualTo(expected.remove(0));
            }
        }
        expected.sort(Comparator.comparing(Item::when).thenComparingInt(Item::added));
        List<Item> rest = new ArrayList<>();
        while (!heap.isEmpty()) {
            Instant next = heap.firstInstant();
            Item item = heap.removeFirst();
            assertThat(item.when()).isEqualTo(next);
            rest.add(item);
        }
        assertThat(rest).isEqualTo(expected);
        assertThat(heap.size()).isZero();
    }
}
