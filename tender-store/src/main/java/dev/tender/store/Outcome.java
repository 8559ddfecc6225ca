package dev.tender.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the writer made of a forwarded command: the outcome as JSON, and the last event seq stored
 * when it was applied (a follower that has read the log that far sees what the command did).
 */
public record Outcome(long id, String outcome, long through) {

    /** Bytes of outcomes in one notification at most: PostgreSQL takes payloads under 8,000. */
    static final int PAYLOAD_BYTES = 7_900;

    public Outcome {
        Objects.requireNonNull(outcome, "outcome");
        Columns.text(outcome, "outcome");
    }

    /**
     * The payloads of the notifications that tell {@code outcomes}, a line each ("id through
     * outcome"), as few as fit; one empty payload for none. An outcome too long for a payload, or
     * with a line break of its own (compact JSON has none), is left out: its follower finds it in
     * the inbox.
     */
    static List<String> payloads(List<Outcome> outcomes) {
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder();
        int bytes = 0;
        for (Outcome outcome : outcomes) {
            if (outcome.outcome().indexOf('\n') >= 0) {
                continue;
            }
            String line = outcome.id() + " " + outcome.through() + " " + outcome.outcome() + "\n";
            int size = bytesAtMost(line);
            if (size > PAYLOAD_BYTES) {
                continue;
            }
            if (bytes + size > PAYLOAD_BYTES) {
                payloads.add(payload.toString());
                payload.setLength(0);
                bytes = 0;
            }
            payload.append(line);
            bytes += size;
        }
        if (bytes > 0 || payloads.isEmpty()) {
            payloads.add(payload.toString());
        }
        return payloads;
    }

    /**
     * The payload's limit is in the database's encoding: ASCII is a byte a character in every
     * encoding PostgreSQL serves, and no character takes more than four.
     */
    private static int bytesAtMost(String line) {
        return line.chars().allMatch(c -> c < 128) ? line.length() : 4 * line.length();
    }

    /** The outcomes a payload of {@link #payloads} tells. */
    static List<Outcome> parse(String payload) {
        List<Outcome> outcomes = new ArrayList<>();
        for (String line : payload.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int first = line.indexOf(' ');
            int second = line.indexOf(' ', first + 1);
            if (first < 0 || second < 0) {
                throw new IllegalArgumentException("a notification's outcome is not \"id through outcome\": " + line);
            }
            outcomes.add(new Outcome(
                    Long.parseLong(line.substring(0, first)),
                    line.substring(second + 1),
                    Long.parseLong(line.substring(first + 1, second))));
        }
        return outcomes;
    }
}
