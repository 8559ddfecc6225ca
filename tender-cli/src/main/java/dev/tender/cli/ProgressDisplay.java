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
 * Progress of a run on stderr, in simulated days, once it has taken more than a second: a bar on
 * a terminal, a plain line every few seconds elsewhere (a log, a pipe). The run's thread reports
 * progress while Ctrl-C's hook may {@link #stop} the display, hence the lock.
 */
final class ProgressDisplay implements Simulation.Progress, AutoCloseable {

    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;

    private final String task;
    private final Instant start;
    private final long days;
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
        this.task = task;
        this.start = start;
        this.days = Math.max(1, Duration.between(start, end).toDays());
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void at(Instant simulated, long submitted) {
        long now = System.nanoTime();
        if (stopped || now - begun < SHOW_AFTER_NANOS) {
            return;
        }
        long day = Math.min(days, Duration.between(start, simulated).toDays());
        if (terminal) {
            ProgressBar shown = bar();
            shown.stepTo(day);
            shown.setExtraMessage(String.format(" %,d requests", submitted));
        } else if (now - lastPlain >= PLAIN_EVERY_NANOS) {
            lastPlain = now;
            err.printf(
                    "%s: day %,d of %,d (%s), %,d requests%n",
                    task, day, days, simulated.toString().substring(0, 10), submitted);
        }
    }

    private ProgressBar bar() {
        if (bar == null) {
            bar = new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(days)
                    .setUnit(" days", 1)
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
    synchronized void stop() {
        if (!stopped && bar != null) {
            bar.close();
        }
        stopped = true;
    }

    @Override
    public synchronized void close() {
        if (!stopped && bar != null) {
            bar.stepTo(days);
            bar.close();
        }
        stopped = true;
    }
}
