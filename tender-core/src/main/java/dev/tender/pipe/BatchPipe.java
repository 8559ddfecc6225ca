package dev.tender.pipe;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jspecify.annotations.Nullable;

/**
 * Items handed from one thread to one other, in order, a batch at a time: the producer fills a
 * batch and hands it over once full, so the two threads meet once per batch instead of once per
 * item, and at most {@code batchesAhead} full batches wait between them (then the producer waits).
 * It is how the simulator draws demand beside the engine, and keeps the summary and writes the
 * log beside it.
 *
 * <p>A failure on either side reaches the other: the producer ends the pipe with why it stopped
 * early, which the consumer learns after the items before it; the consumer records why it cannot
 * take more, which the producer's next hand-off throws.
 */
public final class BatchPipe<T> {

    private final int batchSize;
    private final BlockingQueue<List<T>> batches;
    /** Marks the end; told apart by identity, and never handed otherwise, since empty batches are not. */
    private final List<T> end = new ArrayList<>(0);

    private List<T> filling;
    private volatile @Nullable Throwable upstreamFailure;
    private volatile @Nullable RuntimeException downstreamFailure;

    public BatchPipe(int batchSize, int batchesAhead) {
        if (batchSize < 1 || batchesAhead < 1) {
            throw new IllegalArgumentException("a pipe needs batches of at least one item, and room for one");
        }
        this.batchSize = batchSize;
        this.batches = new ArrayBlockingQueue<>(batchesAhead);
        this.filling = new ArrayList<>(batchSize);
    }

    /** Producer: adds an item, handing the batch over once it is full. */
    public void put(T item) throws InterruptedException {
        filling.add(item);
        if (filling.size() == batchSize) {
            hand(filling);
            filling = new ArrayList<>(batchSize);
        }
    }

    /**
     * Producer: hands over what is left, then the end. The end is handed even after the consumer
     * failed, so that it stops; the failure is for the producer to ask after.
     */
    public void finish() throws InterruptedException {
        if (!filling.isEmpty() && downstreamFailure == null) {
            batches.put(filling);
        }
        filling = new ArrayList<>(0);
        batches.put(end);
    }

    /** Producer: ends the pipe early; the consumer learns {@code why} after the items put before it. */
    public void finish(Throwable why) throws InterruptedException {
        upstreamFailure = why;
        finish();
    }

    private void hand(List<T> batch) throws InterruptedException {
        RuntimeException failed = downstreamFailure;
        if (failed != null) {
            throw failed;
        }
        batches.put(batch);
    }

    /** Consumer: the next batch, waiting for it; empty once the producer has finished. */
    public List<T> next() throws InterruptedException {
        List<T> batch = batches.take();
        return batch == end ? List.of() : batch;
    }

    /** Consumer, after the end: why the producer stopped early, or null when it did not. */
    public @Nullable Throwable upstreamFailure() {
        return upstreamFailure;
    }

    /**
     * Consumer: it cannot take any more, for this reason, which the producer's next hand-off
     * throws. The consumer should go on taking batches (and dropping them) until the end, so the
     * producer is never stuck waiting for room.
     */
    public void failDownstream(RuntimeException why) {
        downstreamFailure = why;
    }

    /** Why the consumer stopped taking items, or null. */
    public @Nullable RuntimeException downstreamFailure() {
        return downstreamFailure;
    }
}
