package dev.tender.catalog;

import dev.tender.ids.Ids;

/** A kind of chip, by the name its world declares: {@code H100}, {@code GB200}. */
public record AcceleratorId(String value) implements Comparable<AcceleratorId> {

    public AcceleratorId {
        Ids.requireValid("accelerator", value);
    }

    @Override
    public int compareTo(AcceleratorId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
