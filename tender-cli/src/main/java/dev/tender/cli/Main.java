package dev.tender.cli;

import java.io.PrintWriter;
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
            "Tender brokers AI compute capacity under the agreements a buyer signed with its providers:",
            "rights of first refusal, exclusivity per workload class, spend commitments.",
            ""
        },
        subcommands = {
            DemoCommand.class,
            SimulateCommand.class,
            ValidateCommand.class,
            ExplainCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Exit codes: 0 done, 1 failure, 2 bad input.",
            "Start with:  tender demo",
        })
public final class Main implements Runnable {

    /** Exit code for input that Tender refuses: a bad scenario, a missing file, a wrong option. */
    static final int BAD_INPUT = 2;

    /** Exit code for a failure that is not the user's doing. */
    static final int FAILURE = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; output and errors go to the given writers. */
    static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(new Main());
        line.setOut(out);
        line.setErr(err);
        line.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? BAD_INPUT : FAILURE);
        line.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // A failure is reported in one line; the stack trace is for developers who ask for it.
            commandLine.getErr().println("tender: " + describe(e));
            if (System.getenv("TENDER_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            return FAILURE;
        });
        return line.execute(args);
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
