package dev.tender.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --out} option of the commands that run a scenario. */
final class OutputFolder {

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Folder for the files (default: ${DEFAULT-VALUE}).",
            defaultValue = "out")
    Path path;
}
