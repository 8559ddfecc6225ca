package dev.tender.store;

import java.io.IOException;
import java.io.InputStream;

/**
 * Run in a JVM of its own: opens the store at {@code args[0]}, says {@code open} on a line of its
 * standard output, and keeps the store open until its standard input ends, as a running node would.
 */
final class HoldingStore {

    private HoldingStore() {}

    public static void main(String[] args) throws IOException {
        try (Store store = Store.open(args[0])) {
            System.out.println("open " + store.product());
            System.out.flush();
            InputStream in = System.in;
            while (in.read() != -1) {
                // Waits for the end of the input: the test is done with the other process.
            }
        }
    }
}
