package dev.tender.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.ParseResult;

/**
 * Every example in every command's help works when it is typed at the repository root, in the
 * order the help lists them: a user copies them from there first.
 */
class HelpExamplesTest {

    /** The narrowest terminal the help is written for; an example that wraps cannot be copied. */
    static final int NARROWEST = 80;

    static final Path REPOSITORY = repositoryRoot();

    /** Made and removed here, not by {@code @TempDir}, which warns about every link it deletes. */
    static Path workspaces;

    @BeforeAll
    static void makeRoomForTheWorkspaces() throws IOException {
        workspaces = Files.createTempDirectory("tender-help-examples");
    }

    /** Removes the links, never what they point to: a walk does not follow links. */
    @AfterAll
    static void removeTheWorkspaces() throws IOException {
        try (Stream<Path> all = Files.walk(workspaces)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** One run of each command's examples, in a workspace of its own, so each help stands alone. */
    @TestFactory
    Stream<DynamicContainer> everyExampleWorksFromTheRepositoryRoot() {
        return commands().stream()
                .filter(command -> !examples(command).isEmpty())
                .map(command -> {
                    Workspace workspace = Workspace.create(workspaces.resolve(command.getCommandName()));
                    return dynamicContainer(
                            command.getCommandSpec().qualifiedName() + " --help",
                            examples(command).stream()
                                    .map(example -> dynamicTest(example, () -> works(example, workspace))));
                });
    }

    /** Commands that run until they are stopped: their examples are parsed, not run (ServeTest runs a node). */
    static final Set<String> RUN_UNTIL_STOPPED = Set.of("serve");

    static void works(String example, Workspace workspace) {
        String[] args = workspace.locate(arguments(example));
        if (RUN_UNTIL_STOPPED.contains(args[0])) {
            assertThat(Main.commandLine().parseArgs(args).subcommand())
                    .as(example)
                    .isNotNull();
            return;
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));

        String ran = "tender " + String.join(" ", args) + "\nstdout:\n" + out + "\nstderr:\n" + err;
        assertThat(exit).as(ran).isZero();
        assertThat(err.toString()).as(ran).doesNotContain("tender:");
    }

    @Test
    void everyCommandButHelpHasAnExample() {
        for (CommandLine command : commands()) {
            if (!(command.getCommand() instanceof CommandLine.HelpCommand)) {
                assertThat(examples(command)).as(command.getCommandName()).isNotEmpty();
            }
        }
    }

    /** The examples are read from the help as printed; this checks that none of them was wrapped. */
    @Test
    void everyExampleFitsOnOneLineOfAnEightyColumnTerminal() {
        for (CommandLine command : commands()) {
            List<String> written = Arrays.stream(
                            command.getCommandSpec().usageMessage().footer())
                    .map(String::strip)
                    .filter(HelpExamplesTest::isExample)
                    .toList();

            assertThat(examples(command)).as(command.getCommandName()).isEqualTo(written);
        }
    }

    /** The command and its subcommands, as a user at an 80-column terminal sees their help. */
    static List<CommandLine> commands() {
        CommandLine root = Main.commandLine();
        root.setUsageHelpAutoWidth(false);
        root.setUsageHelpWidth(NARROWEST);
        List<CommandLine> all = new ArrayList<>();
        all.add(root);
        all.addAll(root.getSubcommands().values());
        return all;
    }

    /** The example lines of a command's help footer, as printed, comments and all. */
    static List<String> examples(CommandLine command) {
        return command.getHelp()
                .footer()
                .lines()
                .map(String::strip)
                .filter(HelpExamplesTest::isExample)
                .toList();
    }

    static boolean isExample(String line) {
        return line.equals("tender") || line.startsWith("tender ");
    }

    /** The words after {@code tender}, without the comment; examples use no quotes, so spaces split. */
    static String[] arguments(String example) {
        String command = example.replaceFirst("\\s+#.*$", "");
        assertThat(command)
                .as("an example in quotes would need a shell to split it")
                .doesNotContain("'", "\"");
        String[] words = command.split("\\s+", -1);
        return Arrays.copyOfRange(words, 1, words.length);
    }

    /**
     * A folder that stands in for the repository root: the repository's files are linked into it,
     * what the examples write stays in it, and {@code /tmp/...} in an example means its {@code
     * tmp/...}. Only arguments that are paths to the command (its {@code Path} options and
     * parameters, given or by default) are moved there, so request ids and numbers stay as typed.
     */
    record Workspace(Path root) {

        static Workspace create(Path root) {
            try {
                Files.createDirectories(root);
                Set<String> ignored = ignoredNames();
                try (Stream<Path> entries = Files.list(REPOSITORY)) {
                    for (Path entry : entries.toList()) {
                        String name = entry.getFileName().toString();
                        if (!name.startsWith(".") && !ignored.contains(name)) {
                            Files.createSymbolicLink(root.resolve(name), entry);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Workspace(root);
        }

        /** What builds and runs leave at the root (out/, target/, ...): an example must not see a user's. */
        private static Set<String> ignoredNames() throws IOException {
            Path gitignore = REPOSITORY.resolve(".gitignore");
            if (!Files.exists(gitignore)) {
                return Set.of();
            }
            return Files.readAllLines(gitignore).stream()
                    .map(line -> line.strip().replaceFirst("^/", "").replaceFirst("/$", ""))
                    .filter(name -> !name.isEmpty() && !name.contains("*") && !name.contains("/"))
                    .collect(Collectors.toSet());
        }

        String[] locate(String[] args) {
            ParseResult parsed = Main.commandLine().parseArgs(args);
            while (parsed.subcommand() != null) {
                parsed = parsed.subcommand();
            }
            List<String> located = new ArrayList<>(Arrays.asList(args));
            for (ArgSpec arg : parsed.commandSpec().args()) {
                if (arg.type() != Path.class) {
                    continue;
                }
                if (parsed.matchedArgs().contains(arg)) {
                    for (String value : arg.originalStringValues()) {
                        located.replaceAll(word -> word.equals(value) ? here(value) : word);
                    }
                } else if (arg.isOption() && arg.defaultValue() != null) {
                    located.add(((CommandLine.Model.OptionSpec) arg).longestName());
                    located.add(here(arg.defaultValue()));
                }
            }
            return located.toArray(String[]::new);
        }

        private String here(String path) {
            if (path.startsWith("/tmp/")) {
                return root.resolve(path.substring(1)).toString();
            }
            return root.resolve(path).toString();
        }
    }

    private static Path repositoryRoot() {
        try {
            Path dir = Path.of(HelpExamplesTest.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            while (dir != null
                    && !(Files.isDirectory(dir.resolve("scenarios")) && Files.exists(dir.resolve("pom.xml")))) {
                dir = dir.getParent();
            }
            if (dir == null) {
                throw new IllegalStateException("no repository root above " + HelpExamplesTest.class);
            }
            return dir;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
