package dev.tender.eventlog;

import dev.tender.event.TenderEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A whole log in memory, as the tests like to hold it. */
final class EventLogFiles {

    private EventLogFiles() {}

    static List<TenderEvent> events(Path file) throws Exception {
        List<TenderEvent> events = new ArrayList<>();
        EventLogReader.read(file, line -> true, events::add);
        return events;
    }
}
