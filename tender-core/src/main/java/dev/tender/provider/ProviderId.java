package dev.tender.provider;

import dev.tender.ids.Ids;

/** A seller of capacity: {@code azure}, {@code oracle}, {@code coreweave}. */
public record ProviderId(String value) implements Comparable<ProviderId> {

    public ProviderId {
        Ids.requireValid("provider id", value);
    }

    @Override
    public int compareTo(ProviderId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
