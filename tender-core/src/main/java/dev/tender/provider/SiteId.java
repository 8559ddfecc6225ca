package dev.tender.provider;

import dev.tender.ids.Ids;

/** A data centre or region of one provider: {@code abilene}, {@code azure-us-east}. */
public record SiteId(String value) implements Comparable<SiteId> {

    public SiteId {
        Ids.requireValid("site id", value);
    }

    @Override
    public int compareTo(SiteId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
