package dev.tender.cli;

import dev.tender.server.api.Caller;
import dev.tender.server.api.Credentials;
import dev.tender.store.Store;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = {"Manages the API's bearer tokens."},
        descriptionHeading = "%n",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  tender token create --role admin"},
        subcommands = {TokenCommand.Create.class})
final class TokenCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = {
                "Creates a token and prints it, once: the store keeps only its hash.",
                "",
                "On the embedded H2 store, run it while the node is stopped: H2 lets one process at a time open its files. On PostgreSQL, any time.",
                "",
                "Roles: admin (the operator: everything, the whole event log, agreements and capacity), tenant:ID (one of the buyer's teams: submits and reads its own requests), provider:ID (one provider: sees and answers the offers made to it, nothing else).",
            },
            descriptionHeading = "%n",
            optionListHeading = "%nOptions:%n",
            footerHeading = "%nExamples:%n",
            footer = {
                "  tender token create --role admin",
                "  tender token create --role tenant:research",
                "  tender token create --role provider:azure --data /tmp/tender-data",
            })
    static final class Create implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(
                names = "--role",
                required = true,
                paramLabel = "ROLE",
                description = "admin, tenant:ID or provider:ID.")
        String role;

        @Mixin
        StoreOptions where;

        @Override
        public Integer call() {
            Optional<Caller> caller = Caller.ofRole(role);
            if (caller.isEmpty()) {
                spec.commandLine()
                        .getErr()
                        .println(
                                "tender: --role must be admin, tenant:ID or provider:ID (an id of letters, digits, - _ .), not '"
                                        + role + "'");
                return Main.BAD_INPUT;
            }
            try (Store store = where.open()) {
                String token = new Credentials(store.tokens(), Clock.systemUTC()).issue(caller.get());
                spec.commandLine().getOut().println(token);
            }
            return 0;
        }
    }
}
