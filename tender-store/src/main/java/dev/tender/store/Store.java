package dev.tender.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * The live node's durable state: a pool of connections to H2 or PostgreSQL, its schema kept by
 * Flyway (the SQL in {@code db/migration}, one set for both), and the {@link CommandLog} and
 * {@link Tokens} over it. Safe to use from many threads; close it once, after the last use.
 */
public final class Store implements AutoCloseable {

    private final HikariDataSource pool;
    private final String product;
    private final CommandLog commands;
    private final Tokens tokens;
    private final @Nullable Lease lease;

    private Store(HikariDataSource pool, String product, @Nullable Lease lease) {
        this.pool = pool;
        this.product = product;
        this.lease = lease;
        Jdbi jdbi = Jdbi.create(pool);
        this.commands = new CommandLog(jdbi, lease != null);
        this.tokens = new Tokens(jdbi);
    }

    /**
     * The embedded default: an H2 database in the files {@code tender.*} under {@code dataDir},
     * which H2 creates, with its folders, if missing.
     *
     * <ul>
     *   <li>{@code WRITE_DELAY=0}: H2 writes each commit to its file before the commit returns, so a
     *       commit survives the process dying. H2's default, 500 ms, leaves the last half second of
     *       commits in memory. H2 does not force the file to the disk (no fsync), so an operating
     *       system crash or a power cut may still lose the last commits.
     *   <li>{@code DB_CLOSE_ON_EXIT=FALSE}: the node closes the store itself after its last write;
     *       H2's own shutdown hook could close the database under a writer that is still finishing.
     *   <li>{@code TRACE_LEVEL_FILE=4}: H2 tells its errors through SLF4J, as Flyway and the pool
     *       do, instead of into a {@code tender.trace.db} beside the data (or onto standard error
     *       when it cannot write that file).
     * </ul>
     *
     * One process at a time opens the files (H2's {@code AUTO_SERVER} would share them, but not
     * with {@code DB_CLOSE_ON_EXIT=FALSE}), so tokens for a node on H2 are made while it is stopped.
     *
     * <p>H2 runs in its own mode: the schema and the statements keep to what H2 and PostgreSQL both read.
     */
    public static String defaultUrl(Path dataDir) {
        String base = dataDir.toAbsolutePath().normalize().resolve("tender").toString();
        if (base.contains(";")) {
            throw new IllegalArgumentException("H2 cannot have ';' in the path of its files: " + base);
        }
        return "jdbc:h2:file:" + base + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=4";
    }

    /** {@link #open(String, String, String)} with the user and password in the URL, if any. */
    public static Store open(String url) {
        return open(url, null, null);
    }

    /** {@link #open(String, String, String, String)} for a node with no name of its own. */
    public static Store open(String url, @Nullable String user, @Nullable String password) {
        return open(url, user, password, "tender");
    }

    /**
     * Opens a pool on {@code url} ({@code jdbc:h2:...} or {@code jdbc:postgresql://...}), migrates
     * the schema to this version's, and returns the store.
     *
     * @throws StoreUnavailable when the URL names another database, the database cannot be reached,
     *     or the schema cannot be migrated
     */
    public static Store open(String url, @Nullable String user, @Nullable String password, String node) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(node, "node");
        boolean postgres = url.startsWith("jdbc:postgresql:");
        if (!postgres && !url.startsWith("jdbc:h2:")) {
            throw new StoreUnavailable(
                    url, "the URL names neither H2 (jdbc:h2:...) nor PostgreSQL (jdbc:postgresql://...)");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("tender-store");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        if (postgres) {
            // The driver then sends a batch of inserts as a few multi-row INSERTs, not one per row.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            // pg_stat_activity names the node each connection belongs to.
            config.addDataSourceProperty("ApplicationName", node);
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            if (openElsewhere(e)) {
                throw new StoreUnavailable(
                        url,
                        "another process has this H2 store open, and H2 is one node's alone: stop the other node,"
                                + " or run several nodes on one PostgreSQL (--db jdbc:postgresql://...)");
            }
            throw new StoreUnavailable(url, password, e);
        }
        try {
            // Flyway would fall back to java.util.logging, which prints to standard error, when
            // SLF4J has no binding; told to use SLF4J, it says what it does where the node logs.
            Flyway.configure()
                    .loggers("slf4j")
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            return new Store(pool, productOf(pool), postgres ? new Lease(url, user, password, node) : null);
        } catch (RuntimeException | SQLException e) {
            pool.close();
            throw new StoreUnavailable(url, password, e);
        }
    }

    /** H2's DATABASE_ALREADY_OPEN: another process holds the files' lock. */
    private static boolean openElsewhere(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == 90020) {
                return true;
            }
        }
        return false;
    }

    private static String productOf(HikariDataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        }
    }

    /** {@code "H2"} or {@code "PostgreSQL"}, as the driver names its database. */
    public String product() {
        return product;
    }

    public CommandLog commands() {
        return commands;
    }

    public Tokens tokens() {
        return tokens;
    }

    /**
     * The writer's lease on PostgreSQL, where several nodes may share the store; none on H2, which
     * one process at a time opens.
     */
    public Optional<Lease> lease() {
        return Optional.ofNullable(lease);
    }

    /** Closes the pool; on H2 the database closes with its last connection. */
    @Override
    public void close() {
        if (lease != null) {
            lease.close();
        }
        pool.close();
    }
}
