package dev.tender.sim;

import java.time.Instant;
import java.util.Arrays;

/**
 * A binary min-heap of items by instant, then by the order they were added. Keys are kept as
 * primitives side by side, because the simulator pushes and pops millions of items and a heap of
 * objects compared through {@link Instant} spends its time chasing pointers.
 */
final class TimedHeap<T> {

    private long[] seconds = new long[64];
    private int[] nanos = new int[64];
    private long[] orders = new long[64];
    private Object[] items = new Object[64];
    private int size;
    private long added;

    void add(Instant when, T item) {
        if (size == items.length) {
            int capacity = size * 2;
            seconds = Arrays.copyOf(seconds, capacity);
            nanos = Arrays.copyOf(nanos, capacity);
            orders = Arrays.copyOf(orders, capacity);
            items = Arrays.copyOf(items, capacity);
        }
        int at = size++;
        long second = when.getEpochSecond();
        int nano = when.getNano();
        long order = added++;
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!before(second, nano, order, parent)) {
                break;
            }
            move(parent, at);
            at = parent;
        }
        put(at, second, nano, order, item);
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The instant of the first item; only when not empty. */
    Instant firstInstant() {
        return Instant.ofEpochSecond(seconds[0], nanos[0]);
    }

    @SuppressWarnings("unchecked")
    T removeFirst() {
        T first = (T) items[0];
        size--;
        long second = seconds[size];
        int nano = nanos[size];
        long order = orders[size];
        Object last = items[size];
        items[size] = null;
        int at = 0;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && earlier(child + 1, child)) {
                child++;
            }
            if (before(second, nano, order, child)) {
                break;
            }
            move(child, at);
            at = child;
        }
        if (size > 0) {
            put(at, second, nano, order, last);
        }
        return first;
    }

    private boolean before(long second, int nano, long order, int slot) {
        if (second != seconds[slot]) {
            return second < seconds[slot];
        }
        if (nano != nanos[slot]) {
            return nano < nanos[slot];
        }
        return order < orders[slot];
    }

    private boolean earlier(int a, int b) {
        return before(seconds[a], nanos[a], orders[a], b);
    }

    private void move(int from, int to) {
        seconds[to] = seconds[from];
        nanos[to] = nanos[from];
        orders[to] = orders[from];
        items[to] = items[from];
    }

    private void put(int at, long second, int nano, long order, Object item) {
        seconds[at] = second;
        nanos[at] = nano;
        orders[at] = order;
        items[at] = item;
    }
}
