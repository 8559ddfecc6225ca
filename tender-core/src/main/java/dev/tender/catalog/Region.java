package dev.tender.catalog;

import dev.tender.ids.Ids;

/** Where sites stand, by the label their world gives: {@code us-east}, {@code eu}. */
public record Region(String value) implements Comparable<Region> {

    public Region {
        Ids.requireValid("region", value);
    }

    @Override
    public int compareTo(Region other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
