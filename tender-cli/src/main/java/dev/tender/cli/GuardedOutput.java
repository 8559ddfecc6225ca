package dev.tender.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Work that writes files into an output folder while Ctrl-C may stop it: the files are {@link
 * OutputFiles}, and until the work is done a shutdown hook stands ready to remove them, end the
 * progress display and say so in one line.
 */
final class GuardedOutput {

    /** What writes the files; it publishes them itself once they are complete. */
    @FunctionalInterface
    interface Work<T> {
        T in(OutputFiles files) throws Exception;
    }

    private GuardedOutput() {}

    /** Creates the folder, or says why it cannot and returns false. */
    static boolean createFolder(Path out, PrintWriter stderr) {
        try {
            Files.createDirectories(out);
            return true;
        } catch (IOException e) {
            stderr.println("tender: cannot create the output folder " + out + ": " + e.getMessage());
            return false;
        }
    }

    /** Runs {@code work} on the named files of {@code out}; whatever it did not publish is removed. */
    static <T> T run(Path out, List<String> names, ShownProgress progress, PrintWriter stderr, Work<T> work)
            throws Exception {
        OutputFiles files = new OutputFiles(out, names);
        Thread onInterrupt = new Thread(() -> interrupted(out, files, progress, stderr), "tender-interrupted");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try (progress) {
            return work.in(files);
        } finally {
            files.discard();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already on its way out; the hook has run or is running.
            }
        }
    }

    /**
     * Ctrl-C, or any other end of the JVM before the work is complete: the JVM runs this hook and
     * then exits (with 130 after Ctrl-C). Nothing of the work may stay behind, and the user hears
     * so in one line.
     */
    private static void interrupted(Path out, OutputFiles files, ShownProgress progress, PrintWriter stderr) {
        progress.stop();
        List<Path> left = files.giveUp();
        stderr.println("tender: interrupted; no output was written to " + folderName(out)
                + (left.isEmpty() ? " (partial files removed)" : " (could not remove " + left + ")"));
        stderr.flush();
    }

    private static String folderName(Path folder) {
        String name = folder.toString();
        return name.endsWith(File.separator) ? name : name + File.separator;
    }
}
