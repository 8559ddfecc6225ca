package dev.tender.demand;

import dev.tender.ids.Ids;

/** Who asks for capacity: a team or a company of the buyer, {@code openai}. */
public record TenantId(String value) implements Comparable<TenantId> {

    public TenantId {
        Ids.requireValid("tenant", value);
    }

    @Override
    public int compareTo(TenantId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
