package dev.tender.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * CPU time as Linux counts it: a process's (user and system, from {@code /proc/PID/stat}), this
 * process's, and the whole machine's busy and total time (from {@code /proc/stat}). In clock ticks
 * of 1/100 s, which is what {@code USER_HZ} is on every Linux this runs on. Empty where the files
 * cannot be read.
 */
record CpuTimes(OptionalLong node, long self, OptionalLong machineBusy, OptionalLong machineTotal) {

    static final double TICKS_PER_SECOND = 100;

    static CpuTimes now(OptionalLong nodePid) {
        OptionalLong node = OptionalLong.empty();
        if (nodePid.isPresent()) {
            node = process(nodePid.getAsLong());
        }
        long self = ProcessHandle.current()
                        .info()
                        .totalCpuDuration()
                        .map(Duration::toMillis)
                        .orElse(0L)
                / 10;
        OptionalLong busy = OptionalLong.empty();
        OptionalLong total = OptionalLong.empty();
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] fields = first.trim().split("\\s+", -1);
            long sum = 0;
            // cpu user nice system idle iowait irq softirq steal (guest time is inside user already)
            for (int i = 1; i <= Math.min(8, fields.length - 1); i++) {
                sum += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            busy = OptionalLong.of(sum - idle);
            total = OptionalLong.of(sum);
        } catch (IOException | RuntimeException e) {
            // not Linux: the machine's share is left out of the report
        }
        return new CpuTimes(node, self, busy, total);
    }

    private static OptionalLong process(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // after "(comm)", which may hold spaces: state is field 3, utime 14 and stime 15
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
            return OptionalLong.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** What happened between {@code before} and this reading, over {@code seconds} of wall time, as a line. */
    String since(CpuTimes before, double seconds) {
        StringBuilder line = new StringBuilder();
        if (node.isPresent() && before.node.isPresent()) {
            line.append(String.format(
                    Locale.ROOT,
                    "node %.2f cores, ",
                    (node.getAsLong() - before.node.getAsLong()) / TICKS_PER_SECOND / seconds));
        }
        line.append(String.format(
                Locale.ROOT, "this driver %.2f cores", (self - before.self) / TICKS_PER_SECOND / seconds));
        if (machineBusy.isPresent() && before.machineBusy.isPresent()) {
            int cpus = Runtime.getRuntime().availableProcessors();
            double share = (double) (machineBusy.getAsLong() - before.machineBusy.getAsLong())
                    / (machineTotal.getAsLong() - before.machineTotal.getAsLong());
            double others = share * cpus
                    - (self - before.self) / TICKS_PER_SECOND / seconds
                    - (node.isPresent() && before.node.isPresent()
                            ? (node.getAsLong() - before.node.getAsLong()) / TICKS_PER_SECOND / seconds
                            : 0);
            line.append(String.format(
                    Locale.ROOT,
                    ", every other process (the database's included) %.2f cores; the machine %.0f %% busy of %d CPUs",
                    Math.max(0, others),
                    100 * share,
                    cpus));
        }
        return line.toString();
    }
}
