package dev.tender.server.node;

import dev.tender.broker.Reply;
import dev.tender.event.TenderEvent;
import dev.tender.eventlog.EventLines;
import dev.tender.store.Batch;
import dev.tender.store.CommandLog;
import dev.tender.store.Fenced;
import dev.tender.store.Forwarded;
import dev.tender.store.Lease;
import dev.tender.store.Notice;
import dev.tender.store.Outcome;
import dev.tender.store.StoredCommand;
import dev.tender.store.StoredEvent;
import dev.tender.store.StoredRequest;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 *
 * <p>Several nodes may share a PostgreSQL store ({@link #join}, ADR 0016): the one holding the
 * {@link Lease} writes; the others follow the stored log with an engine of their own (their reads
 * come from it) and hand the commands their clients send to the writer through the store's inbox.
 * When the writer's lease dies with its connection, a follower takes it, claims the next epoch (so
 * the old writer can store nothing more), reads the log to its end and writes on.
 */
public final class Node implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Node.class);

    /** Commands taken into one transaction at most. */
    static final int BATCH = 512;

    /** Answers to forwarded commands kept in the inbox: far longer than a follower waits for one. */
    private static final int ANSWERS_KEPT_MINUTES = 5;

    /**
     * A forwarded command no writer took within this long is never applied: its client heard 503
     * after the API's 30 s, and a follower stops waiting for it.
     */
    static final int FORWARDED_EXPIRE_SECONDS = 60;

    /** How long the lease's connection waits for a notification before it checks it is alive. */
    private static final int LISTEN_MILLIS = 200;

    /** Whether this node writes the log or follows it. */
    public enum Role {
        WRITER,
        FOLLOWER
    }

    /**
     * A node among several on one store: its name (in the log's writer row and the database's
     * sessions) and how often a follower tries for the lease.
     */
    public record Cluster(String name, Duration takeover) {
        public Cluster {
            Objects.requireNonNull(name, "name");
            if (takeover.isNegative() || takeover.isZero()) {
                throw new IllegalArgumentException("the takeover interval must be positive: " + takeover);
            }
        }
    }

    private final CommandLog log;
    private final Clock wall;
    private final Activity activity;
    private final BlockingQueue<Pending<?>> queue;
    private final int recentClosed;
    private final String name;
    private final @Nullable Lease lease;
    private final Duration takeover;
    /** Replaced whole by a replay, so readers never see its book half filled. */
    private volatile Replica replica;

    private final EventLines lines = new EventLines();
    private final Thread engineThread;
    private final Thread leaseThread;
    private final Thread forwarder;
    private volatile boolean running = true;
    private volatile @Nullable LiveWorld world;
    private volatile Role role;
    /** The epoch this node claimed, with which it stores; 0 before it claims one. */
    private volatile long epoch;
    /** The epoch /health shows: the one this node writes in, or the one it joined under. */
    private volatile long shownEpoch;
    /** Written by the lease's thread alone: the lock is held, as far as its connection tells. */
    private volatile boolean leaseHeld;
    /** Set by the engine's thread when it stops writing: the lease's thread lets the lock go. */
    private final AtomicBoolean dropLease = new AtomicBoolean();
    /** A follower forwarded a command since the writer last looked into the inbox. */
    private volatile boolean inboxWaiting = true;

    private long lastInboxLook;
    /** When the writer last expired and forgot answers; long enough ago that a new writer does so first. */
    private long lastInboxSweep = System.nanoTime() - TimeUnit.HOURS.toNanos(1);
    /** Commands clients handed to this node while it followed, waiting to be forwarded. */
    private final BlockingQueue<Waiting<?>> toForward = new ArrayBlockingQueue<>(16_384);
    /** Commands this node forwarded, by inbox id, and who waits for each outcome. */
    private final Map<Long, Waiting<?>> forwarded = new ConcurrentHashMap<>();
    /**
     * Outcomes the writer's notifications told, by inbox id, those of every follower's commands: one
     * may come before the forwarder has noted its command's id, or before this node's engine has
     * applied the command.
     */
    private final Map<Long, Told> told = new ConcurrentHashMap<>();

    /** When the engine's thread last looked into the inbox for outcomes no notification told. */
    private long lastInboxRead;
    /** When the lease's thread last forgot old outcomes. */
    private long lastToldForgotten = System.nanoTime();

    /**
     * Work waiting for the engine: a command to log and apply, or a read of the engine; who waits
     * for its outcome; and, for a command a follower forwarded, its inbox id (else -1).
     */
    private record Pending<R>(
            @Nullable Command<R> command,
            Function<LiveEngine, R> work,
            CompletableFuture<R> outcome,
            long handedIn,
            long inboxId) {

        void complete(Object result) {
            @SuppressWarnings("unchecked") // the engine did this very work, whose outcome is an R
            R typed = (R) result;
            outcome.complete(typed);
        }
    }

    /** Wakes the engine's thread: a notification came, or the lease was taken. */
    private static final Pending<Object> WAKE = new Pending<>(null, engine -> true, new CompletableFuture<>(), 0, -1);

    /** An outcome a notification told, and when it came. */
    private record Told(Outcome outcome, long heard) {}

    /** A command this node forwarded to the writer, and its client's future. */
    private record Waiting<R>(Command<R> command, CompletableFuture<R> outcome, long handedIn) {

        void complete(Object result) {
            @SuppressWarnings("unchecked") // the writer applied this very command, whose outcome is an R
            R typed = (R) result;
            outcome.complete(typed);
        }
    }

    private Node(
            CommandLog log, Clock wall, Activity activity, int recentClosed, @Nullable Lease lease, Cluster cluster) {
        this.log = log;
        this.wall = wall;
        this.activity = activity;
        this.queue = new ArrayBlockingQueue<>(16_384);
        this.recentClosed = recentClosed;
        this.lease = lease;
        this.name = cluster.name();
        this.takeover = cluster.takeover();
        this.role = lease == null ? Role.WRITER : Role.FOLLOWER;
        this.replica = new Replica(log, lines, recentClosed);
        this.engineThread = new Thread(this::run, "tender-engine");
        this.leaseThread = new Thread(this::keepLease, "tender-lease");
        this.forwarder = new Thread(this::forwardWhileRunning, "tender-forward");
        leaseThread.setDaemon(true);
        forwarder.setDaemon(true);
    }

    /**
     * Replays {@code log} and starts the writer, alone: on H2, or on a PostgreSQL store no other node
     * uses (it claims an epoch without a lease, which would fence a cluster's writer). Throws when
     * the log does not replay to the events stored with it.
     */
    public static Node start(CommandLog log, Clock wall) {
        return start(log, wall, Activity.NONE);
    }

    /** As {@link #start(CommandLog, Clock)}, telling {@code activity} what the node does. */
    public static Node start(CommandLog log, Clock wall, Activity activity) {
        return start(log, wall, activity, RequestBook.RECENT);
    }

    /** As {@link #start(CommandLog, Clock, Activity)}, keeping {@code recentClosed} closed requests in memory. */
    static Node start(CommandLog log, Clock wall, Activity activity, int recentClosed) {
        Node node = new Node(log, wall, activity, recentClosed, null, new Cluster("tender", Duration.ofSeconds(2)));
        node.epoch = log.claimEpoch(node.name);
        node.shownEpoch = node.epoch;
        node.replay();
        node.engineThread.start();
        return node;
    }

    /**
     * Joins the nodes on {@code log}'s store as a follower: replays the log, then follows it and
     * tries for {@code lease} every {@code cluster.takeover()}; the first node on a store takes it
     * at once. Throws when the log does not replay to the events stored with it.
     */
    public static Node join(CommandLog log, Lease lease, Clock wall, Activity activity, Cluster cluster) {
        Node node = new Node(log, wall, activity, RequestBook.RECENT, lease, cluster);
        node.replica.follow();
        node.world = node.replica.engine.world().orElse(null);
        node.shownEpoch = log.writer().epoch();
        LOG.info(
                "replayed {} commands; node {} follows the writer of epoch {}",
                node.replica.lastCommand,
                node.name,
                node.shownEpoch);
        node.engineThread.start();
        node.leaseThread.start();
        node.forwarder.start();
        return node;
    }

    /**
     * Hands {@code command} to the writer: this node's, or through the inbox the writer's of the
     * moment. The future completes once the command and its events are stored (and, forwarded,
     * once this node's engine has read them); it fails when the node is busy (its queue full),
     * stopped, or the store failed.
     */
    public <R> CompletableFuture<R> execute(Command<R> command) {
        if (role == Role.FOLLOWER) {
            return forward(command);
        }
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
        } else if (!queue.offer(new Pending<>(command, work, outcome, System.nanoTime(), -1))) {
            outcome.completeExceptionally(new Unavailable("the node is busy: " + queue.size() + " commands wait"));
        }
        return outcome;
    }

    private <R> CompletableFuture<R> forward(Command<R> command) {
        CompletableFuture<R> outcome = new CompletableFuture<>();
        if (!running) {
            outcome.completeExceptionally(new Unavailable("the node is stopping"));
        } else if (!toForward.offer(new Waiting<>(command, outcome, System.nanoTime()))) {
            outcome.completeExceptionally(
                    new Unavailable("the node is busy: " + toForward.size() + " commands wait to be forwarded"));
        }
        return outcome;
    }

    /**
     * The forwarder's loop: hands every command waiting to the writer in one transaction (group
     * commit, as the writer's), then leaves their clients' futures to the engine's thread, which
     * completes them when it reads the outcomes.
     */
    private void forwardWhileRunning() {
        List<Waiting<?>> group = new ArrayList<>(BATCH);
        while (running) {
            try {
                Waiting<?> first = toForward.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                toForward.drainTo(group, BATCH - 1);
            } catch (InterruptedException e) {
                return;
            }
            try {
                List<Long> ids = log.forward(
                        name,
                        group.stream()
                                .map(waiting -> new CommandLog.Handed(
                                        waiting.command().kind(), CommandCodec.body(waiting.command())))
                                .toList());
                for (int i = 0; i < ids.size(); i++) {
                    forwarded.put(ids.get(i), group.get(i));
                }
            } catch (RuntimeException e) {
                group.forEach(waiting -> waiting.outcome()
                        .completeExceptionally(new Unavailable(
                                "the command could not be handed to the writer: " + e.getMessage(), e)));
            }
            group.clear();
        }
    }

    public RequestBook requests() {
        return replica.book;
    }

    public Optional<LiveWorld> world() {
        return Optional.ofNullable(world);
    }

    public int queueDepth() {
        return queue.size();
    }

    public boolean isRunning() {
        return running && engineThread.isAlive();
    }

    public Role role() {
        return role;
    }

    /** The epoch this node last wrote in, or the one it joined under. */
    public long epoch() {
        return shownEpoch;
    }

    public String name() {
        return name;
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
     * this version decides differently, and the node refuses to start. Then fires, and stores, the
     * timers that fell due while no node wrote.
     */
    private void replay() {
        Replica fresh = new Replica(log, lines, recentClosed);
        // A log stored before the request index (V2) existed has events but no request rows.
        boolean reindex = log.requestCount() == 0 && log.lastEventSeq() > 0;
        Map<String, StoredRequest> index = new LinkedHashMap<>();
        fresh.applyCommands(events -> {
            if (reindex) {
                fresh.book.rows(events).forEach(row -> index.put(row.id(), row));
            }
            fresh.book.apply(events);
        });
        if (reindex) {
            log.reindex(index.values());
            LOG.info("indexed the {} requests of a log stored before the request index", index.size());
        }
        replica = fresh;
        stampNoEarlierThanTheLastEvent();
        long late = fireLateTimers();
        LOG.info(
                "replayed {} commands; {} events of timers that fell due meanwhile stored now",
                fresh.lastCommand,
                late);
    }

    /**
     * A timer that fired after the last command stored events later than it, and the last writer's
     * clock may have been ahead of this one's: nothing is stamped before the last stored event.
     */
    private void stampNoEarlierThanTheLastEvent() {
        Replica current = replica;
        log.eventsAfter(log.lastEventSeq() - 1, 1).stream()
                .map(StoredEvent::at)
                .filter(at -> at.isAfter(current.lastStamp))
                .forEach(at -> current.lastStamp = at);
    }

    /**
     * Fires the timers that fell due while no node wrote, at their own instants, and stores their
     * events once; after a crash the store may hold some of them (only the last events of a log can
     * be missing). Returns how many events it stored.
     */
    private long fireLateTimers() {
        Replica current = replica;
        current.engine.advanceTo(stamp());
        List<TenderEvent> events = current.engine.drainEvents();
        List<TenderEvent> late = current.stored.check(events, lines);
        current.stored.requireAllSeen();
        if (!late.isEmpty()) {
            store(List.of(), late, List.of());
        }
        current.book.apply(events);
        world = current.engine.world().orElse(null);
        return late.size();
    }

    // -- the engine's thread

    private void run() {
        List<Pending<?>> batch = new ArrayList<>(BATCH);
        try {
            while (running) {
                if (role == Role.FOLLOWER) {
                    follow(batch);
                } else {
                    writeWhileWriter(batch);
                }
            }
        } finally {
            // Stopped, or killed by an Error: no one waits for an answer that will not come.
            running = false;
            batch.forEach(pending -> pending.outcome().completeExceptionally(new Unavailable("the node stopped")));
            failWaiting("the node stopped");
            forwarded.values().forEach(waiting -> waiting.outcome()
                    .completeExceptionally(new Unavailable("the node stopped")));
            toForward.forEach(waiting -> waiting.outcome().completeExceptionally(new Unavailable("the node stopped")));
        }
    }

    private void failWaiting(String why) {
        for (Pending<?> pending; (pending = queue.poll()) != null; ) {
            pending.outcome().completeExceptionally(new Unavailable(why));
        }
    }

    /**
     * A follower's loop: reads what the writer stored (woken by its notification, or every few
     * hundred milliseconds), answers the reads waiting and the commands it forwarded, until the
     * lease is its own; then takes over.
     */
    private void follow(List<Pending<?>> batch) {
        while (running && !leaseIsOurs()) {
            try {
                Pending<?> first = queue.poll(250, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                }
            } catch (InterruptedException e) {
                running = false;
                return;
            }
            try {
                replica.follow();
                world = replica.engine.world().orElse(null);
                collectOutcomes(false);
            } catch (RuntimeException e) {
                // The replica may have applied a command whose events it could not check: it is
                // made again from the store, never followed on from where it failed.
                LOG.error("node {} cannot follow the log; reading it again from the start", name, e);
                pause();
                rebuildReplica();
            }
            for (Pending<?> pending : batch) {
                if (pending.command() != null) {
                    pending.outcome().completeExceptionally(new Unavailable("this node stopped writing; try again"));
                    continue;
                }
                try {
                    pending.complete(pending.work().apply(replica.engine));
                } catch (RuntimeException e) {
                    pending.outcome().completeExceptionally(e);
                }
            }
            batch.clear();
        }
        if (running) {
            takeOver();
        }
    }

    /**
     * Answers the clients whose forwarded commands the writer applied, once this node has read that
     * far: with the outcomes the writer's notifications told, and, for commands waiting a second or
     * more (their notification was missed: the lease's connection failed), those the inbox holds.
     * {@code fromInbox} looks into the inbox for every command waiting.
     */
    private void collectOutcomes(boolean fromInbox) {
        if (forwarded.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        List<Outcome> outcomes = new ArrayList<>();
        List<Long> unheard = new ArrayList<>();
        forwarded.forEach((id, waiting) -> {
            Told heard = told.remove(id);
            if (heard != null) {
                outcomes.add(heard.outcome());
            } else if (fromInbox || now - waiting.handedIn() > TimeUnit.SECONDS.toNanos(1)) {
                unheard.add(id);
            }
        });
        if (!unheard.isEmpty() && (fromInbox || now - lastInboxRead > TimeUnit.MILLISECONDS.toNanos(250))) {
            lastInboxRead = now;
            try {
                outcomes.addAll(log.outcomes(name, unheard));
            } catch (RuntimeException e) {
                LOG.warn("node {} cannot read the inbox; looking again in a moment: {}", name, e.toString());
            }
        }
        Replica current = replica;
        for (Outcome outcome : outcomes) {
            try {
                answer(outcome, current, now);
            } catch (RuntimeException e) {
                Waiting<?> waiting = forwarded.remove(outcome.id());
                if (waiting != null) {
                    waiting.outcome()
                            .completeExceptionally(
                                    new Unavailable("the writer's answer cannot be read: " + e.getMessage(), e));
                }
            }
        }
        long oldest = now - TimeUnit.SECONDS.toNanos(FORWARDED_EXPIRE_SECONDS);
        forwarded.values().removeIf(waiting -> {
            boolean expired = waiting.handedIn() - oldest < 0;
            if (expired) {
                waiting.outcome()
                        .completeExceptionally(new Unavailable("no writer took the command within "
                                + FORWARDED_EXPIRE_SECONDS + " s; it will not be applied"));
            }
            return expired;
        });
    }

    /** Answers the client waiting for {@code outcome}, or keeps it for the next round if the replica is behind it. */
    private void answer(Outcome outcome, Replica current, long now) {
        if (outcome.through() > current.lastEvent || OutcomeCodec.storedAs(outcome.outcome()) > current.lastCommand) {
            // The book, or the world, cannot show what the command did yet: the next round.
            told.put(outcome.id(), new Told(outcome, now));
            return;
        }
        Waiting<?> waiting = forwarded.remove(outcome.id());
        if (waiting != null) {
            try {
                waiting.complete(OutcomeCodec.read(waiting.command(), outcome.outcome()));
                answered(waiting.command().kind(), waiting.handedIn());
            } catch (Unavailable refused) {
                waiting.outcome().completeExceptionally(refused);
            }
        }
    }

    private void answered(String kind, long handedIn) {
        activity.answered(kind, Duration.ofNanos(System.nanoTime() - handedIn));
    }

    /**
     * The lease is this node's: claims the next epoch (after which the last writer stores nothing),
     * reads the log to its end, fires the timers that fell due meanwhile, and writes. A failure
     * gives the lease back.
     */
    private void takeOver() {
        long began = System.nanoTime();
        try {
            epoch = log.claimEpoch(name);
            shownEpoch = epoch;
            if (!leaseIsOurs()) {
                stepDown("the lease was lost while taking over", new IllegalStateException("no lease"));
                return;
            }
            role = Role.WRITER;
            long late;
            if (log.requestCount() == 0 && log.lastEventSeq() > 0) {
                // A log stored before the request index (V2): the replay that indexes it.
                replay();
                late = 0;
            } else {
                replica.follow();
                stampNoEarlierThanTheLastEvent();
                late = fireLateTimers();
            }
            collectOutcomes(true);
            inboxWaiting = true;
            LOG.info(
                    "node {} writes from epoch {} ({} ms to take over; {} events of timers that fell due stored)",
                    name,
                    epoch,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began),
                    late);
        } catch (RuntimeException e) {
            stepDown("could not take over", e);
        }
    }

    /**
     * Stops writing (the lease was lost, or another node claimed a later epoch): lets the lease go,
     * fails what waits, and makes the engine again from the store, as a follower.
     */
    private void stepDown(String why, Throwable cause) {
        LOG.warn("node {} stops writing (epoch {}): {}: {}", name, epoch, why, cause.toString());
        role = Role.FOLLOWER;
        dropLease.set(true);
        failWaiting("this node stopped writing; try again");
        rebuildReplica();
    }

    /** Makes the engine and the book again from the store, as a follower, trying each second until the store answers. */
    private void rebuildReplica() {
        while (running) {
            try {
                Replica fresh = new Replica(log, lines, recentClosed);
                fresh.follow();
                replica = fresh;
                world = fresh.engine.world().orElse(null);
                return;
            } catch (RuntimeException again) {
                LOG.error("node {} cannot read the store back yet; trying again in a second", name, again);
                pause();
            }
        }
    }

    private void collectForwardedWhileWriting() {
        try {
            collectOutcomes(true);
        } catch (RuntimeException e) {
            LOG.warn(
                    "node {} cannot read the outcomes of what it forwarded; trying again after the next batch: {}",
                    name,
                    e.toString());
        }
    }

    /** Whether the lease is this node's and stays so: its thread holds the lock, and no one asked to drop it. */
    private boolean leaseIsOurs() {
        return leaseHeld && !dropLease.get();
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            running = false;
        }
    }

    private void writeWhileWriter(List<Pending<?>> batch) {
        while (running && role == Role.WRITER) {
            if (lease != null && !leaseIsOurs()) {
                stepDown("the lease was lost with its connection", new IllegalStateException("no lease"));
                return;
            }
            try {
                take(batch);
            } catch (InterruptedException e) {
                running = false;
                return;
            }
            writeBatch(batch);
            batch.clear();
            if (!forwarded.isEmpty()) {
                // Commands this node forwarded just before it took over: this writer may have
                // answered them before the forwarder registered their ids.
                collectForwardedWhileWriting();
            }
        }
    }

    private void writeBatch(List<Pending<?>> batch) {
        Instant now = stamp();
        Replica current = replica;
        List<StoredCommand> commands = new ArrayList<>(batch.size());
        List<Object> outcomes = new ArrayList<>(batch.size());
        // The seq each command is stored under, 0 when it changed nothing and is not stored.
        long[] storedAs = new long[batch.size()];
        try {
            for (int i = 0; i < batch.size(); i++) {
                Pending<?> pending = batch.get(i);
                // Before each command, as replay does: what an earlier command of the batch set
                // for this very instant (an answer after PT0S) fires before the next command.
                current.engine.advanceTo(now);
                Object outcome = pending.work().apply(current.engine);
                outcomes.add(outcome);
                Command<?> command = pending.command();
                if (command != null && changedAnything(outcome)) {
                    storedAs[i] = current.lastCommand + commands.size() + 1;
                    commands.add(new StoredCommand(storedAs[i], now, command.kind(), CommandCodec.body(command)));
                }
            }
            // And after the last, so what it set for now is stored in this transaction: replay
            // fires it at the same point, before the next command.
            current.engine.advanceTo(now);
            List<TenderEvent> events = current.engine.drainEvents();
            long through = events.isEmpty()
                    ? current.lastEvent
                    : events.get(events.size() - 1).seq();
            List<Outcome> answers = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i).inboxId() >= 0) {
                    answers.add(new Outcome(
                            batch.get(i).inboxId(), OutcomeCodec.write(outcomes.get(i), storedAs[i]), through));
                }
            }
            store(commands, events, answers);
            current.book.apply(events);
            world = current.engine.world().orElse(null);
            answerAll(batch, outcomes);
        } catch (Fenced e) {
            fail(batch, e);
            stepDown("another node writes", e);
        } catch (RuntimeException e) {
            LOG.error("a batch of {} commands failed; making the engine again from the store", batch.size(), e);
            fail(batch, e);
            if (lease == null) {
                rebuild();
            } else {
                // Among several nodes a warm follower takes over sooner than a full replay here.
                stepDown("a batch failed", e);
            }
        }
    }

    private void answerAll(List<Pending<?>> batch, List<Object> outcomes) {
        for (int i = 0; i < batch.size(); i++) {
            Pending<?> pending = batch.get(i);
            pending.complete(outcomes.get(i));
            Waiting<?> waiting = pending.inboxId() < 0 ? null : forwarded.remove(pending.inboxId());
            if (waiting != null) { // forwarded by this node while it followed
                waiting.complete(outcomes.get(i));
            }
            Command<?> command = pending.command();
            if (command != null && pending.inboxId() < 0) {
                answered(command.kind(), pending.handedIn());
            }
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

    /**
     * Waits for a command or the next timer, then takes every command waiting, up to a batch, and
     * those followers forwarded.
     */
    private void take(List<Pending<?>> batch) throws InterruptedException {
        Optional<Instant> timer = replica.engine.nextTimer();
        // At least once a second, to see whether the node is stopping.
        long waitMillis = timer.map(
                        due -> Math.max(0, Duration.between(wall.instant(), due).toMillis() + 1))
                .filter(millis -> millis < 1_000)
                .orElse(1_000L);
        Pending<?> first = lease != null && inboxWaiting ? queue.poll() : queue.poll(waitMillis, TimeUnit.MILLISECONDS);
        if (first != null) {
            batch.add(first);
            queue.drainTo(batch, BATCH - 1);
        }
        if (lease != null) {
            takeForwarded(batch);
        }
    }

    /**
     * Takes the commands followers forwarded since the inbox was last looked into (when notified, and
     * at least each second); once a minute, forgets the answers given long ago. A store that fails
     * here is tried again after the next wait: the engine has not moved.
     */
    private void takeForwarded(List<Pending<?>> batch) {
        try {
            if (System.nanoTime() - lastInboxSweep > TimeUnit.SECONDS.toNanos(5)) {
                lastInboxSweep = System.nanoTime();
                log.expireWaiting(FORWARDED_EXPIRE_SECONDS, OutcomeCodec.EXPIRED);
                log.forgetAnsweredBefore(ANSWERS_KEPT_MINUTES);
            }
            if (inboxWaiting || System.nanoTime() - lastInboxLook > TimeUnit.SECONDS.toNanos(1)) {
                inboxWaiting = false;
                lastInboxLook = System.nanoTime();
                // A share of every batch, however many commands of its own the writer has.
                for (Forwarded command : log.waitingInInbox(Math.max(BATCH - batch.size(), BATCH / 4))) {
                    batch.add(forwarded(command));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("node {} cannot read the inbox; trying again after the next wait: {}", name, e.toString());
            lastInboxLook = 0;
        }
    }

    /** The forwarded command, or, when this version cannot read it, a refusal to answer it with. */
    private static Pending<?> forwarded(Forwarded forwarded) {
        Command<?> command;
        try {
            command = CommandCodec.read(forwarded.kind(), forwarded.body());
        } catch (RuntimeException e) {
            OutcomeCodec.Refusal refusal = new OutcomeCodec.Refusal(
                    "the writer cannot read this " + forwarded.kind() + " command: " + e.getMessage());
            return new Pending<>(null, engine -> refusal, new CompletableFuture<>(), System.nanoTime(), forwarded.id());
        }
        return pending(command, forwarded.id());
    }

    private static <R> Pending<R> pending(Command<R> command, long inboxId) {
        return new Pending<>(command, command::applyTo, new CompletableFuture<>(), System.nanoTime(), inboxId);
    }

    /** The wall clock to the millisecond (the log keeps microseconds; a millisecond reads better), never before the last stamp. */
    private Instant stamp() {
        Replica current = replica;
        Instant now = Instant.ofEpochMilli(wall.millis());
        if (now.isBefore(current.lastStamp)) {
            now = current.lastStamp;
        }
        current.lastStamp = now;
        return now;
    }

    /** Stores commands and events, with the rows of the requests they change as the book sees them, and the outcomes of forwarded commands. */
    private void store(List<StoredCommand> commands, List<TenderEvent> events, List<Outcome> answers) {
        Replica current = replica;
        List<StoredEvent> rows = new ArrayList<>(events.size());
        // The store refuses seqs that do not follow the stored ones, so a gap cannot be written.
        for (TenderEvent event : events) {
            rows.add(
                    new StoredEvent(event.seq(), event.at(), event.request().value(), event.type(), lines.line(event)));
        }
        Batch batch = new Batch(commands, rows, current.book.rows(events), answers);
        if (batch.commands().isEmpty() && batch.events().isEmpty() && answers.isEmpty()) {
            return;
        }
        log.append(epoch, batch);
        activity.stored(commands.stream().map(StoredCommand::kind).toList(), events);
        current.lastCommand += commands.size();
        if (!events.isEmpty()) {
            current.lastEvent = events.get(events.size() - 1).seq();
        }
    }

    /** A batch that could not be applied or stored: no one hears it succeeded. */
    private void fail(List<Pending<?>> batch, RuntimeException cause) {
        for (Pending<?> pending : batch) {
            pending.outcome()
                    .completeExceptionally(new Unavailable("the command was not stored: " + cause.getMessage(), cause));
        }
    }

    /** The engine, which may have moved on without the store, is made again from what the store holds. */
    private void rebuild() {
        while (running) {
            if (lease != null && !leaseHeld) {
                stepDown("the lease was lost with its connection", new IllegalStateException("no lease"));
                return;
            }
            try {
                replay();
                return;
            } catch (Fenced e) {
                stepDown("another node writes", e);
                return;
            } catch (RuntimeException again) {
                LOG.error("the store cannot be read back yet; retrying in a second", again);
                pause();
            }
        }
    }

    // -- the lease's thread

    /**
     * Keeps the lease's connection: listens for the log's notifications and wakes the engine's
     * thread; while following, tries for the lock every takeover interval; when the connection
     * fails, the lock is gone with it, and the engine's thread stops writing.
     */
    private void keepLease() {
        Lease held = Objects.requireNonNull(lease, "lease");
        long nextTry = System.nanoTime();
        while (running) {
            try {
                if (dropLease.getAndSet(false)) {
                    held.drop();
                    leaseHeld = false;
                    nextTry = System.nanoTime() + takeover.toNanos();
                } else if (!leaseHeld && role == Role.FOLLOWER && System.nanoTime() - nextTry >= 0) {
                    nextTry = System.nanoTime() + takeover.toNanos();
                    if (held.tryAcquire()) {
                        leaseHeld = true;
                        queue.offer(WAKE);
                    }
                }
                // The writer wakes for what followers forward, a follower for what the writer stored.
                boolean writing = role == Role.WRITER;
                boolean news = false;
                for (Notice notice : held.await(LISTEN_MILLIS)) {
                    if (notice.channel().equals(CommandLog.INBOX_CHANNEL) == writing) {
                        news = true;
                        if (writing) {
                            inboxWaiting = true;
                        } else {
                            hear(notice);
                        }
                    }
                }
                if (news && queue.isEmpty()) {
                    queue.offer(WAKE);
                }
            } catch (SQLException | RuntimeException e) {
                if (leaseHeld) {
                    LOG.warn("node {} lost the lease with its connection: {}", name, e.toString());
                }
                leaseHeld = false;
                held.drop();
                queue.offer(WAKE);
                nextTry = System.nanoTime() + takeover.toNanos();
                pauseBriefly();
            }
        }
        held.drop();
    }

    /**
     * Keeps the outcomes the writer told, for the engine's thread to answer with; once a second,
     * forgets those told more than five seconds ago (other followers' commands, and any the engine's
     * thread has not come for: it finds them in the inbox).
     */
    private void hear(Notice notice) {
        long now = System.nanoTime();
        try {
            notice.outcomes().forEach(outcome -> told.put(outcome.id(), new Told(outcome, now)));
        } catch (RuntimeException e) {
            LOG.warn("node {} cannot read a notification of the writer: {}", name, e.toString());
        }
        if (now - lastToldForgotten > TimeUnit.SECONDS.toNanos(1)) {
            lastToldForgotten = now;
            told.values().removeIf(heard -> now - heard.heard() > TimeUnit.SECONDS.toNanos(5));
        }
    }

    private void pauseBriefly() {
        try {
            Thread.sleep(Math.min(1_000, takeover.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops taking commands, lets the writer finish its batch, and waits for it. */
    @Override
    public void close() {
        // No interrupt: H2 closes its files when a thread is interrupted inside them. The writer
        // looks at the flag at least once a second.
        running = false;
        try {
            engineThread.join(10_000);
            if (lease != null) {
                // The store closes the lease after this: its thread must be done with it.
                leaseThread.join(5_000);
                forwarder.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A command handed in while the writer was leaving.
        failWaiting("the node stopped");
    }
}
