package dev.tender.provider;

import dev.tender.time.Span;
import java.util.Objects;

/** How a provider answers offers: by rule ({@code auto}) or by a person through the API ({@code manual}). */
public sealed interface ResponderSpec {

    /**
     * Answers every offer {@code after} it was made, from its free capacity, at list price, taking
     * at most {@code share} of the capacity free over the requested window.
     */
    record Auto(Span after, double share) implements ResponderSpec {
        public Auto {
            Objects.requireNonNull(after, "after");
            if (!(share > 0 && share <= 1)) {
                throw new IllegalArgumentException("share must be in (0, 1], not " + share);
            }
        }
    }

    /** Answers come from outside (the HTTP API); in a simulation nobody answers and offers lapse. */
    record Manual() implements ResponderSpec {}
}
