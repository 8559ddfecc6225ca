package dev.tender.pipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Two threads through one pipe, under load: every item arrives once, in order, and failures cross over. */
class BatchPipeTest {

    private static List<Integer> drain(BatchPipe<Integer> pipe) throws InterruptedException {
        List<Integer> taken = new ArrayList<>();
        for (List<Integer> batch = pipe.next(); !batch.isEmpty(); batch = pipe.next()) {
            taken.addAll(batch);
        }
        return taken;
    }

    @RepeatedTest(20)
    void everyItemArrivesOnceAndInOrder() throws Exception {
        int count = 200_000 + (int) (Math.random() * 1000);
        BatchPipe<Integer> pipe = new BatchPipe<>(1 + (int) (Math.random() * 300), 1 + (int) (Math.random() * 4));
        CompletableFuture<List<Integer>> consumer = CompletableFuture.supplyAsync(() -> {
            try {
                return drain(pipe);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        for (int i = 0; i < count; i++) {
            pipe.put(i);
        }
        pipe.finish();

        List<Integer> taken = consumer.get(30, TimeUnit.SECONDS);
        assertThat(taken).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(taken.get(i)).isEqualTo(i);
        }
        assertThat(pipe.upstreamFailure()).isNull();
    }

    @Test
    void theProducersFailureComesAfterTheItemsBeforeIt() throws Exception {
        BatchPipe<Integer> pipe = new BatchPipe<>(4, 2);
        IllegalStateException why = new IllegalStateException("could not draw item 10");
        Thread producer = new Thread(() -> {
            try {
                for (int i = 0; i < 10; i++) {
                    pipe.put(i);
                }
                pipe.finish(why);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        producer.start();

        assertThat(drain(pipe)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(pipe.upstreamFailure()).isSameAs(why);
        producer.join();
    }

    @Test
    void theConsumersFailureReachesTheProducerAndTheEndStillArrives() throws Exception {
        BatchPipe<Integer> pipe = new BatchPipe<>(8, 2);
        IllegalStateException diskFull = new IllegalStateException("disk full");
        CompletableFuture<Integer> consumer = CompletableFuture.supplyAsync(() -> {
            int batches = 0;
            try {
                for (List<Integer> batch = pipe.next(); !batch.isEmpty(); batch = pipe.next()) {
                    batches++;
                    pipe.failDownstream(diskFull);
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return batches;
        });

        assertThatThrownBy(() -> {
                    for (int i = 0; i < 1_000_000; i++) {
                        pipe.put(i);
                    }
                })
                .isSameAs(diskFull);
        pipe.finish();

        assertThat(consumer.get(30, TimeUnit.SECONDS)).isPositive();
        assertThat(pipe.downstreamFailure()).isSameAs(diskFull);
    }

    @Test
    void aPipeNeedsRoom() {
        assertThatThrownBy(() -> new BatchPipe<>(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BatchPipe<>(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
