package dev.tender.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tender.demand.RequestId;
import dev.tender.event.TenderEvent;
import dev.tender.event.TerminalState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackgroundSinkTest {

    static TenderEvent event(long seq) {
        return new TenderEvent.Closed(
                seq, Instant.EPOCH, new RequestId("r" + seq), TerminalState.FULFILLED, 1, "", null);
    }

    @Test
    void passesOnEveryEventInOrderByTheTimeItIsClosed() {
        List<TenderEvent> received = new ArrayList<>();
        try (BackgroundSink sink = new BackgroundSink("test-sink", received::add)) {
            for (long seq = 1; seq <= 10_001; seq++) {
                sink.accept(event(seq));
            }
        }

        assertThat(received).hasSize(10_001);
        for (int i = 0; i < received.size(); i++) {
            assertThat(received.get(i).seq()).isEqualTo(i + 1);
        }
    }

    @Test
    void aFailureDownstreamReachesTheEngine() {
        BackgroundSink sink = new BackgroundSink("test-sink", e -> {
            throw new IllegalStateException("disk full");
        });

        assertThatThrownBy(() -> {
                    for (long seq = 1; seq <= 1_000_000; seq++) {
                        sink.accept(event(seq));
                    }
                    sink.close();
                })
                .hasMessage("disk full");
    }
}
