package dev.tender.server.api;

import dev.tender.event.ResponseOutcome;
import dev.tender.event.TenderEvent;
import dev.tender.server.node.Activity;
import dev.tender.server.node.Node;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The node's metrics for Prometheus: commands and events stored, awards and lapses, the writer's
 * queue, and how long a command takes from the API handing it in to its outcome being stored.
 */
public final class NodeMetrics implements Activity {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // The meters by their tag, made once: the writer counts every event, and a registry look-up
    // each time costs more than the count.
    private final Map<String, Counter> commands = new ConcurrentHashMap<>();
    private final Map<String, Counter> events = new ConcurrentHashMap<>();
    private final Map<String, Timer> latencies = new ConcurrentHashMap<>();
    private final Counter awardedUnits;
    private final Counter lapses;

    public NodeMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        awardedUnits = Counter.builder("tender.awarded.units")
                .description("Units awarded")
                .register(registry);
        lapses = Counter.builder("tender.lapses")
                .description("Offers that lapsed at their deadline")
                .register(registry);
    }

    /** Watches the writer's queue of {@code node}; once, after the node started. */
    public void watch(Node node) {
        Gauge.builder("tender.queue.depth", node, Node::queueDepth)
                .description("Commands waiting for the writer")
                .register(registry);
    }

    @Override
    public void stored(List<String> commandKinds, List<TenderEvent> stored) {
        for (String kind : commandKinds) {
            commands.computeIfAbsent(kind, k -> Counter.builder("tender.commands")
                            .tag("kind", k)
                            .description("Commands stored")
                            .register(registry))
                    .increment();
        }
        for (TenderEvent event : stored) {
            events.computeIfAbsent(event.type(), type -> Counter.builder("tender.events")
                            .tag("type", type)
                            .description("Events stored")
                            .register(registry))
                    .increment();
            if (event instanceof TenderEvent.Awarded award) {
                awardedUnits.increment(award.units());
            } else if (event instanceof TenderEvent.Responded responded
                    && responded.outcome() == ResponseOutcome.LAPSED) {
                lapses.increment();
            }
        }
    }

    @Override
    public void answered(String kind, Duration latency) {
        latencies
                .computeIfAbsent(kind, k -> Timer.builder("tender.command.latency")
                        .tag("kind", k)
                        .description("From a command handed in to its outcome stored")
                        .publishPercentileHistogram()
                        .register(registry))
                .record(latency);
    }

    /** The metrics in Prometheus's text format. */
    public String scrape() {
        return registry.scrape();
    }
}
