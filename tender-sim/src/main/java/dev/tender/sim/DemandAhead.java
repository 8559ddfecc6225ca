package dev.tender.sim;

import dev.tender.demand.TraceRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A {@link DemandStream} drawn on a thread of its own, a few batches ahead of the engine: the same
 * requests in the same order, drawn on the second core while the first decides. A request that
 * cannot be drawn fails where the stream itself would have failed: {@link #nextAt()} still tells
 * its instant, and {@link #next()} throws what drawing it threw.
 */
final class DemandAhead implements AutoCloseable {

    private static final int BATCH = 1024;
    private static final List<TraceRequest> END = List.of();

    private final BlockingQueue<List<TraceRequest>> batches = new ArrayBlockingQueue<>(8);
    private final Thread drawer;
    /** What drawing threw, and the instant of the request it was drawing; both set before END is put. */
    private volatile Throwable failure;

    private volatile Instant failedAt;

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
            drawAll(stream);
        } catch (InterruptedException e) {
            return; // closed before the demand ran out: nobody is waiting for the rest
        } catch (RuntimeException | Error e) {
            // Not a request that could not be drawn but the drawer itself: the engine hears at once.
            fail(e, Instant.MIN);
        }
        try {
            batches.put(END);
        } catch (InterruptedException e) {
            // Closed meanwhile.
        }
    }

    private void drawAll(DemandStream stream) throws InterruptedException {
        List<TraceRequest> next = new ArrayList<>(BATCH);
        while (stream.hasNext()) {
            Instant at = stream.nextAt();
            try {
                next.add(stream.next());
            } catch (RuntimeException | Error e) {
                fail(e, at);
                break;
            }
            if (next.size() == BATCH) {
                batches.put(next);
                next = new ArrayList<>(BATCH);
            }
        }
        if (!next.isEmpty()) {
            batches.put(next);
        }
    }

    private void fail(Throwable thrown, Instant at) {
        failedAt = at;
        failure = thrown;
    }

    boolean hasNext() {
        fill();
        return !ended || failure != null;
    }

    /** When the next request is submitted; only when {@link #hasNext()}. */
    Instant nextAt() {
        fill();
        return ended ? failedAt : batch.get(position).submitted();
    }

    TraceRequest next() {
        fill();
        if (ended) {
            if (failure == null) {
                throw new NoSuchElementException("the demand has run out");
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) failure;
        }
        return batch.get(position++);
    }

    private void fill() {
        if (ended || position < batch.size()) {
            return;
        }
        batch = takeBatch();
        position = 0;
        ended = batch == END;
    }

    /** The next batch, waited for even through an interrupt: the drawer always puts one. */
    private List<TraceRequest> takeBatch() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return batches.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        drawer.interrupt();
        try {
            drawer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
