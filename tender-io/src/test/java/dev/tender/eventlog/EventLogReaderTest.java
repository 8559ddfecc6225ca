package dev.tender.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tender.demand.RequestId;
import dev.tender.event.TenderEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A reader of a log refuses what is not an event, by line, and tells a log that stops before its requests close. */
class EventLogReaderTest {

    @TempDir
    Path dir;

    private Path log(String... lines) throws Exception {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private static List<String> story() {
        return JsonlEventWriterTest.EXPECTED.lines().toList();
    }

    @Nested
    class CorruptLines {

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "cut short | {\"seq\":3,\"at\":\"2025-01-21T00:00:00Z\",\"type\":\"OFFERED\",\"req"
                            + " | line 3 is not JSON",
                    "not an object | [1,2] | line 3 is not a JSON object",
                    "no type | {\"seq\":3} | line 3 lacks its 'type'",
                    "no seq | {\"type\":\"CLOSED\",\"at\":\"2025-01-21T00:00:00Z\"} | line 3 lacks its 'seq'",
                    "a null that may not be | {\"seq\":3,\"at\":\"2025-01-21T00:00:00Z\",\"type\":\"CLOSED\","
                            + "\"request\":\"r1\",\"outcome\":null,\"units\":1,\"reason\":\"x\",\"cause\":null}"
                            + " | line 3 has no value for 'outcome'",
                    "a word outside the schema | {\"seq\":3,\"at\":\"2025-01-21T00:00:00Z\",\"type\":\"CLOSED\","
                            + "\"request\":\"r1\",\"outcome\":\"DONE\",\"units\":1,\"reason\":\"x\",\"cause\":null}"
                            + " | line 3 is not a Tender event: 'outcome': expected one of [FULFILLED",
                    "a number that is text | {\"seq\":3,\"at\":\"2025-01-21T00:00:00Z\",\"type\":\"CLOSED\","
                            + "\"request\":\"r1\",\"outcome\":\"PARTIAL\",\"units\":\"1\",\"reason\":\"x\",\"cause\":null}"
                            + " | line 3 is not a Tender event: 'units': expected a whole number",
                    "a bad instant | {\"seq\":3,\"at\":\"yesterday\",\"type\":\"CLOSED\"} | 'at': not an ISO-8601 instant",
                })
        void areRefusedWithTheirLineNumber(String what, String line, String message) throws Exception {
            Path file = log(story().get(0), story().get(1), line.strip());

            assertThatThrownBy(() -> EventLogFiles.events(file))
                    .isInstanceOf(EventLogReader.MalformedLog.class)
                    .hasMessageContaining(message.strip());
        }

        @Test
        void evenWhenTheReaderLooksOnlyForOtherRequests() throws Exception {
            Path file = log(story().get(0), story().get(1), "{\"seq\":3,\"at\":\"2025-01-21T00:");

            assertThatThrownBy(() -> EventLogReader.read(file, l -> l.contains("\"request\":\"other\""), e -> {}))
                    .isInstanceOf(EventLogReader.MalformedLog.class)
                    .hasMessage("line 3 is not a whole JSON object: cut short, or not an event log");
        }
    }

    @Nested
    class Endings {

        @Test
        void aLogWhoseRequestsAllClosedSaysNothing() throws Exception {
            EventLogReader.Reading reading =
                    EventLogReader.read(log(story().toArray(String[]::new)), l -> true, e -> {});

            assertThat(reading.events()).isEqualTo(6);
            assertThat(reading.truncation()).isEmpty();
        }

        @Test
        void aLogThatStopsBeforeARequestClosesSaysSo() throws Exception {
            List<TenderEvent> events = new ArrayList<>();
            EventLogReader.Reading reading =
                    EventLogReader.read(log(story().subList(0, 5).toArray(String[]::new)), l -> true, events::add);

            assertThat(events).hasSize(5);
            assertThat(reading.unclosed()).containsExactly(new RequestId("training-7"));
            assertThat(reading.truncation()).contains("the log ends before training-7 closed: truncated?");
        }

        @Test
        void manyUnclosedRequestsAreCountedAndTheFirstNamed() {
            EventLogReader.Reading reading = new EventLogReader.Reading(
                    9, List.of(new RequestId("a"), new RequestId("b"), new RequestId("c"), new RequestId("d")));

            assertThat(reading.truncation())
                    .contains("the log ends before 4 requests closed (a, b, c, ...): truncated?");
        }
    }

    @Test
    void typesThisVersionDoesNotKnowAreSkipped() throws Exception {
        Path file = log(
                story().get(0),
                "{\"seq\":2,\"at\":\"2025-01-21T00:00:00Z\",\"type\":\"CAPACITY_ONLINE\",\"request\":\"-\",\"units\":5}",
                story().get(5));

        assertThat(EventLogFiles.events(file)).extracting(TenderEvent::type).containsExactly("SUBMITTED", "CLOSED");
    }
}
