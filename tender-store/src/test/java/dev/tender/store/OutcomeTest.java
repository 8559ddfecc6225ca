package dev.tender.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
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
        assertThat(readBack(payloads)).isEqualTo(outcomes);
    }

    @Test
    void anOutcomeTooLongForAPayloadIsLeftForTheInbox() {
        Outcome huge = new Outcome(1, "{\"reason\":\"" + "x".repeat(Outcome.PAYLOAD_BYTES) + "\"}", 3);
        Outcome small = new Outcome(2, "{\"type\":\"cancel\",\"cancelled\":true}", 3);

        assertThat(readBack(Outcome.payloads(List.of(huge, small)))).containsExactly(small);
    }

    @Test
    void anOutcomeWithALineBreakOfItsOwnIsLeftForTheInbox() {
        Outcome broken = new Outcome(1, "{\"reason\":\"one\ntwo\"}", 3);
        Outcome whole = new Outcome(2, "{\"reason\":\"one\\ntwo\"}", 3);

        assertThat(readBack(Outcome.payloads(List.of(broken, whole)))).containsExactly(whole);
    }

    @Test
    void aPayloadNotOfOutcomesIsRefusedWithWhatItHolds() {
        assertThatThrownBy(() -> Outcome.parse("garbage\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("garbage");
    }

    /** The outcomes {@code payloads} tell, in order, as a follower reads them. */
    private static List<Outcome> readBack(List<String> payloads) {
        return payloads.stream()
                .flatMap(payload -> Outcome.parse(payload).stream())
                .toList();
    }
}
