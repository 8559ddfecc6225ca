package dev.tender.store;

/**
 * A writer tried to store a batch after another writer claimed a later epoch: it lost its turn (its
 * lock died with its connection while it was paused or cut off), and nothing of the batch was stored.
 */
public final class Fenced extends RuntimeException {

    private static final long serialVersionUID = 1L;

    Fenced(long epoch) {
        super("epoch " + epoch + " is over: another node has become the writer since");
    }
}
