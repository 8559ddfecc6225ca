package dev.tender.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --out} option of the commands that run a scenario. */
final class OutputFolder {

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "The folder the files are written to; it is created when missing. A run first removes"
                    + " the files an earlier run left there, and its own appear only once it is complete, so an"
                    + " interrupted run leaves no files that pass for its own. Default: ${DEFAULT-VALUE}.",
            defaultValue = "out")
    Path path;
}
