package dev.tender.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The baseline of {@code bench/serve} (docs/benchmarks.md, "Live node"): what a database does
 * with plain JDBC when every row is its own commit. Threads, each with a connection of its own
 * and autocommit on, insert single rows into a scratch table back to back, for a warm-up and then
 * a measured duration; prints inserts per second (every insert a commit) and the latency of one.
 *
 * <p>The row is about the size of a small command: a key, an instant and a text of 200
 * characters. Each thread counts its keys from its own range, so the threads share no sequence.
 *
 * <p>Prints what it measured, then one line {@code RESULT key=value ...} for the script.
 */
public final class InsertBaseline {

    private static final List<String> OPTIONS = List.of("url", "threads", "warmup", "seconds");
    private static final String TABLE = "bench_insert_baseline";
    private static final String PAYLOAD = "x".repeat(200);

    private InsertBaseline() {}

    public static void main(String[] args) throws Exception {
        Flags flags;
        String url;
        try {
            flags = Flags.parse(args, OPTIONS);
            url = flags.text("url");
        } catch (IllegalArgumentException e) {
            System.err.println("InsertBaseline: " + e.getMessage());
            System.err.println("usage: InsertBaseline --url jdbc:postgresql://HOST:PORT/DB?user=U [--threads 32]"
                    + " [--warmup SECONDS (2)] [--seconds SECONDS (10)]");
            System.exit(2);
            return;
        }
        int threads = (int) flags.whole("threads", 32);
        Duration warmUp = Duration.ofSeconds(flags.whole("warmup", 2));
        Duration measured = Duration.ofSeconds(flags.whole("seconds", 10));

        try (Connection setup = DriverManager.getConnection(url);
                Statement statement = setup.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute("CREATE TABLE " + TABLE
                    + " (id BIGINT PRIMARY KEY, at TIMESTAMP WITH TIME ZONE NOT NULL, body TEXT NOT NULL)");
        }

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            long[] window = new long[2];
            List<Future<Counted>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long first = (t + 1L) * 1_000_000_000L;
                futures.add(pool.submit(() -> insert(url, first, start, window)));
            }
            Thread.sleep(200); // every thread connected and at the gate
            long began = System.nanoTime();
            window[0] = began + warmUp.toNanos();
            window[1] = window[0] + measured.toNanos();
            start.countDown();
            long inserts = 0;
            List<Latencies> parts = new ArrayList<>();
            for (Future<Counted> future : futures) {
                Counted counted = future.get();
                inserts += counted.inserts();
                parts.add(counted.latencies());
            }
            Latencies latencies = Latencies.merged(parts);
            double seconds = measured.toNanos() / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "insert baseline: %d threads, one row per commit, %,d inserts in %.1f s after %d s of warm-up:"
                            + " %,.0f inserts/s; latency p50 %.2f ms, p99 %.2f ms%n",
                    threads,
                    inserts,
                    seconds,
                    warmUp.toSeconds(),
                    inserts / seconds,
                    latencies.millis(0.50),
                    latencies.millis(0.99));
            System.out.printf(
                    Locale.ROOT,
                    "RESULT inserts_per_s=%.1f insert_p50_ms=%.2f insert_p99_ms=%.2f inserts=%d seconds=%.2f%n",
                    inserts / seconds,
                    latencies.millis(0.50),
                    latencies.millis(0.99),
                    inserts,
                    seconds);
        } finally {
            pool.shutdownNow();
        }
    }

    private record Counted(long inserts, Latencies latencies) {}

    /**
     * Inserts rows with keys from {@code first} until {@code window[1]}; counts those whose commit
     * returned inside {@code [window[0], window[1])}. The window is written before the gate opens.
     */
    private static Counted insert(String url, long first, CountDownLatch start, long[] window)
            throws SQLException, InterruptedException {
        try (Connection connection = DriverManager.getConnection(url);
                PreparedStatement insert =
                        connection.prepareStatement("INSERT INTO " + TABLE + " (id, at, body) VALUES (?, ?, ?)")) {
            connection.setAutoCommit(true);
            Latencies latencies = new Latencies();
            long inserts = 0;
            start.await();
            long from = window[0];
            long until = window[1];
            for (long id = first; ; id++) {
                long began = System.nanoTime();
                if (began >= until) {
                    break;
                }
                insert.setLong(1, id);
                insert.setTimestamp(2, new Timestamp(System.currentTimeMillis()));
                insert.setString(3, PAYLOAD);
                insert.executeUpdate();
                long done = System.nanoTime();
                if (began >= from && done < until) {
                    inserts++;
                    latencies.add(done - began);
                }
            }
            return new Counted(inserts, latencies);
        }
    }
}
