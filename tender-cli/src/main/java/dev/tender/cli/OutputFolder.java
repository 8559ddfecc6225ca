package dev.tender.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --out} option of the commands that run a scenario. */
final class OutputFolder {

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "The folder the files are written to; it is created when missing. Default: ${DEFAULT-VALUE}.",
            defaultValue = "out")
    Path path;
}
