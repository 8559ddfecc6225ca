package dev.tender.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A fresh, empty PostgreSQL database for a test class, in the one embedded PostgreSQL server of the
 * JVM: started on first use (a few seconds), stopped when the JVM exits. Other modules' tests reach
 * it through this module's test jar.
 *
 * <p>The server runs as whoever runs the tests. PostgreSQL refuses to run as root; as root, the
 * embedded server starts its programs in a user namespace ({@code unshare -U}), which the machine
 * must allow.
 *
 * @param name the database's name
 * @param url a JDBC URL of the database, as the superuser {@code postgres} (no password)
 */
public record EmbeddedPostgresDatabase(String name, String url) {

    private static final AtomicInteger CREATED = new AtomicInteger();

    private static @Nullable EmbeddedPostgres server;

    /** Creates an empty database, {@code tender_1}, {@code tender_2} and so on. */
    public static EmbeddedPostgresDatabase create() {
        EmbeddedPostgres postgres = server();
        String name = "tender_" + CREATED.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + name, e);
        }
        return new EmbeddedPostgresDatabase(name, postgres.getJdbcUrl("postgres", name));
    }

    private static synchronized EmbeddedPostgres server() {
        EmbeddedPostgres started = server;
        if (started == null) {
            try {
                started =
                        EmbeddedPostgres.builder().setRegisterShutdownHook(true).start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            server = started;
        }
        return started;
    }
}
