package dev.tender.sim;

import dev.tender.demand.TraceRequest;
import dev.tender.pipe.BatchPipe;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A {@link DemandStream} drawn on a thread of its own, a few batches ahead of the engine: the same
 * requests in the same order, drawn on the second core while the first decides. A request that
 * cannot be drawn fails where the stream itself would have failed: {@link #nextAt()} still tells
 * its instant, and {@link #next()} throws what drawing it threw.
 */
final class DemandAhead implements AutoCloseable {

    private final BatchPipe<TraceRequest> pipe = new BatchPipe<>(1024, 8);
    private final Thread drawer;
    /** The instant of the request that could not be drawn; set before the pipe ends, so seen after it. */
    private volatile Instant failedAt = Instant.MIN;

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
            while (stream.hasNext()) {
                Instant at = stream.nextAt();
                TraceRequest next;
                try {
                    next = stream.next();
                } catch (RuntimeException | Error e) {
                    failedAt = at;
                    pipe.finish(e);
                    return;
                }
                pipe.put(next);
            }
            pipe.finish();
        } catch (InterruptedException e) {
            // Closed before the demand ran out: nobody is waiting for the rest.
        } catch (RuntimeException | Error e) {
            // Not a request that could not be drawn but the drawer itself: the engine hears at once.
            endWith(e);
        }
    }

    private void endWith(Throwable failure) {
        try {
            pipe.finish(failure);
        } catch (InterruptedException closed) {
            // Closed meanwhile.
        }
    }

    boolean hasNext() {
        fill();
        return !ended || pipe.upstreamFailure() != null;
    }

    /** When the next request is submitted; only when {@link #hasNext()}. */
    Instant nextAt() {
        fill();
        return ended ? failedAt : batch.get(position).submitted();
    }

    TraceRequest next() {
        fill();
        if (ended) {
            Throwable failure = pipe.upstreamFailure();
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
        ended = batch.isEmpty();
    }

    /** The next batch, waited for even through an interrupt: the drawer always ends the pipe. */
    private List<TraceRequest> takeBatch() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return pipe.next();
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
