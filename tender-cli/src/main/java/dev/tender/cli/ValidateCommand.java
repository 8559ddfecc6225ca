package dev.tender.cli;

import dev.tender.world.Variant;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Checks a scenario and lists every problem with its path, then every warning. A scenario's variants are checked as well, each as the whole world it makes; a problem of a variant is told at the change that causes it, for example:",
            "  variants[1].remove[0]: no agreement 'azure-rofrr'; did you mean 'azure-rofr'?",
            "",
            "",
            "Nothing is run. Each problem is one line that says where in the file it is, for example:",
            "  providers.azure.sites[2].capacity[0].from: not a date or instant: '2025-13-01'",
            "",
            "A warning is a setting that loads but can never work as intended: a responder slower than a window it must answer in, a clause or a commitment whose provider has no pool in its scope, demand that no provider can serve or whose maxPrice is below every price. Each is one line on stderr, for example:",
            "  warning: providers.azure.responder.after: P3D is longer than defaults.rfqWindow (P2D): ...",
            "",
            "`tender simulate` prints the warnings too, and runs all the same.",
            "",
            "The exit code is 0 when the scenario is valid, with warnings or without, and 2 when it is not; with --strict a warning makes it invalid too.",
        },
        descriptionHeading = "%n",
        parameterListHeading = "%nParameters:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tender validate scenarios/seed-story.yaml",
            "  tender validate scenarios/seed-story.yaml --strict   # warnings fail it too",
        })
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario (YAML) to check.")
    Path file;

    @Option(
            names = "--strict",
            description = "Treat warnings as problems: exit 2 when there is any, as a gate before a run.")
    boolean strict;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        var loaded = ScenarioSource.load(file, err);
        if (loaded.isEmpty()) {
            return Main.BAD_INPUT;
        }
        int warnings = loaded.get().warnings().size();
        String counted = warnings + (warnings == 1 ? " warning" : " warnings");
        if (strict && warnings > 0) {
            err.println(file + ": " + counted + ", which --strict makes problems; not valid.");
            return Main.BAD_INPUT;
        }
        var s = loaded.get().scenario();
        var world = s.world();
        spec.commandLine()
                .getOut()
                .printf(
                        "%s: valid%s. %d providers, %d sites, %d pools, %d agreements, %d generators, %d trace"
                                + " requests%s.%n",
                        file,
                        warnings == 0 ? "" : ", with " + counted,
                        world.providers().size(),
                        world.providers().stream()
                                .mapToInt(p -> p.sites().size())
                                .sum(),
                        world.pools().size(),
                        world.agreements().all().size(),
                        s.generators().size(),
                        s.trace().size(),
                        variants(loaded.get().variants()));
        return 0;
    }

    private static String variants(List<Variant> variants) {
        if (variants.isEmpty()) {
            return "";
        }
        return ", " + variants.size() + (variants.size() == 1 ? " variant (" : " variants (")
                + variants.stream().map(Variant::name).collect(Collectors.joining(", ")) + ")";
    }
}
