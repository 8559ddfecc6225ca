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

/**
 * The node's metrics for Prometheus: commands and events stored, awards and lapses, the writer's
 * queue, and how long a command takes from the API handing it in to its outcome being stored.
 */
public final class NodeMetrics implements Activity {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public NodeMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
    }

    /** Watches the writer's queue of {@code node}; once, after the node started. */
    public void watch(Node node) {
        Gauge.builder("tender.queue.depth", node, Node::queueDepth)
                .description("Commands waiting for the writer")
                .register(registry);
    }

    @Override
    public void stored(List<String> commandKinds, List<TenderEvent> events) {
        for (String kind : commandKinds) {
            Counter.builder("tender.commands")
                    .tag("kind", kind)
                    .description("Commands stored")
                    .register(registry)
                    .increment();
        }
        for (TenderEvent event : events) {
            Counter.builder("tender.events")
                    .tag("type", event.type())
                    .description("Events stored")
                    .register(registry)
                    .increment();
            if (event instanceof TenderEvent.Awarded award) {
                Counter.builder("tender.awarded.units")
                        .description("Units awarded")
                        .register(registry)
                        .increment(award.units());
            } else if (event instanceof TenderEvent.Responded responded
                    && responded.outcome() == ResponseOutcome.LAPSED) {
                Counter.builder("tender.lapses")
                        .description("Offers that lapsed at their deadline")
                        .register(registry)
                        .increment();
            }
        }
    }

    @Override
    public void answered(String kind, Duration latency) {
        Timer.builder("tender.command.latency")
                .tag("kind", kind)
                .description("From a command handed in to its outcome stored")
                .publishPercentileHistogram()
                .register(registry)
                .record(latency);
    }

    /** The metrics in Prometheus's text format. */
    public String scrape() {
        return registry.scrape();
    }
}
