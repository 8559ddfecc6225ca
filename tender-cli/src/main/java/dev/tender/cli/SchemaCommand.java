package dev.tender.cli;

import dev.tender.eventlog.EventLogSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "schema",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the JSON Schema of the event log.",
            "",
            "Each line of events.jsonl is one instance of this schema (draft 2020-12). It is made from the"
                    + " same definition of the events that the log's writer and reader use, so it is never out of"
                    + " date; docs/event-log.schema.json is a copy of it.",
        },
        descriptionHeading = "%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExample:%n",
        footer = {"  tender schema"})
final class SchemaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(EventLogSchema.text());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
