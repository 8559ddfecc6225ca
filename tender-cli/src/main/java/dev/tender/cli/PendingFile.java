package dev.tender.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * One output file while it is written: under a temporary name beside its final one ({@code
 * .summary.json.partial} for {@code summary.json}), renamed to the final name only when complete, so
 * a file under a final name is always whole.
 */
record PendingFile(Path target) {

    Path partial() {
        return target.resolveSibling("." + target.getFileName() + ".partial");
    }

    /** Gives the complete file its final name, in place of one an earlier run left. */
    void publish() throws IOException {
        try {
            Files.move(partial(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // A file system that cannot rename in one step: a reader may see the file before it is whole.
            Files.move(partial(), target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
