package dev.tender.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files one run writes into its output folder, kept so that what a user finds there can be
 * trusted. The run first removes the files of an earlier run that it writes itself (and the
 * temporary files of one that was killed), so that an interrupted run never leaves an older set
 * that passes for its own. Each file is then written under a temporary name ({@link PendingFile}),
 * and all take their final names together once the run is complete. A run that fails or is given
 * up leaves none of its files behind.
 *
 * <p>A run is given up on another thread (the shutdown hook of Ctrl-C) while it may still be
 * writing. One lock orders the two: a file is created, written or published only under it, and
 * once the run is given up, nothing is created or published any more.
 */
final class OutputFiles {

    /** What writes a file, given the path it is written to. */
    @FunctionalInterface
    interface Writing {
        void to(Path file) throws IOException;
    }

    private final Map<String, PendingFile> files = new LinkedHashMap<>();
    private final List<PendingFile> started = new ArrayList<>();
    private final List<PendingFile> published = new ArrayList<>();
    private boolean givenUp;

    /** The files named, in the folder; nothing is touched until {@link #removeEarlierRun()}. */
    OutputFiles(Path folder, List<String> names) {
        names.forEach(name -> files.put(name, new PendingFile(folder.resolve(name))));
    }

    /** Removes every named file and temporary file in the folder, so that none of them outlives this run. */
    synchronized void removeEarlierRun() throws IOException {
        for (PendingFile file : files.values()) {
            Files.deleteIfExists(file.target());
            Files.deleteIfExists(file.partial());
        }
    }

    /** Creates the named file under its temporary name, for a writer that takes a stream. */
    synchronized OutputStream open(String name) throws IOException {
        PendingFile file = start(name);
        return Files.newOutputStream(file.partial());
    }

    /** Writes the named file under its temporary name. */
    synchronized void write(String name, Writing writing) throws IOException {
        PendingFile file = start(name);
        writing.to(file.partial());
    }

    /** Gives every file written so far its final name: the run is complete. */
    synchronized void publish() throws IOException {
        awaitHaltIfGivenUp();
        for (PendingFile file : started) {
            file.publish();
            published.add(file);
        }
        started.clear();
    }

    /**
     * Removes the temporary files of a run that ended without publishing them, after a failure. Quietly:
     * the failure is what the user needs to hear about, and the next run removes what is left.
     */
    synchronized void discard() {
        for (PendingFile file : started) {
            remove(file.partial());
        }
        started.clear();
    }

    /**
     * Removes every file this run wrote, temporary or published, and ends the writing: called when
     * the user interrupts the run. Returns the files that could not be removed, if any.
     */
    synchronized List<Path> giveUp() {
        givenUp = true;
        List<Path> left = new ArrayList<>();
        for (PendingFile file : started) {
            if (!remove(file.partial())) {
                left.add(file.partial());
            }
        }
        for (PendingFile file : published) {
            if (!remove(file.target())) {
                left.add(file.target());
            }
        }
        return left;
    }

    /** Whether the file is gone. */
    private static boolean remove(Path path) {
        try {
            Files.deleteIfExists(path);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private PendingFile start(String name) {
        awaitHaltIfGivenUp();
        PendingFile file = file(name);
        started.add(file);
        return file;
    }

    private PendingFile file(String name) {
        PendingFile file = files.get(name);
        if (file == null) {
            throw new IllegalArgumentException("not one of this run's files: " + name);
        }
        return file;
    }

    /**
     * A run that was given up is inside a JVM that is shutting down, which halts as soon as the hook
     * is done. The run's thread waits for that rather than go on to write files, or to report a run
     * whose files are gone.
     */
    private void awaitHaltIfGivenUp() {
        while (givenUp) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the run was interrupted", e);
            }
        }
    }
}
