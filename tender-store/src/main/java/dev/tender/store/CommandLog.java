package dev.tender.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jspecify.annotations.Nullable;

/**
 * The live node's log: every command, and every event the commands yielded, each in a table of its
 * own keyed by seq, and beside them an index of the requests the events tell of (their tenant and
 * state). Safe to use from many threads, though the node appends from one.
 *
 * <p>An append is one transaction for a group of commands and events (group commit), with one JDBC
 * batch per table, so its cost is a round trip or two per table however many rows it holds. The
 * seqs stay gapless by induction: each list must count up by one (checked before the database is
 * asked), the primary keys refuse a list that overlaps the stored rows, and the greatest stored seq
 * below a list's first must be the one just before it. Any refusal rolls the whole group back.
 *
 * <p>Reading a whole log goes by pages of {@value #PAGE} rows, each the next range of the primary
 * key ({@code seq > last seen ORDER BY seq LIMIT n}, one index range scan): memory holds one page,
 * and no cursor or transaction stays open while the caller works, so the caller may read the store
 * again inside its action. This works the same on both databases, where streaming one result set
 * would not: PostgreSQL fetches in parts only inside a transaction, H2 only in its lazy mode.
 */
public final class CommandLog {

    /** Rows per page when reading a whole log: round trips stay rare, memory small. */
    private static final int PAGE = 1_000;

    private static final String COMMANDS = "SELECT seq, at, kind, body FROM command";
    private static final String EVENTS = "SELECT seq, at, request, type, line FROM event";
    private static final String REQUESTS = "SELECT seq, id, tenant, state FROM request";

    private static final RowMapper<StoredCommand> COMMAND = (row, context) -> new StoredCommand(
            row.getLong("seq"), Columns.instant(row, "at"), row.getString("kind"), row.getString("body"));

    private static final RowMapper<StoredEvent> EVENT = (row, context) -> new StoredEvent(
            row.getLong("seq"),
            Columns.instant(row, "at"),
            row.getString("request"),
            row.getString("type"),
            row.getString("line"));

    private static final RowMapper<StoredRequest> REQUEST = (row, context) ->
            new StoredRequest(row.getLong("seq"), row.getString("id"), row.getString("tenant"), row.getString("state"));

    /** The channel a PostgreSQL writer notifies when it stored a batch. */
    public static final String LOG_CHANNEL = "tender_log";

    /** The channel a PostgreSQL follower notifies when it forwarded a command. */
    public static final String INBOX_CHANNEL = "tender_inbox";

    private final Jdbi jdbi;
    private final boolean notifies;

    CommandLog(Jdbi jdbi, boolean notifies) {
        this.jdbi = jdbi;
        this.notifies = notifies;
    }

    /**
     * Makes {@code node} the writer: adds one to the epoch and returns it. Every batch stored with an
     * earlier epoch from now on is refused ({@link Fenced}); one that holds the row now ends first.
     */
    public long claimEpoch(String node) {
        Columns.varchar(node, "node", 200);
        return jdbi.inTransaction(handle -> {
            handle.createUpdate("UPDATE writer SET epoch = epoch + 1, node = :node WHERE id = 1")
                    .bind("node", node)
                    .execute();
            return handle.createQuery("SELECT epoch FROM writer WHERE id = 1")
                    .mapTo(Long.class)
                    .one();
        });
    }

