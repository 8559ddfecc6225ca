package dev.tender.event;

/** Where the engine's decisions go: a file, a database, a summary, a test's list. */
@FunctionalInterface
public interface EventSink {

    void accept(TenderEvent event);

    /** Both sinks, in order. */
    default EventSink andThen(EventSink next) {
        return event -> {
            accept(event);
            next.accept(event);
        };
    }
}
