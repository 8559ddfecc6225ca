package dev.tender.demand;

import dev.tender.ids.Ids;

/** A stream of similar requests in a scenario; its requests are named {@code <generator>-<n>}. */
public record GeneratorId(String value) implements Comparable<GeneratorId> {

    public GeneratorId {
        Ids.requireValid("generator id", value);
    }

    @Override
    public int compareTo(GeneratorId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
