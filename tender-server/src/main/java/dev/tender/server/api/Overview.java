package dev.tender.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tender.capacity.Pool;
import dev.tender.capacity.TimeGrid;
import dev.tender.money.Money;
import dev.tender.provider.Provider;
import dev.tender.server.node.CommitmentProgress;
import dev.tender.server.node.LiveEngine;
import dev.tender.server.node.LiveWorld;
import dev.tender.server.node.PoolCapacity;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the dashboard's overview shows, read from the engine in one go: capacity per provider over
 * the horizon, the clauses, and the commitments with what was spent toward them.
 */
final class Overview {

    /** Points on the capacity chart: about one a fortnight over a four-year horizon. */
    static final int SAMPLES = 100;

    private Overview() {}

    /**
     * Runs on the engine's thread: the ledger and the burn-down are the engine's alone, and the
     * world is taken there too, so the clauses and the commitments come from one version of it.
     */
    static ObjectNode read(LiveEngine engine, Instant now) {
        LiveWorld world = engine.world().orElseThrow(() -> new IllegalStateException("the API checks for a world"));
        ObjectNode body = Views.JSON.createObjectNode();
        body.put("at", now.toString());
        body.put("world", world.name());
        body.set("capacity", capacity(engine, world, now));
        ArrayNode agreements = body.putArray("agreements");
        world.world().agreements().all().forEach(agreement -> agreements.add(WorldViews.agreement(agreement, now)));
        ArrayNode commitments = body.putArray("commitments");
        engine.commitments().forEach(progress -> commitments.add(commitment(progress)));
        body.set("catalog", catalog(world));
        return body;
    }

    /**
     * Units online, held and awarded per provider at evenly spaced instants to the end of the grid,
     * summed over the provider's pools.
     */
    private static ObjectNode capacity(LiveEngine engine, LiveWorld world, Instant now) {
        TimeGrid grid = world.grid();
        // From the start of the bucket holding now, so the samples move only when a bucket passes
        // (and the page redraws its charts only when a figure changed); past the horizon, its last.
        long bucket = Math.max(0, Math.min(grid.floor(now), grid.buckets() - 1));
        Instant first = grid.startOf(bucket);
        Duration step = Duration.between(first, grid.end()).dividedBy(SAMPLES);
        Map<String, long[][]> byProvider = new LinkedHashMap<>();
        world.world()
                .providers()
                .forEach(provider -> byProvider.put(provider.id().value(), new long[3][SAMPLES]));
        ObjectNode capacity = Views.JSON.createObjectNode();
        ArrayNode times = capacity.putArray("times");
        for (int i = 0; i < SAMPLES; i++) {
            Instant at = first.plus(step.multipliedBy(i));
            times.add(at.toString());
            for (PoolCapacity pool : engine.capacity(at, p -> true)) {
                long[][] series =
                        byProvider.computeIfAbsent(pool.pool().provider().value(), provider -> new long[3][SAMPLES]);
                series[0][i] += pool.online();
                series[1][i] += pool.held();
                series[2][i] += pool.awarded();
            }
        }
        ArrayNode providers = capacity.putArray("providers");
        byProvider.forEach((provider, series) -> {
            ObjectNode one = providers.addObject().put("provider", provider);
            String[] names = {"online", "held", "awarded"};
            for (int s = 0; s < names.length; s++) {
                ArrayNode values = one.putArray(names[s]);
                for (long value : series[s]) {
                    values.add(value);
                }
            }
        });
        return capacity;
    }

    private static ObjectNode commitment(CommitmentProgress progress) {
        Money amount = progress.commitment().amount();
        Money rest = amount.minus(progress.spent());
        ObjectNode node = Views.JSON.createObjectNode();
        node.put("agreement", progress.commitment().id().value());
        node.put("provider", progress.commitment().provider().value());
        node.put("amount", Views.dollars(amount));
        node.put("spent", Views.dollars(progress.spent()));
        node.put("shortfall", Views.dollars(rest.isPositive() ? rest : Money.ZERO));
        node.put("from", progress.commitment().from().toString());
        node.put("until", Views.instant(progress.commitment().until()));
        node.put("metAt", Views.instant(progress.metAt()));
        ArrayNode history = node.putArray("history");
        progress.history()
                .forEach(day ->
                        history.addObject().put("day", day.day().toString()).put("spent", Views.dollars(day.spent())));
        return node;
    }

    /** The names a submission may use, for the form's choices. */
    private static ObjectNode catalog(LiveWorld world) {
        ObjectNode catalog = Views.JSON.createObjectNode();
        sorted(catalog.putArray("workloads"), world.world().workloads().stream());
        sorted(catalog.putArray("accelerators"), world.world().accelerators().keySet().stream());
        sorted(catalog.putArray("regions"), world.world().pools().stream().map(Pool::region));
        sorted(catalog.putArray("providers"), world.world().providers().stream().map(Provider::id));
        catalog.put("horizon", world.grid().end().toString());
        return catalog;
    }

    private static void sorted(ArrayNode array, Stream<?> values) {
        values.map(Object::toString).distinct().sorted().forEach(array::add);
    }
}
