package dev.tender.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tender} command and the composition root: every object a command needs is built
 * here or in the command, by hand, from the scenario it is given.
 */
@Command(
        name = "tender",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Tender brokers AI compute capacity under the agreements a buyer signed with its providers: rights of first refusal, exclusivity per workload class, spend commitments.",
            "",
            "It plays years of demand against data centres coming online, on a virtual clock, awards capacity without ever overselling a site, and explains every decision by the clause behind it.",
        },
        descriptionHeading = "%n",
        optionListHeading = "%nOptions:%n",
        commandListHeading = "%nCommands:%n",
        subcommands = {
            DemoCommand.class,
            SimulateCommand.class,
            CompareCommand.class,
            PlanCommand.class,
            ValidateCommand.class,
            ExplainCommand.class,
            ReportCommand.class,
            SchemaCommand.class,
            ServeCommand.class,
            TokenCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Done.",
            "1:A failure that is not the input's fault; the message says what failed.",
            "2:Bad input: an invalid scenario (with validate --strict, also one with warnings), a missing file, a wrong option.",
        },
        footerHeading = "%nExamples (every command has --help with more):%n",
        footer = {
            "  tender demo                                   # the seed story; files in out/",
            "  tender explain training-60 --events out/events.jsonl",
            "  tender validate scenarios/seed-story.yaml",
        })
public final class Main implements Runnable {

    /** Exit code for input that Tender refuses: a bad scenario, a missing file, a wrong option. */
    static final int BAD_INPUT = 2;

    /** Exit code for a failure that is not the user's doing. */
    static final int FAILURE = 1;

    /** Columns of the usage help when the terminal's width is unknown. */
    static final int USAGE_WIDTH = 100;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // The platform's charset, which System.out and System.err write in too.
        Charset console = Charset.defaultCharset();
        System.exit(
                execute(args, new PrintWriter(System.out, true, console), new PrintWriter(System.err, true, console)));
    }

    /** Runs one command line; output and errors go to the given writers. */
    static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine line = commandLine();
        line.setOut(out);
        line.setErr(err);
        return line.execute(args);
    }

    /** Every command, with the usage width and the handling of errors that all of them share. */
    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new Main());
        // The terminal's width when there is one; 100 columns in a pipe or a file. Set after the
        // subcommands are added, so it holds for all of them.
        line.setUsageHelpAutoWidth(true);
        line.setUsageHelpWidth(USAGE_WIDTH);
        line.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? BAD_INPUT : FAILURE);
        line.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // A failure is reported in one line; the stack trace is for developers who ask for it.
            commandLine.getErr().println("tender: " + describe(e));
            if (System.getenv("TENDER_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            return FAILURE;
        });
        return line;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
