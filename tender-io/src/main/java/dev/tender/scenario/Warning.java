package dev.tender.scenario;

import java.util.Objects;

/**
 * A setting that loads but can never work as intended: where it is ({@code
 * providers.azure.responder.after}) and, in one sentence, the value and what it leads to ({@code P3D
 * is longer than defaults.rfqWindow (P2D): every market RFQ to azure lapses before it answers}).
 * Unlike a {@link Problem}, a warning does not stop the scenario from running.
 */
public record Warning(String path, String message) {

    public Warning {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
