package dev.tender.store;

import java.util.Objects;

/**
 * What the writer made of a forwarded command: the outcome as JSON, and the last event seq stored
 * when it was applied (a follower that has read the log that far sees what the command did).
 */
public record Outcome(long id, String outcome, long through) {

    public Outcome {
        Objects.requireNonNull(outcome, "outcome");
        Columns.text(outcome, "outcome");
    }
}
