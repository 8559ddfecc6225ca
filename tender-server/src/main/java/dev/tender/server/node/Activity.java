package dev.tender.server.node;

import dev.tender.event.TenderEvent;
import java.time.Duration;
import java.util.List;

/** What a node tells as it works, for its metrics: the port a metrics registry plugs into. */
public interface Activity {

    /** One transaction stored: the commands (by kind) and the events they yielded. */
    void stored(List<String> commandKinds, List<TenderEvent> events);

    /** A command's outcome was handed back, {@code latency} after it was handed in. */
    void answered(String kind, Duration latency);

    Activity NONE = new Activity() {
        @Override
        public void stored(List<String> commandKinds, List<TenderEvent> events) {}

        @Override
        public void answered(String kind, Duration latency) {}
    };
}
