package dev.tender.sim;

import dev.tender.demand.TraceRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A {@link DemandStream} drawn on a thread of its own, a few batches ahead of the engine: the same
 * requests in the same order, drawn on the second core while the first decides. A failure to draw
 * reaches the engine when it asks for the request that could not be drawn.
 */
final class DemandAhead implements AutoCloseable {

    private static final int BATCH = 1024;
    private static final List<TraceRequest> END = List.of();

    private final BlockingQueue<List<TraceRequest>> batches = new ArrayBlockingQueue<>(8);
    private final Thread drawer;
    private volatile RuntimeException failure;
    private List<TraceRequest> batch = List.of();
    private int position;
    private boolean ended;

    DemandAhead(DemandStream stream) {
        this.drawer = new Thread(() -> draw(stream), "tender-demand");
        drawer.setDaemon(true);
        drawer.start();
    }

    private void draw(DemandStream stream) {
        try {
            List<TraceRequest> next = new ArrayList<>(BATCH);
            try {
                while (stream.hasNext()) {
                    next.add(stream.next());
                    if (next.size() == BATCH) {
                        batches.put(next);
                        next = new ArrayList<>(BATCH);
                    }
                }
            } catch (RuntimeException e) {
                failure = e;
            }
            if (!next.isEmpty()) {
                batches.put(next);
            }
            batches.put(END);
        } catch (InterruptedException e) {
            // Closed before the demand ran out: nobody is waiting for the rest.
        }
    }

    boolean hasNext() {
        fill();
        return !ended;
    }

    /** When the next request is submitted; only when {@link #hasNext()}. */
    Instant nextAt() {
        fill();
        return batch.get(position).submitted();
    }

    TraceRequest next() {
        fill();
        return batch.get(position++);
    }

    private void fill() {
        if (ended || position < batch.size()) {
            return;
        }
        try {
            batch = batches.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for demand", e);
        }
        position = 0;
        if (batch == END) {
            ended = true;
            if (failure != null) {
                throw failure;
            }
        }
    }

    @Override
    public void close() {
        drawer.interrupt();
    }
}
