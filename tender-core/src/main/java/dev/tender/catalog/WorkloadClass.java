package dev.tender.catalog;

import dev.tender.ids.Ids;

/** What capacity is for, as its world declares the classes: {@code api}, {@code training}. */
public record WorkloadClass(String value) implements Comparable<WorkloadClass> {

    public WorkloadClass {
        Ids.requireValid("workload class", value);
    }

    @Override
    public int compareTo(WorkloadClass other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
