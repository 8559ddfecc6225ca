package dev.tender.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Scanner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code tender serve} in a JVM of its own, with this test's class path, as an operator runs it:
 * started and awaited until it says it serves, then killed with SIGKILL. Its standard error (the
 * node's log) goes to a file, read when asked; its standard output is read on a thread of its own,
 * so neither pipe can fill and stall the node.
 */
final class ServeProcess {

    /** A JVM starting on a busy two-core machine, opening H2 after a kill and replaying its log. */
    private static final long START_SECONDS = 90;

    private final String name;
    private final Process process;
    private final Path stderr;
    private final CompletableFuture<String> serving = new CompletableFuture<>();
    private final long startedNanos = System.nanoTime();
    private long millisToServe;

    private ServeProcess(String name, Process process, Path stderr) {
        this.name = name;
        this.process = process;
        this.stderr = stderr;
    }

    /**
     * Starts {@code tender serve args} and returns once it prints that it serves; its standard error
     * goes to {@code name.stderr} in {@code logs}. Throws, with that file's content, when the node
     * ends first or does not serve in time (and then kills it).
     */
    static ServeProcess start(Path logs, String classPath, String name, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                // A node that starts often and runs seconds: C1 alone and the serial collector start
                // it sooner on a small machine (as .mvn/jvm.config does for Maven).
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                classPath,
                Main.class.getName(),
                "serve"));
        command.addAll(args);
        Path stderr = logs.resolve(name + ".stderr");
        Process process =
                new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        ServeProcess serve = new ServeProcess(name, process, stderr);
        Thread reader = new Thread(serve::readStdout, name + "-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            serve.awaitServing();
        } catch (InterruptedException | RuntimeException e) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw e;
        }
        return serve;
    }

    /**
     * This JVM's class path for the nodes of one test, with the project's own entries (its modules'
     * classes folders and {@code tender-*} jars) copied into {@code folder} and the libraries left
     * where they are: every start then runs the same bytes, though a build beside the test may
     * rewrite the originals meanwhile (a node of another version could rightly refuse to replay the
     * log, and a jar half written does not load).
     */
    static String classPath(Path folder) throws IOException {
        List<String> entries = new ArrayList<>();
        try (Scanner path =
                new Scanner(System.getProperty("java.class.path")).useDelimiter(Pattern.quote(File.pathSeparator))) {
            while (path.hasNext()) {
                Path entry = Path.of(path.next());
                Path name = entry.getFileName();
                boolean ours = Files.isDirectory(entry)
                        || (name != null && name.toString().startsWith("tender-") && Files.isRegularFile(entry));
                if (!ours) {
                    entries.add(entry.toString());
                    continue;
                }
                Path copy = folder.resolve(entries.size() + "-" + name);
                copy(entry, copy);
                entries.add(copy.toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else { // Files.walk gives a folder before what it holds
                    Files.copy(file, target);
                }
            }
        }
    }

    private void readStdout() {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), Charset.defaultCharset()))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("tender: serving ")) {
                    serving.complete(line);
                }
            }
        } catch (IOException e) {
            // The stream closes under the reader when the process is killed; nothing more comes.
        }
        serving.completeExceptionally(new IllegalStateException(name + " ended before it served"));
    }

    private void awaitServing() throws IOException, InterruptedException {
        try {
            serving.get(START_SECONDS, TimeUnit.SECONDS);
            millisToServe = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        } catch (ExecutionException e) {
            process.waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException(
                    name + " ended before it served, with exit code "
                            + (process.isAlive() ? "none (still running)" : process.exitValue()) + "; its log:\n"
                            + stderr(),
                    e);
        } catch (TimeoutException e) {
            kill();
            throw new IllegalStateException(
                    name + " did not serve within " + START_SECONDS + " s; its log:\n" + stderr(), e);
        }
    }

    String name() {
        return name;
    }

    /** The line the node printed when it began to serve. */
    String servingLine() {
        return serving.getNow("");
    }

    /** From the start of the JVM to the node serving, in milliseconds. */
    long millisToServe() {
        return millisToServe;
    }

    /** The node's log so far. */
    String stderr() {
        try {
            return Files.readString(stderr, Charset.defaultCharset());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL on Linux and macOS: no shutdown hook runs, nothing is flushed. Returns once the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") is still alive 30 s after SIGKILL");
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGSTOP: the JVM stops where it is, its connections open, as in a long pause. */
    void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT: a paused JVM goes on where it stopped. */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                .inheritIO()
                .start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
        }
    }
}
