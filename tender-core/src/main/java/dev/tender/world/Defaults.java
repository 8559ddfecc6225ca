package dev.tender.world;

import java.time.Duration;
import java.util.Objects;

/** How long providers have to answer when no clause says otherwise. */
public record Defaults(Duration offerWindow, Duration rfqWindow) {

    public static final Defaults STANDARD = new Defaults(Duration.ofDays(2), Duration.ofDays(2));

    public Defaults {
        Objects.requireNonNull(offerWindow, "offerWindow");
        Objects.requireNonNull(rfqWindow, "rfqWindow");
        if (offerWindow.isNegative() || offerWindow.isZero() || rfqWindow.isNegative() || rfqWindow.isZero()) {
            throw new IllegalArgumentException("offer and RFQ windows must be positive");
        }
    }
}
