package dev.tender.event;

/** Where the engine's decisions go: a file, a database, a summary, a test's list. */
@FunctionalInterface
public interface EventSink {

    void accept(TenderEvent event);

    /** A sink with a method for each kind of event: the one place that tells the kinds apart. */
    interface ByKind extends EventSink {
        void submitted(TenderEvent.Submitted event);

        void routed(TenderEvent.Routed event);

        void offered(TenderEvent.Offered event);

        void responded(TenderEvent.Responded event);

        void awarded(TenderEvent.Awarded event);

        void closed(TenderEvent.Closed event);

        @Override
        default void accept(TenderEvent event) {
            if (event instanceof TenderEvent.Submitted s) {
                submitted(s);
            } else if (event instanceof TenderEvent.Routed r) {
                routed(r);
            } else if (event instanceof TenderEvent.Offered o) {
                offered(o);
            } else if (event instanceof TenderEvent.Responded r) {
                responded(r);
            } else if (event instanceof TenderEvent.Awarded a) {
                awarded(a);
            } else if (event instanceof TenderEvent.Closed c) {
                closed(c);
            }
        }
    }

    /** Both sinks, in order. */
    default EventSink andThen(EventSink next) {
        return event -> {
            accept(event);
            next.accept(event);
        };
    }
}
