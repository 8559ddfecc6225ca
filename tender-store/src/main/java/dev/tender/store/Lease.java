package dev.tender.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The writer's turn on PostgreSQL: a session-level advisory lock on a connection of the lease's own,
 * outside the pool. The lock lives as long as the connection: a node killed, or cut off from the
 * database, frees it without a timeout of ours. The same connection listens on the log's channels,
 * so a dead connection is seen at the next wait. One thread uses a lease; a failure of its
 * connection is an {@link SQLException}, after which {@link #drop()} and a later call connect again.
 */
public final class Lease implements AutoCloseable {

    /** "tender" in ASCII: the advisory lock key of the writer, one per database. */
    private static final long KEY = 0x74656e646572L;

    private final String url;
    private final Properties properties = new Properties();
    private @Nullable Connection connection;
    private boolean held;

    Lease(String url, @Nullable String user, @Nullable String password, String node) {
        this.url = url;
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", node);
        // A network that goes silent ends the lease on both sides within seconds: here, a read
        // waits at most ten seconds; at the server, keepalives give up on this session after about
        // eleven, and its lock goes with it.
        properties.setProperty("socketTimeout", "10");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty(
                "options", "-c tcp_keepalives_idle=5 -c tcp_keepalives_interval=2 -c tcp_keepalives_count=3");
    }

    /** Tries for the lock once, without waiting. */
    public boolean tryAcquire() throws SQLException {
        if (!held) {
            try (Statement statement = connected().createStatement();
                    ResultSet row = statement.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")")) {
                held = row.next() && row.getBoolean(1);
            }
        }
        return held;
    }

    /** Whether this lease holds the lock, as far as it knows: its connection may have died since it last looked. */
    public boolean held() {
        return held;
    }

    /**
     * Waits up to {@code millis} for notifications on the log's channels and returns them. Throws
     * when the connection is lost, and with it the lock.
     */
    public List<Notice> await(int millis) throws SQLException {
        PGConnection listening = connected().unwrap(PGConnection.class);
        PGNotification[] notifications = listening.getNotifications(millis);
        // The driver only reads the socket when asked; a query makes a dead connection fail now.
        if (notifications == null || notifications.length == 0) {
            try (Statement statement = connected().createStatement()) {
                statement.execute("SELECT 1");
            }
            return List.of();
        }
        List<Notice> notices = new ArrayList<>(notifications.length);
        for (PGNotification notification : notifications) {
            notices.add(new Notice(notification.getName(), notification.getParameter()));
        }
        return notices;
    }

    private Connection connected() throws SQLException {
        Connection open = connection;
        if (open == null) {
            open = DriverManager.getConnection(url, properties);
            try (Statement statement = open.createStatement()) {
                statement.execute("LISTEN " + CommandLog.LOG_CHANNEL);
                statement.execute("LISTEN " + CommandLog.INBOX_CHANNEL);
            } catch (SQLException e) {
                open.close();
                throw e;
            }
            connection = open;
        }
        return open;
    }

    /** Closes the connection, and with it the lock; the next call connects again. */
    public void drop() {
        held = false;
        Connection open = connection;
        connection = null;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                // Closing a connection that failed: nothing is left to release on our side.
            }
        }
    }

    @Override
    public void close() {
        drop();
    }
}