    /** The current epoch and the node that claimed it ({@code ""} before any). */
    public Writer writer() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT epoch, node FROM writer WHERE id = 1")
                .map((row, context) -> new Writer(row.getLong("epoch"), row.getString("node")))
                .one());
    }

    /** Whose turn it is to write. */
    public record Writer(long epoch, String node) {}

    /** {@link #append(List, List, List)} with no request rows. */
    public void append(List<StoredCommand> commands, List<StoredEvent> events) {
        append(commands, events, List.of());
    }

    /**
     * Stores {@code commands}, {@code events} and {@code requests} in one transaction; all empty is
     * a no-op. The command seqs must continue {@link #lastCommandSeq()} without a gap, the event
     * seqs {@link #lastEventSeq()}. A request whose seq is one of {@code events} is new, and added;
     * any other must be stored already, and gets the state given.
     *
     * @throws IllegalArgumentException when the seqs leave a gap or overlap the stored ones, or a
     *     request is neither new nor stored; nothing is stored
     */
    public void append(List<StoredCommand> commands, List<StoredEvent> events, List<StoredRequest> requests) {
        store(0, false, new Batch(commands, events, requests, List.of()));
    }

    /**
     * As {@link #append(List, List, List)}, for the writer of {@code epoch} (from {@link
     * #claimEpoch}), with the outcomes of forwarded commands; on PostgreSQL the commit notifies
     * {@value #LOG_CHANNEL}.
     *
     * @throws Fenced when a later epoch was claimed; nothing is stored
     */
    public void append(long epoch, Batch batch) {
        store(epoch, true, batch);
    }

    private void store(long epoch, boolean fenced, Batch batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<StoredCommand> newCommands = batch.commands();
        List<StoredEvent> newEvents = batch.events();
        List<StoredRequest> requests = batch.requests();
        requireCountingUp(newCommands, StoredCommand::seq, "command");
        requireCountingUp(newEvents, StoredEvent::seq, "event");
        long firstNew = newEvents.isEmpty() ? Long.MAX_VALUE : newEvents.get(0).seq();
        List<StoredRequest> added =
                requests.stream().filter(r -> r.seq() >= firstNew).toList();
        List<StoredRequest> changed =
                requests.stream().filter(r -> r.seq() < firstNew).toList();
        try {
            jdbi.useTransaction(handle -> {
                // First, so the row stays locked to the commit and a new writer's claim waits for it.
                if (fenced && !holds(handle, epoch)) {
                    throw new Fenced(epoch);
                }
                insertCommands(handle, newCommands, epoch);
                insertEvents(handle, newEvents, epoch);
                insertRequests(handle, added);
                updateRequests(handle, changed);
                if (!newCommands.isEmpty()) {
                    requireFollows(handle, "command", newCommands.get(0).seq());
                }
                if (!newEvents.isEmpty()) {
                    requireFollows(handle, "event", newEvents.get(0).seq());
                }
                answer(handle, batch.outcomes());
                if (notifies) {
                    // The outcomes ride along, so followers need not look for them in the inbox.
                    for (String payload : Outcome.payloads(batch.outcomes())) {
                        handle.createQuery("SELECT pg_notify('" + LOG_CHANNEL + "', :payload)")
                                .bind("payload", payload)
                                .mapTo(String.class)
                                .one();
                    }
                }
            });
        } catch (RuntimeException e) {
            if (!DuplicateKey.causes(e)) {
                throw e;
            }
            throw new IllegalArgumentException(
                    "the seqs overlap the stored ones: commands " + range(newCommands, StoredCommand::seq)
                            + " after " + lastCommandSeq() + ", events " + range(newEvents, StoredEvent::seq)
                            + " after " + lastEventSeq(),
                    e);
        }
    }

    private static boolean holds(Handle handle, long epoch) {
        return handle.createUpdate("UPDATE writer SET epoch = epoch WHERE id = 1 AND epoch = :epoch")
                        .bind("epoch", epoch)
                        .execute()
                == 1;
    }

    private static void answer(Handle handle, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("UPDATE inbox SET outcome = :outcome, through = :through,"
                + " answered = CURRENT_TIMESTAMP WHERE id = :id");
        for (Outcome outcome : outcomes) {
            batch.bind("id", outcome.id())
                    .bind("outcome", outcome.outcome())
                    .bind("through", outcome.through())
                    .add();
        }
        batch.execute();
    }

    private static void insertCommands(Handle handle, List<StoredCommand> commands, long epoch) {
        if (commands.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(
                "INSERT INTO command (seq, at, kind, body, epoch) VALUES (:seq, :at, :kind, :body, :epoch)");
        for (StoredCommand command : commands) {
            batch.bind("epoch", epoch)
                    .bind("seq", command.seq())
                    .bind("at", Columns.bind(command.at()))
                    .bind("kind", command.kind())
                    .bind("body", command.body())
                    .add();
        }
        batch.execute();
    }

    private static void insertEvents(Handle handle, List<StoredEvent> events, long epoch) {
        if (events.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("INSERT INTO event (seq, at, request, type, line, epoch)"
                + " VALUES (:seq, :at, :request, :type, :line, :epoch)");
        for (StoredEvent event : events) {
            batch.bind("epoch", epoch)
                    .bind("seq", event.seq())
                    .bind("at", Columns.bind(event.at()))
                    .bind("request", event.request())
                    .bind("type", event.type())
                    .bind("line", event.line())
                    .add();
        }
        batch.execute();
    }

    private static void insertRequests(Handle handle, List<StoredRequest> requests) {
        if (requests.isEmpty()) {
            return;
        }
        PreparedBatch batch =
                handle.prepareBatch("INSERT INTO request (seq, id, tenant, state) VALUES (:seq, :id, :tenant, :state)");
        for (StoredRequest request : requests) {
            batch.bind("seq", request.seq())
                    .bind("id", request.id())
                    .bind("tenant", request.tenant())
                    .bind("state", request.state())
                    .add();
        }
        batch.execute();
    }

    private static void updateRequests(Handle handle, List<StoredRequest> requests) {
        if (requests.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("UPDATE request SET state = :state WHERE seq = :seq AND id = :id");
        for (StoredRequest request : requests) {
            batch.bind("seq", request.seq())
                    .bind("id", request.id())
                    .bind("state", request.state())
                    .add();
        }
        int[] updated = batch.execute();
        for (int i = 0; i < updated.length; i++) {
            // The driver may answer SUCCESS_NO_INFO (-2) for a batched row; only 0 says none matched.
            if (updated[i] == 0) {
                throw new IllegalArgumentException("request " + requests.get(i).id() + " (seq "
                        + requests.get(i).seq() + ") is neither stored nor among the new events");
            }
        }
    }

    private static <T> void requireCountingUp(List<T> rows, ToLongFunction<T> seq, String what) {
        for (int i = 1; i < rows.size(); i++) {
            long previous = seq.applyAsLong(rows.get(i - 1));
            long next = seq.applyAsLong(rows.get(i));
            if (next != previous + 1) {
                throw new IllegalArgumentException(what + " seqs must count up by one: " + next + " after " + previous);
            }
        }
    }

    /**
     * Refuses a gap between the rows stored before and {@code first}, the first row just inserted:
     * the row before it must be there (the primary key refuses an overlap). A lookup by key, so
     * the cost does not grow with the log.
     */
    private static void requireFollows(Handle handle, String table, long first) {
        if (first == 1) {
            return;
        }
        boolean follows = handle.createQuery("SELECT COUNT(*) FROM " + table + " WHERE seq = :previous")
                        .bind("previous", first - 1)
                        .mapTo(Long.class)
                        .one()
                == 1;
        if (!follows) {
            long before = handle.createQuery("SELECT COALESCE(MAX(seq), 0) FROM " + table + " WHERE seq < :first")
                    .bind("first", first)
                    .mapTo(Long.class)
                    .one();
            throw new IllegalArgumentException(
                    table + " " + first + " does not follow the last stored " + table + ", " + before);
        }
    }

    private static <T> String range(List<T> rows, ToLongFunction<T> seq) {
        if (rows.isEmpty()) {
            return "none";
        }
        return seq.applyAsLong(rows.get(0)) + ".." + seq.applyAsLong(rows.get(rows.size() - 1));
    }

    /** The last command's seq, 0 when there is none. */
    public long lastCommandSeq() {
        return lastSeq("command");
    }

    /** The last event's seq, 0 when there is none. */
    public long lastEventSeq() {
        return lastSeq("event");
    }

    private long lastSeq(String table) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COALESCE(MAX(seq), 0) FROM " + table)
                .mapTo(Long.class)
                .one());
    }

    /** Gives {@code action} every command in seq order, a page at a time. */
    public void forEachCommand(Consumer<StoredCommand> action) {
        forEachCommandAfter(0, action);
    }

    /** Gives {@code action} every command with a seq greater than {@code after}, in seq order, a page at a time. */
    public void forEachCommandAfter(long after, Consumer<StoredCommand> action) {
        forEach(COMMANDS, COMMAND, StoredCommand::seq, after, action);
    }

    /** Gives {@code action} every event in seq order, a page at a time. */
    public void forEachEvent(Consumer<StoredEvent> action) {
        forEach(EVENTS, EVENT, StoredEvent::seq, 0, action);
    }

    private <T> void forEach(String select, RowMapper<T> mapper, ToLongFunction<T> seq, long from, Consumer<T> action) {
        Objects.requireNonNull(action, "action");
        long after = from;
        List<T> page;
        do {
            page = after(select, mapper, after, PAGE);
            page.forEach(action);
            if (!page.isEmpty()) {
                after = seq.applyAsLong(page.get(page.size() - 1));
            }
        } while (page.size() == PAGE);
    }

    /** Up to {@code limit} events with a seq greater than {@code after}, in seq order. */
    public List<StoredEvent> eventsAfter(long after, int limit) {
        return after(EVENTS, EVENT, after, limit);
    }

    private <T> List<T> after(String select, RowMapper<T> mapper, long after, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        return jdbi.withHandle(handle -> handle.createQuery(select + " WHERE seq > :after ORDER BY seq LIMIT :limit")
                .bind("after", after)
                .bind("limit", limit)
                .map(mapper)
                .list());
    }

    /** The request {@code id}, if it is stored. */
    public Optional<StoredRequest> request(String id) {
        Objects.requireNonNull(id, "id");
        return jdbi.withHandle(handle -> handle.createQuery(REQUESTS + " WHERE id = :id")
                .bind("id", id)
                .map(REQUEST)
                .findOne());
    }

    /**
     * Up to {@code limit} requests submitted after the one with seq {@code after}, in submission
     * order, of {@code tenant} and in {@code state} where these are given.
     */
    public List<StoredRequest> requests(@Nullable String tenant, @Nullable String state, long after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        String where = " WHERE seq > :after" + (tenant == null ? "" : " AND tenant = :tenant")
                + (state == null ? "" : " AND state = :state");
        return jdbi.withHandle(handle -> {
            var query = handle.createQuery(REQUESTS + where + " ORDER BY seq LIMIT :limit")
                    .bind("after", after)
                    .bind("limit", limit);
            if (tenant != null) {
                query.bind("tenant", tenant);
            }
            if (state != null) {
                query.bind("state", state);
            }
            return query.map(REQUEST).list();
        });
    }

    /**
     * Adds {@code requests} to the request index in one transaction: for a log stored before the
     * index existed, whose rows the node makes again as it replays.
     */
    public void reindex(Collection<StoredRequest> requests) {
        jdbi.useTransaction(handle -> insertRequests(handle, List.copyOf(requests)));
    }

    /** How many requests are stored. */
    public long requestCount() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM request")
                .mapTo(Long.class)
                .one());
    }

    /** How many requests are in each state, of {@code tenant} where given; a state none is in is absent. */
    public Map<String, Long> requestStates(@Nullable String tenant) {
        String where = tenant == null ? "" : " WHERE tenant = :tenant";
        return jdbi.withHandle(handle -> {
            var query = handle.createQuery("SELECT state, COUNT(*) AS n FROM request" + where + " GROUP BY state");
            if (tenant != null) {
                query.bind("tenant", tenant);
            }
            Map<String, Long> states = new TreeMap<>();
            query.map((row, context) -> Map.entry(row.getString("state"), row.getLong("n")))
                    .forEach(entry -> states.put(entry.getKey(), entry.getValue()));
            return states;
        });
    }

    /** Every event of {@code requests}, in seq order. */
    public List<StoredEvent> eventsOf(Collection<String> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(handle -> handle.createQuery(EVENTS + " WHERE request IN (<requests>) ORDER BY seq")
                .bindList("requests", List.copyOf(requests))
                .map(EVENT)
                .list());
    }

    /** Every event of {@code request}, in seq order. */
    public List<StoredEvent> eventsOf(String request) {
        Objects.requireNonNull(request, "request");
        return jdbi.withHandle(handle -> handle.createQuery(EVENTS + " WHERE request = :request ORDER BY seq")
                .bind("request", request)
                .map(EVENT)
                .list());
    }

    // -- the inbox of forwarded commands

    /** A command a follower hands to the writer, as the log stores it: its kind and body. */
    public record Handed(String kind, String body) {
        public Handed {
            Columns.varchar(kind, "kind", 40);
            Columns.text(body, "body");
        }
    }

    /** {@link #forward(String, List)} of one command; returns its row's id. */
    public long forward(String node, String kind, String body) {
        return forward(node, List.of(new Handed(kind, body))).get(0);
    }

    /**
     * Hands commands to the writer: stores them in the inbox, in one transaction, and, on
     * PostgreSQL, notifies {@value #INBOX_CHANNEL} on commit. Returns the rows' ids in the order of
     * {@code commands}, by which their outcomes are found.
     */
    public List<Long> forward(String node, List<Handed> commands) {
        Columns.varchar(node, "node", 200);
        if (commands.isEmpty()) {
            return List.of();
        }
        return jdbi.inTransaction(handle -> {
            PreparedBatch batch =
                    handle.prepareBatch("INSERT INTO inbox (node, kind, body) VALUES (:node, :kind, :body)");
            for (Handed command : commands) {
                batch.bind("node", node)
                        .bind("kind", command.kind())
                        .bind("body", command.body())
                        .add();
            }
            List<Long> ids = batch.executePreparedBatch("id").mapTo(Long.class).list();
            if (notifies) {
                handle.createQuery("SELECT pg_notify('" + INBOX_CHANNEL + "', '')")
                        .mapTo(String.class)
                        .one();
            }
            return ids;
        });
    }

    /** Up to {@code limit} forwarded commands without an outcome, oldest first. */
    public List<Forwarded> waitingInInbox(int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT id, node, kind, body FROM inbox WHERE answered IS NULL ORDER BY id LIMIT :limit")
                .bind("limit", limit)
                .map((row, context) -> new Forwarded(
                        row.getLong("id"), row.getString("node"), row.getString("kind"), row.getString("body")))
                .list());
    }

    /**
     * Answers, with {@code outcome}, the forwarded commands no writer took within {@code seconds} of
     * their handing in (by the database's clock): they are never applied. Returns how many.
     */
    public int expireWaiting(int seconds, String outcome) {
        Columns.text(outcome, "outcome");
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE inbox SET outcome = :outcome, through = 0,"
                        + " answered = CURRENT_TIMESTAMP WHERE answered IS NULL"
                        + " AND handed < CURRENT_TIMESTAMP - CAST(:seconds AS INTEGER) * INTERVAL '1' SECOND")
                .bind("outcome", outcome)
                .bind("seconds", seconds)
                .execute());
    }

    /** The outcomes written so far for the commands {@code node} forwarded with the ids {@code ids}. */
    public List<Outcome> outcomes(String node, Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        List<Outcome> outcomes = new ArrayList<>();
        // In parts: a statement carries at most 32,767 parameters on PostgreSQL.
        for (int from = 0; from < all.size(); from += PAGE) {
            List<Long> part = all.subList(from, Math.min(all.size(), from + PAGE));
            outcomes.addAll(jdbi.withHandle(handle -> handle.createQuery("SELECT id, outcome, through FROM inbox"
                            + " WHERE node = :node AND id IN (<ids>) AND answered IS NOT NULL")
                    .bind("node", node)
                    .bindList("ids", part)
                    .map((row, context) ->
                            new Outcome(row.getLong("id"), row.getString("outcome"), row.getLong("through")))
                    .list()));
        }
        return outcomes;
    }

    /**
     * Deletes the inbox rows answered more than {@code minutes} minutes ago, by the database's clock:
     * their followers have read them, or given up.
     */
    public void forgetAnsweredBefore(int minutes) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "DELETE FROM inbox WHERE answered < CURRENT_TIMESTAMP - CAST(:minutes AS INTEGER) * INTERVAL '1' MINUTE")
                .bind("minutes", minutes)
                .execute());
    }
}
