package dev.tender.cli;

/** Progress on stderr that Ctrl-C's hook may stop mid-line, and the work closes when it ends. */
interface ShownProgress extends AutoCloseable {

    /** Leaves the display as it is, its line ended; nothing more is printed after. */
    void stop();

    @Override
    void close();
}
