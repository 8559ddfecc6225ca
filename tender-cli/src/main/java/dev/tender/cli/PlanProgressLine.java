package dev.tender.cli;

import dev.tender.money.Money;
import dev.tender.planning.Planner;
import dev.tender.text.Figures;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * What the planner is doing, the best plan and the bound so far, and the time taken, on one line of
 * stderr: redrawn every second on a terminal, printed every five seconds and at each new phase
 * elsewhere. A clock redraws it while a solver is silent (GLOP says nothing until it is done).
 */
final class PlanProgressLine implements Planner.Progress, ShownProgress {

    private final String task;
    private final PrintStream err;
    private final boolean terminal;
    private final long begun = System.nanoTime();
    private final ScheduledExecutorService clock;
    private final ScheduledFuture<?> ticking;
    private String phase = "starting";
    private @Nullable Money best;
    private @Nullable Money bound;
    private int drawn;
    private boolean stopped;

    PlanProgressLine(String task, PrintStream err, boolean terminal) {
        this.task = task;
        this.err = err;
        this.terminal = terminal;
        this.clock = Executors.newSingleThreadScheduledExecutor(run -> {
            Thread thread = new Thread(run, "tender-plan-progress");
            thread.setDaemon(true);
            return thread;
        });
        long every = terminal ? 1 : 5;
        this.ticking = clock.scheduleAtFixedRate(this::draw, every, every, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void at(String newPhase, @Nullable Money newBest, @Nullable Money newBound) {
        boolean moved = !newPhase.equals(phase);
        phase = newPhase;
        best = newBest;
        bound = newBound;
        if (terminal || moved) {
            draw();
        }
    }

    private synchronized void draw() {
        if (stopped) {
            return;
        }
        StringBuilder line = new StringBuilder(task).append(": ").append(phase);
        if (best != null) {
            line.append(", best ").append(Figures.dollars(best));
        }
        if (bound != null) {
            line.append(", bound ").append(Figures.dollars(bound));
        }
        line.append(String.format(Locale.ROOT, ", %.0f s", (System.nanoTime() - begun) / 1e9));
        if (terminal) {
            String text = line.toString();
            err.print("\r" + text + " ".repeat(Math.max(0, drawn - text.length())));
            drawn = text.length();
        } else {
            err.println(line);
        }
        err.flush();
    }

    @Override
    public synchronized void stop() {
        if (!stopped && terminal && drawn > 0) {
            err.println();
        }
        stopped = true;
        ticking.cancel(false);
        clock.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }
}
