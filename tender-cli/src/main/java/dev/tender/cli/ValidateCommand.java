package dev.tender.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Checks a scenario and lists every problem with its path.",
            "",
            "Nothing is run. Each problem is one line that says where in the file it is, for example:",
            "  providers.azure.sites[2].capacity[0].from: not a date or instant: '2025-13-01'",
            "",
            "The exit code is 0 when the scenario is valid and 2 when it is not.",
        },
        descriptionHeading = "%n",
        parameterListHeading = "%nParameters:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExample:%n",
        footer = {"  tender validate scenarios/seed-story.yaml"})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario (YAML) to check.")
    Path file;

    @Override
    public Integer call() {
        var scenario = ScenarioSource.load(file, spec.commandLine().getErr());
        if (scenario.isEmpty()) {
            return Main.BAD_INPUT;
        }
        var s = scenario.get();
        var world = s.world();
        spec.commandLine()
                .getOut()
                .printf(
                        "%s: valid. %d providers, %d sites, %d pools, %d agreements, %d generators, %d trace requests.%n",
                        file,
                        world.providers().size(),
                        world.providers().stream()
                                .mapToInt(p -> p.sites().size())
                                .sum(),
                        world.pools().size(),
                        world.agreements().all().size(),
                        s.generators().size(),
                        s.trace().size());
        return 0;
    }
}
