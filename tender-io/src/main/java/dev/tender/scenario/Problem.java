package dev.tender.scenario;

import java.util.Objects;

/**
 * One thing wrong with a scenario: where it is ({@code providers.azure.sites[0].capacity[1].from})
 * and what is wrong, naming the offending value ({@code not a date or instant: '2025-13-01'}).
 */
public record Problem(String path, String message) {

    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
