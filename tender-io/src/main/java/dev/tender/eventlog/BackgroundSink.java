package dev.tender.eventlog;

import dev.tender.event.EventSink;
import dev.tender.event.TenderEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Passes events to another sink on a thread of its own, in order, a batch at a time, so that
 * writing the log (and keeping the summary) runs on the second core while the engine runs on the
 * first. {@link #close()} waits until every event has been passed on and reports any failure of
 * the other sink; so does the next event after a failure.
 */
public final class BackgroundSink implements EventSink, AutoCloseable {

    private static final int BATCH = 4096;
    private static final List<TenderEvent> END = List.of();

    private final EventSink downstream;
    private final BlockingQueue<List<TenderEvent>> batches = new ArrayBlockingQueue<>(32);
    private final Thread worker;
    private volatile RuntimeException failure;
    private List<TenderEvent> batch = new ArrayList<>(BATCH);

    public BackgroundSink(EventSink downstream) {
        this.downstream = downstream;
        this.worker = new Thread(this::passOn, "tender-events");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void accept(TenderEvent event) {
        batch.add(event);
        if (batch.size() == BATCH) {
            hand(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    private void hand(List<TenderEvent> events) {
        if (failure != null) {
            throw failure;
        }
        try {
            batches.put(events);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing on events", e);
        }
    }

    private void passOn() {
        while (true) {
            List<TenderEvent> events;
            try {
                events = batches.take();
            } catch (InterruptedException e) {
                return;
            }
            if (events == END) {
                return;
            }
            if (failure == null) {
                try {
                    events.forEach(downstream::accept);
                } catch (RuntimeException e) {
                    // Keep taking batches so the engine is never stuck; it sees the failure at its next hand-off.
                    failure = e;
                }
            }
        }
    }

    /** Passes on what is left and waits for it; throws what the other sink threw, if anything. */
    @Override
    public void close() {
        hand(batch);
        batch = new ArrayList<>();
        hand(END);
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the events to be written", e);
        }
        if (failure != null) {
            throw failure;
        }
    }
}
