package dev.tender.cli;

import dev.tender.sim.Simulation;
import java.io.Console;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/**
 * Progress on stderr, in simulated days of a run or in runs of a comparison, once it has taken more
 * than a second: a bar on a terminal (with the time taken and the time left), a plain line every
 * few seconds elsewhere (a log, a pipe). The work's threads report progress while Ctrl-C's hook may
 * {@link #stop} the display, hence the lock.
 */
final class ProgressDisplay implements Simulation.Progress, ShownProgress {

    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;

    private final String task;
    private final String unit;
    private final Instant start;
    private final long steps;
    private final PrintStream err;
    private final boolean terminal;
    private final long begun = System.nanoTime();
    private long lastPlain = begun;
    /** Made when the first progress is shown in a terminal. */
    private @Nullable ProgressBar bar;

    private boolean stopped;

    /**
     * True when Tender runs in a terminal, where the bar redraws itself; false in a pipe or a file,
     * where a plain line is printed now and then. Up to JDK 21 there is a console only in a
     * terminal; from JDK 22 there is always one, and it says whether it is a terminal.
     */
    @SuppressWarnings("SystemConsoleNull") // handled: a console that is not a terminal says so, see above
    static boolean onATerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException beforeJdk22) {
            return true;
        } catch (ReflectiveOperationException | ClassCastException e) {
            return false;
        }
    }

    /** {@code task} names what is done, day by day of the run: {@code simulating}, {@code reading}. */
    ProgressDisplay(String task, Instant start, Instant end, PrintStream err, boolean terminal) {
        this(task, " days", start, Math.max(1, Duration.between(start, end).toDays()), err, terminal);
    }

    private ProgressDisplay(String task, String unit, Instant start, long steps, PrintStream err, boolean terminal) {
        this.task = task;
        this.unit = unit;
        this.start = start;
        this.steps = steps;
        this.err = err;
        this.terminal = terminal;
    }

    /** Progress in {@code runs} runs, told by {@link #finished}. */
    static ProgressDisplay ofRuns(String task, long runs, PrintStream err, boolean terminal) {
        return new ProgressDisplay(task, " runs", Instant.EPOCH, Math.max(1, runs), err, terminal);
    }

    /** {@code done} of the runs are finished, at least one: it is told as each run ends. */
    synchronized void finished(int done, int all) {
        long now = System.nanoTime();
        if (stopped || now - begun < SHOW_AFTER_NANOS) {
            return;
        }
        if (terminal) {
            bar().stepTo(done);
        } else if (now - lastPlain >= PLAIN_EVERY_NANOS) {
            lastPlain = now;
            double elapsed = (now - begun) / 1e9;
            err.printf(
                    "%s: %,d of %,d runs, %.0f s so far, about %.0f s left%n",
                    task, done, all, elapsed, elapsed * (all - done) / done);
        }
    }

    @Override
    public synchronized void at(Instant simulated, long submitted) {
        long now = System.nanoTime();
        if (stopped || now - begun < SHOW_AFTER_NANOS) {
            return;
        }
        long day = Math.min(steps, Duration.between(start, simulated).toDays());
        if (terminal) {
            ProgressBar shown = bar();
            shown.stepTo(day);
            shown.setExtraMessage(String.format(" %,d requests", submitted));
        } else if (now - lastPlain >= PLAIN_EVERY_NANOS) {
            lastPlain = now;
            err.printf(
                    "%s: day %,d of %,d (%s), %,d requests%n",
                    task, day, steps, simulated.toString().substring(0, 10), submitted);
        }
    }

    private ProgressBar bar() {
        if (bar == null) {
            bar = new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(steps)
                    .setUnit(unit, 1)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(err))
                    .build();
        }
        return bar;
    }

    /**
     * Leaves the display where the run was interrupted: the bar, if one is showing, is drawn once more
     * and its line ended, so that what is printed next starts on a line of its own; nothing more is
     * printed after.
     */
    @Override
    public synchronized void stop() {
        if (!stopped && bar != null) {
            bar.close();
        }
        stopped = true;
    }

    @Override
    public synchronized void close() {
        if (!stopped && bar != null) {
            bar.stepTo(steps);
            bar.close();
        }
        stopped = true;
    }
}
