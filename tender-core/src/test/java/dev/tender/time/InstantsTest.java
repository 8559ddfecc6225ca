package dev.tender.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class InstantsTest {

    @Property(tries = 2000)
    void writesWhatInstantWrites(
            @ForAll @LongRange(min = -70_000_000_000L, max = 260_000_000_000L) long second, @ForAll boolean withNanos) {
        Instant instant = Instant.ofEpochSecond(second, withNanos ? 123_000_000 : 0);
        assertThat(Instants.iso(instant)).isEqualTo(instant.toString());
    }

    @Test
    void writesTheEdgesOfTheFourDigitYears() {
        for (String text : new String[] {
            "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2024-02-29T12:34:56Z", "1969-12-31T23:59:59Z"
        }) {
            assertThat(Instants.iso(Instant.parse(text))).isEqualTo(text);
        }
        Instant beyond = Instant.parse("+10000-01-01T00:00:00Z");
        assertThat(Instants.iso(beyond)).isEqualTo(beyond.toString());
    }
}
