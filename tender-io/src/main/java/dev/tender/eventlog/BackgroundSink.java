package dev.tender.eventlog;

import dev.tender.event.EventSink;
import dev.tender.event.TenderEvent;
import dev.tender.pipe.BatchPipe;
import java.util.List;

/**
 * Passes events to another sink on a thread of its own, in order, a batch at a time, so that
 * writing the log or keeping the summary runs beside the engine instead of after each of its
 * steps. {@link #close()} waits until every event has been passed on and reports any failure of
 * the other sink; so does the next hand-off after a failure.
 */
public final class BackgroundSink implements EventSink, AutoCloseable {

    private final EventSink downstream;
    private final BatchPipe<TenderEvent> pipe = new BatchPipe<>(4096, 32);
    private final Thread worker;

    /** Starts the thread, named {@code threadName} for thread dumps and profiles. */
    public BackgroundSink(String threadName, EventSink downstream) {
        this.downstream = downstream;
        this.worker = new Thread(this::passOn, threadName);
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void accept(TenderEvent event) {
        try {
            pipe.put(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing on events", e);
        }
    }

    private void passOn() {
        try {
            for (List<TenderEvent> batch = pipe.next(); !batch.isEmpty(); batch = pipe.next()) {
                if (pipe.downstreamFailure() == null) {
                    try {
                        batch.forEach(downstream::accept);
                    } catch (RuntimeException e) {
                        pipe.failDownstream(e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Passes on what is left and waits for it; throws what the other sink threw, if anything. */
    @Override
    public void close() {
        try {
            pipe.finish();
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the events to be written", e);
        }
        RuntimeException failed = pipe.downstreamFailure();
        if (failed != null) {
            throw failed;
        }
    }
}
