package dev.tender.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during a run, as a user presses it: a real {@code tender simulate} in a JVM of its own,
 * sent SIGINT while it writes its files.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class InterruptedRunTest {

    @Test
    void ctrlCLeavesNoFilesSaysSoInOneLineAndExits130(@TempDir Path dir) throws Exception {
        Path scenario = Files.writeString(dir.resolve("long-run.yaml"), longRun());
        Path out = Files.createDirectories(dir.resolve("out"));
        for (String name : List.of("events.jsonl", "summary.json", "report.html")) {
            Files.writeString(out.resolve(name), "from an earlier run");
        }
        Path stderr = dir.resolve("stderr.txt");

        Process tender = start(dir, "simulate", scenario.toString(), "--out", out.toString());
        try {
            awaitTheLogBeingWritten(tender, out, stderr);
            assertThat(new ProcessBuilder("kill", "-INT", Long.toString(tender.pid()))
                            .start()
                            .waitFor())
                    .isZero();

            assertThat(tender.waitFor(60, TimeUnit.SECONDS))
                    .as("tender ends after Ctrl-C")
                    .isTrue();
        } finally {
            tender.destroyForcibly().waitFor();
        }

        List<String> lines = Files.readAllLines(stderr);
        assertThat(tender.exitValue()).as(String.join("\n", lines)).isEqualTo(130);
        assertThat(lines)
                .as("stderr")
                .last()
                .isEqualTo("tender: interrupted; no output was written to " + out + "/ (partial files removed)");
        assertThat(lines).as("stderr").noneMatch(line -> line.contains("Exception") || line.startsWith("\tat "));
        assertThat(listing(out))
                .as("neither an earlier run's files nor temporary ones")
                .isEmpty();
    }

    /**
     * The run is interrupted once its log has begun (the temporary file has content): the hook is in
     * place by then, and the simulation is under way.
     */
    private static void awaitTheLogBeingWritten(Process tender, Path out, Path stderr) throws Exception {
        Path partial = out.resolve(".events.jsonl.partial");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(partial) && Files.size(partial) > 0)) {
            if (!tender.isAlive()) {
                fail("tender ended before it was interrupted, with " + tender.exitValue() + ":\n"
                        + Files.readString(stderr));
            }
            if (System.nanoTime() > deadline) {
                fail("tender did not start writing its log within a minute:\n" + Files.readString(stderr));
            }
            Thread.sleep(20);
        }
    }

    /**
     * {@code tender} in a JVM of its own, with this test's classpath. A JVM ignores SIGINT when it
     * starts with SIGINT ignored, as a child of a build run in the background of a script is; {@code
     * env --default-signal} gives the child the default back.
     */
    private static Process start(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (ignoresSigint()) {
            command.addAll(List.of("env", "--default-signal=INT"));
        }
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
    }

    /** Whether this JVM ignores SIGINT (bit 2 of SigIgn in Linux's process status). */
    private static boolean ignoresSigint() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith("SigIgn:"))
                    .map(line ->
                            Long.parseLong(line.substring("SigIgn:".length()).strip(), 16))
                    .anyMatch(mask -> (mask & (1L << 1)) != 0);
        }
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * A world that keeps the simulator busy for 5 to 30 seconds, depending on the machine: ten
     * regions of five providers with five sites each, and a request every three hours in each
     * region for four years (about 117,000 requests).
     */
    static String longRun() {
        StringBuilder yaml = new StringBuilder("""
                name: long-run
                description: a world big enough that a run takes several seconds
                start: 2025-01-01
                horizon: P4Y
                seed: 3
                defaults: { offerWindow: P2D, rfqWindow: P1D }
                workloads: [training]
                accelerators:
                  H100: { h100e: 1.0, kw: 1.4 }
                providers:
                """);
        for (int region = 1; region <= 10; region++) {
            for (int provider = 1; provider <= 5; provider++) {
                String id = "r%02d-p%d".formatted(region, provider);
                yaml.append("""
                          %s:
                            responder: { kind: auto, after: PT%dH, share: 0.9 }
                            prices: { H100: %d.00 }
                            sites:
                              - { id: "%s-{n}", count: 5, region: r%02d, capacity: [{ accelerator: H100, units: 1500, from: 2024-06-01 }] }
                        """.formatted(id, 6 * provider, 3 + provider, id, region));
            }
        }
        yaml.append("demand:\n  generators:\n");
        for (int region = 1; region <= 10; region++) {
            yaml.append(
                    "    - { id: r%02d, tenant: bench, workload: training, accelerator: H100, every: PT3H, regions: [r%02d], units: [10, 250], hours: [24, 480], lead: P3D, flex: P7D }\n"
                            .formatted(region, region));
        }
        return yaml.toString();
    }
}
