package dev.tender.sim;

import java.time.Instant;
import java.util.Arrays;

/**
 * A min-heap of items by instant, then by the order they were added. The simulator pushes and
 * pops millions of items, so the heap is four-ary (half the depth of a binary one) and keeps each
 * item's key as two primitives side by side: the epoch second, and the nano of second above the
 * insertion count. A step down the heap then reads one stretch of memory, not four objects.
 */
final class TimedHeap<T> {

    private static final int ARITY = 4;
    private static final int ORDER_BITS = 34;

    private long[] keys = new long[2 * 64];
    private Object[] items = new Object[64];
    private int size;
    private long added;

    void add(Instant when, T item) {
        if (size == items.length) {
            keys = Arrays.copyOf(keys, keys.length * 2);
            items = Arrays.copyOf(items, items.length * 2);
        }
        if (added >= 1L << ORDER_BITS) {
            throw new IllegalStateException("more than 2^34 actions in one simulation");
        }
        long second = when.getEpochSecond();
        long tie = ((long) when.getNano() << ORDER_BITS) | added++;
        int at = size++;
        while (at > 0) {
            int parent = (at - 1) / ARITY;
            if (!before(second, tie, parent)) {
                break;
            }
            move(parent, at);
            at = parent;
        }
        put(at, second, tie, item);
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The first item, left in; only when not empty. */
    @SuppressWarnings("unchecked") // put stores only Ts in items, an Object[] as a T[] cannot be made
    T first() {
        return (T) items[0];
    }

    /** The instant of the first item; only when not empty. */
    Instant firstInstant() {
        return Instant.ofEpochSecond(keys[0], keys[1] >>> ORDER_BITS);
    }

    @SuppressWarnings("unchecked") // as in first()
    T removeFirst() {
        T first = (T) items[0];
        size--;
        long second = keys[2 * size];
        long tie = keys[2 * size + 1];
        Object last = items[size];
        items[size] = null;
        int at = 0;
        while (true) {
            int child = ARITY * at + 1;
            if (child >= size) {
                break;
            }
            int end = Math.min(child + ARITY, size);
            int least = child;
            for (int other = child + 1; other < end; other++) {
                if (before(keys[2 * other], keys[2 * other + 1], least)) {
                    least = other;
                }
            }
            if (before(second, tie, least)) {
                break;
            }
            move(least, at);
            at = least;
        }
        if (size > 0) {
            put(at, second, tie, last);
        }
        return first;
    }

    /** True when the key {@code (second, tie)} comes before the item in {@code slot}. */
    private boolean before(long second, long tie, int slot) {
        long slotSecond = keys[2 * slot];
        return second != slotSecond ? second < slotSecond : Long.compareUnsigned(tie, keys[2 * slot + 1]) < 0;
    }

    private void move(int from, int to) {
        keys[2 * to] = keys[2 * from];
        keys[2 * to + 1] = keys[2 * from + 1];
        items[to] = items[from];
    }

    private void put(int at, long second, long tie, Object item) {
        keys[2 * at] = second;
        keys[2 * at + 1] = tie;
        items[at] = item;
    }
}
