package dev.tender.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void noOutcomesMakeOneEmptyPayloadTheFollowersWakeFor() {
        assertThat(Outcome.payloads(List.of())).containsExactly("");
        assertThat(Outcome.parse("")).isEmpty();
    }

    @Test
    void manyOutcomesSpreadOverPayloadsUnderPostgresqlsLimitAndReadBackInOrder() {
        List<Outcome> outcomes = LongStream.rangeClosed(1, 400)
                .mapToObj(id -> new Outcome(id, "{\"type\":\"submission\",\"accepted\":\"réq-" + id + "\"}", id * 6))
                .toList();

        List<String> payloads = Outcome.payloads(outcomes);

        assertThat(payloads).hasSizeGreaterThan(1);
        assertThat(payloads).allSatisfy(payload -> assertThat(payload.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(Outcome.PAYLOAD_BYTES));
        List<Outcome> read = new ArrayList<>();
        payloads.forEach(payload -> read.addAll(Outcome.parse(payload)));
        assertThat(read).isEqualTo(outcomes);
    }

    @Test
    void anOutcomeTooLongForAPayloadIsLeftForTheInbox() {
        Outcome huge = new Outcome(1, "{\"reason\":\"" + "x".repeat(Outcome.PAYLOAD_BYTES) + "\"}", 3);
        Outcome small = new Outcome(2, "{\"type\":\"cancel\",\"cancelled\":true}", 3);

        assertThat(Outcome.payloads(List.of(huge, small)).stream().flatMap(payload -> Outcome.parse(payload).stream()))
                .containsExactly(small);
    }

    @Test
    void anOutcomeWithALineBreakOfItsOwnIsLeftForTheInbox() {
        Outcome broken = new Outcome(1, "{\"reason\":\"one\ntwo\"}", 3);
        Outcome whole = new Outcome(2, "{\"reason\":\"one\\ntwo\"}", 3);

        assertThat(Outcome.payloads(List.of(broken, whole)).stream()
                        .flatMap(payload -> Outcome.parse(payload).stream()))
                .containsExactly(whole);
    }

    @Test
    void aPayloadNotOfOutcomesIsRefusedWithWhatItHolds() {
        assertThatThrownBy(() -> Outcome.parse("garbage\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("garbage");
    }
}
