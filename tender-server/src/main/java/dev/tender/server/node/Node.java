package dev.tender.server.node;

import dev.tender.broker.Reply;
import dev.tender.event.TenderEvent;
import dev.tender.eventlog.EventLines;
import dev.tender.store.CommandLog;
import dev.tender.store.StoredCommand;
import dev.tender.store.StoredEvent;
import dev.tender.store.StoredRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live node: replays the stored log into a fresh engine, then runs the one writer. The writer
 * takes every command that is waiting (group commit), stamps them with the wall clock (never
 * earlier than the last stamp), fires the timers due by then at their own instants, applies the
 * commands, and stores commands and events in one transaction before anyone hears the outcome.
 * When no command comes, it wakes for the next timer and stores what the timer did.
 */
public final class Node implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Node.class);

    /** Commands taken into one transaction at most. */
    static final int BATCH = 512;

    private final CommandLog log;
    private final Clock wall;
    private final Activity activity;
    private final BlockingQueue<Pending<?>> queue;
    private final int recentClosed;
    /** Replaced whole by a replay, so readers never see one half filled. */
    private volatile RequestBook book;

    private final EventLines lines = new EventLines();
    private final Thread writer;
    private volatile boolean running = true;
    private volatile @Nullable LiveWorld world;
    private LiveEngine engine = new LiveEngine();
    private long lastCommand;
    private Instant lastStamp = Instant.EPOCH;

    /** Work waiting for the writer: a command to log and apply, or a read of the engine; and who waits for its outcome. */
    private record Pending<R>(
            @Nullable Command<R> command, Function<LiveEngine, R> work, CompletableFuture<R> outcome, long handedIn) {

        void complete(Object result) {
            @SuppressWarnings("unchecked") // the engine did this very work, whose outcome is an R
            R typed = (R) result;
            outcome.complete(typed);
        }
    }

    private Node(CommandLog log, Clock wall, Activity activity, int queueSize, int recentClosed) {
        this.log = log;
        this.wall = wall;
        this.activity = activity;
        this.queue = new ArrayBlockingQueue<>(queueSize);
        this.recentClosed = recentClosed;
        this.book = new RequestBook(log, recentClosed);
        this.writer = new Thread(this::write, "tender-writer");
    }

    /** Replays {@code log} and starts the writer. Throws when the log does not replay to the events stored with it. */
    public static Node start(CommandLog log, Clock wall) {
        return start(log, wall, Activity.NONE);
    }

    /** As {@link #start(CommandLog, Clock)}, telling {@code activity} what the node does. */
    public static Node start(CommandLog log, Clock wall, Activity activity) {
        return start(log, wall, activity, RequestBook.RECENT);
    }

    /** As {@link #start(CommandLog, Clock, Activity)}, keeping {@code recentClosed} closed requests in memory. */
    static Node start(CommandLog log, Clock wall, Activity activity, int recentClosed) {
        Node node = new Node(log, wall, activity, 16_384, recentClosed);
        node.replay();
        node.writer.start();
        return node;
    }

    /**
     * Hands {@code command} to the writer. The future completes once the command and its events
     * are stored; it fails when the node is busy (its queue full), stopped, or the store failed.
     */
    public <R> CompletableFuture<R> execute(Command<R> command) {
        return enqueue(command, command::applyTo);
    }

    /**
     * Reads what only the engine's thread may read (the ledger), between two batches; nothing is
     * logged. The future completes with the answer.
     */
    public <R> CompletableFuture<R> read(Function<LiveEngine, R> query) {
        return enqueue(null, query);
    }

    private <R> CompletableFuture<R> enqueue(@Nullable Command<R> command, Function<LiveEngine, R> work) {
        CompletableFuture<R> outcome = new CompletableFuture<>();
        if (!running) {
            outcome.completeExceptionally(new Unavailable("the node is stopping"));
        } else if (!queue.offer(new Pending<>(command, work, outcome, System.nanoTime()))) {
            outcome.completeExceptionally(new Unavailable("the node is busy: " + queue.size() + " commands wait"));
        }
        return outcome;
    }

    public RequestBook requests() {
        return book;
    }

    public Optional<LiveWorld> world() {
        return Optional.ofNullable(world);
    }

    public int queueDepth() {
        return queue.size();
    }

    public boolean isRunning() {
        return running && writer.isAlive();
    }

    /** The node could not take a command; nothing was stored. */
    public static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message) {
            super(message);
        }

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Rebuilds the engine and the book from the log, checking every event the engine makes again
     * against the one stored with its command: a difference means the log cannot be trusted, or
     * this version decides differently, and the node refuses to start.
     */
    private void replay() {
        LiveEngine fresh = new LiveEngine();
        RequestBook rebuilt = new RequestBook(log, recentClosed);
        StoredEvents stored = new StoredEvents(log);
        // A log stored before the request index (V2) existed has events but no request rows.
        boolean reindex = log.requestCount() == 0 && log.lastEventSeq() > 0;
        Map<String, StoredRequest> index = new LinkedHashMap<>();
        log.forEachCommand(command -> {
            fresh.advanceTo(command.at());
            CommandCodec.read(command.kind(), command.body()).applyTo(fresh);
            List<TenderEvent> events = fresh.drainEvents();
            if (!stored.check(events, lines).isEmpty()) {
                throw new IllegalStateException(
                        "command " + command.seq() + " replays to events the log does not hold");
            }
            if (reindex) {
                rebuilt.rows(events).forEach(row -> index.put(row.id(), row));
            }
            rebuilt.apply(events);
            lastCommand = command.seq();
            lastStamp = command.at();
        });
        engine = fresh;
        if (reindex) {
            log.reindex(index.values());
            LOG.info("indexed the {} requests of a log stored before the request index", index.size());
        }
        // A timer that fired after the last command stored events later than it: a clock set back
        // since must not stamp anything before them.
        long lastStored = log.lastEventSeq();
        log.eventsAfter(lastStored - 1, 1).stream()
                .map(StoredEvent::at)
                .filter(at -> at.isAfter(lastStamp))
                .forEach(at -> lastStamp = at);
        // Timers that fell due while the node was down fire now, at their own instants, once.
        engine.advanceTo(stamp());
        List<TenderEvent> events = engine.drainEvents();
        List<TenderEvent> late = stored.check(events, lines);
        stored.requireAllSeen();
        if (!late.isEmpty()) {
            store(List.of(), late, rebuilt);
        }
        rebuilt.apply(events);
        book = rebuilt;
        world = engine.world().orElse(null);
        LOG.info(
                "replayed {} commands; {} events of timers that fell due meanwhile stored now",
                lastCommand,
                late.size());
    }

    private void write() {
        List<Pending<?>> batch = new ArrayList<>(BATCH);
        try {
            writeUntilStopped(batch);
        } finally {
            // Stopped, or killed by an Error: no one waits for an answer that will not come.
            running = false;
            batch.forEach(pending -> pending.outcome().completeExceptionally(new Unavailable("the node stopped")));
            failWaiting();
        }
    }

    private void failWaiting() {
        for (Pending<?> pending; (pending = queue.poll()) != null; ) {
            pending.outcome().completeExceptionally(new Unavailable("the node stopped"));
        }
    }

    private void writeUntilStopped(List<Pending<?>> batch) {
        while (running) {
            try {
                take(batch);
            } catch (InterruptedException e) {
                break;
            }
            Instant now = stamp();
            List<StoredCommand> commands = new ArrayList<>(batch.size());
            List<Object> outcomes = new ArrayList<>(batch.size());
            try {
                for (Pending<?> pending : batch) {
                    // Before each command, as replay does: what an earlier command of the batch set
                    // for this very instant (an answer after PT0S) fires before the next command.
                    engine.advanceTo(now);
                    Object outcome = pending.work().apply(engine);
                    outcomes.add(outcome);
                    Command<?> command = pending.command();
                    if (command != null && changedAnything(outcome)) {
                        commands.add(new StoredCommand(
                                lastCommand + commands.size() + 1, now, command.kind(), CommandCodec.body(command)));
                    }
                }
                // And after the last, so what it set for now is stored in this transaction: replay
                // fires it at the same point, before the next command.
                engine.advanceTo(now);
                List<TenderEvent> events = engine.drainEvents();
                if (!commands.isEmpty() || !events.isEmpty()) {
                    store(commands, events, book);
                    book.apply(events);
                }
                world = engine.world().orElse(null);
                long done = System.nanoTime();
                for (int i = 0; i < batch.size(); i++) {
                    Pending<?> pending = batch.get(i);
                    pending.complete(outcomes.get(i));
                    Command<?> command = pending.command();
                    if (command != null) {
                        activity.answered(command.kind(), Duration.ofNanos(done - pending.handedIn()));
                    }
                }
            } catch (RuntimeException e) {
                fail(batch, e);
            }
            batch.clear();
        }
    }

    /**
     * Whether a command's outcome changed the engine, so the command is stored. A refusal records
     * nothing (an answer refused or too late, a cancel of what is closed, a key reused, a change of
     * the world refused): replay makes the same events without it, and bad input leaves no trace.
     */
    private static boolean changedAnything(Object outcome) {
        if (outcome instanceof Reply reply) {
            return reply instanceof Reply.Received;
        }
        if (outcome instanceof Submission submission) {
            return submission instanceof Submission.Accepted;
        }
        if (outcome instanceof Command.WorldEdit edit) {
            return edit.done();
        }
        if (outcome instanceof Boolean cancelled) {
            return cancelled;
        }
        return true;
    }

    /** Waits for a command or the next timer, then takes every command waiting, up to a batch. */
    private void take(List<Pending<?>> batch) throws InterruptedException {
        Optional<Instant> timer = engine.nextTimer();
        // At least once a second, to see whether the node is stopping.
        long waitMillis = timer.map(
                        due -> Math.max(0, Duration.between(wall.instant(), due).toMillis() + 1))
                .filter(millis -> millis < 1_000)
                .orElse(1_000L);
        Pending<?> first = queue.poll(waitMillis, TimeUnit.MILLISECONDS);
        if (first != null) {
            batch.add(first);
            queue.drainTo(batch, BATCH - 1);
        }
    }

    /** The wall clock to the millisecond (the log keeps microseconds; a millisecond reads better), never before the last stamp. */
    private Instant stamp() {
        Instant now = Instant.ofEpochMilli(wall.millis());
        if (now.isBefore(lastStamp)) {
            now = lastStamp;
        }
        lastStamp = now;
        return now;
    }

    /** Stores commands and events, with the rows of the requests they change as {@code requests} sees them. */
    private void store(List<StoredCommand> commands, List<TenderEvent> events, RequestBook requests) {
        List<StoredEvent> rows = new ArrayList<>(events.size());
        // The store refuses seqs that do not follow the stored ones, so a gap cannot be written.
        for (TenderEvent event : events) {
            rows.add(
                    new StoredEvent(event.seq(), event.at(), event.request().value(), event.type(), lines.line(event)));
        }
        log.append(commands, rows, requests.rows(events));
        activity.stored(commands.stream().map(StoredCommand::kind).toList(), events);
        lastCommand += commands.size();
    }

    /**
     * A batch that could not be applied or stored: no one hears it succeeded, and the engine, which
     * may have moved on without the store, is rebuilt from what the store holds.
     */
    private void fail(List<Pending<?>> batch, RuntimeException cause) {
        LOG.error("a batch of {} commands failed; rebuilding the engine from the store", batch.size(), cause);
        for (Pending<?> pending : batch) {
            pending.outcome()
                    .completeExceptionally(new Unavailable("the command was not stored: " + cause.getMessage(), cause));
        }
        while (running) {
            try {
                replay();
                return;
            } catch (RuntimeException again) {
                LOG.error("the store cannot be read back yet; retrying in a second", again);
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    running = false;
                }
            }
        }
    }

    /** Stops taking commands, lets the writer finish its batch, and waits for it. */
    @Override
    public void close() {
        // No interrupt: H2 closes its files when a thread is interrupted inside them. The writer
        // looks at the flag at least once a second.
        running = false;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A command handed in while the writer was leaving.
        failWaiting();
    }
}
