package dev.tender.store;

import java.time.Instant;
import java.util.List;

/**
 * Run in a JVM of its own: opens the store at {@code args[0]}, appends one command, and halts the
 * JVM at once, closing nothing, as a process that is killed would.
 */
final class HaltingWriter {

    private HaltingWriter() {}

    public static void main(String[] args) {
        Store store = Store.open(args[0]);
        CommandLog log = store.commands();
        long seq = log.lastCommandSeq() + 1;
        log.append(List.of(new StoredCommand(seq, Instant.parse("2026-03-01T12:00:00Z"), "submit", "{}")), List.of());
        Runtime.getRuntime().halt(0);
    }
}
