package dev.tender.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tender.demand.RequestId;
import org.junit.jupiter.api.Test;

class OfferIdTest {

    @Test
    void isWrittenAsTheRequestAndTheNumber() {
        assertThat(OfferId.of(new RequestId("training-7"), 12).value()).isEqualTo("training-7.o12");
    }

    @Test
    void readsBackWhatItWrites_evenWhenTheRequestIdLooksLikeAnOfferId() {
        OfferId tricky = OfferId.of(new RequestId("a.o5"), 3);
        assertThat(OfferId.parse(tricky.value())).contains(tricky);
        assertThat(OfferId.parse("r9.o1")).contains(OfferId.of(new RequestId("r9"), 1));
        OfferId largest = OfferId.of(new RequestId("r9"), Integer.MAX_VALUE);
        assertThat(OfferId.parse(largest.value())).contains(largest);
    }

    @Test
    void refusesTextThatIsNotAnOfferId() {
        for (String text : new String[] {
            null, "", "r9", "r9.o", ".o1", "r9.o0", "r9.o01", "r9.ox", "r 9.o1", "r9.o12345678901", "r9.o2147483648"
        }) {
            assertThat(OfferId.parse(text)).as(text).isEmpty();
        }
    }

    @Test
    void numbersStartAtOne() {
        assertThatThrownBy(() -> OfferId.of(new RequestId("r9"), 0)).hasMessageContaining("start at 1");
    }
}
