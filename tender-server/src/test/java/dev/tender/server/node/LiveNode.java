package dev.tender.server.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.WorkloadClass;
import dev.tender.demand.TenantId;
import dev.tender.provider.ProviderId;
import dev.tender.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A node on a store, with the test world loaded and a clock the test moves. */
public final class LiveNode {

    /** 2026-06-01, a Monday, mid-morning. */
    public static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");

    private LiveNode() {}

    public static String worldText() {
        try (InputStream in = LiveNode.class.getResourceAsStream("/live-world.yaml")) {
            if (in == null) {
                throw new IllegalStateException("live-world.yaml is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a node on {@code store} and loads the test world, {@code manual} answering through the API. */
    public static Node loaded(Store store, SettableClock clock, String... manual) {
        return loaded(store, clock, Activity.NONE, manual);
    }

    /** As {@link #loaded(Store, SettableClock, String...)}, telling {@code activity} what the node does. */
    public static Node loaded(Store store, SettableClock clock, Activity activity, String... manual) {
        Node node = Node.start(store.commands(), clock, activity);
        Set<ProviderId> providers =
                Set.copyOf(List.of(manual).stream().map(ProviderId::new).toList());
        Command.WorldEdit load = join(node.execute(WorldFile.load(worldText(), "live-world.yaml", providers)));
        assertThat(load.problems()).isEmpty();
        return node;
    }

    public static Demand demand(String tenant, String workload, int units, Instant start, int hours) {
        return new Demand(
                new TenantId(tenant),
                new WorkloadClass(workload),
                new AcceleratorId("H100"),
                units,
                start,
                hours,
                Duration.ZERO,
                List.of(),
                null);
    }

    public static <R> R join(java.util.concurrent.CompletableFuture<R> outcome) {
        try {
            return outcome.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the node did not answer: " + e, e);
        }
    }

    /** Waits up to five seconds for what the writer does on its own (a timer). */
    public static void eventually(BooleanSupplier condition) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("the node did not get there in 5 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
