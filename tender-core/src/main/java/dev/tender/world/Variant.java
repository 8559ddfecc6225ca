package dev.tender.world;

import java.util.Objects;

/**
 * A named change of a scenario (a clause removed, capacity late, demand larger) and the whole
 * scenario it makes, which plays the same demand as the base but for the change.
 */
public record Variant(String name, String description, Scenario scenario) {

    public Variant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scenario, "scenario");
        description = description == null ? "" : description;
    }
}
