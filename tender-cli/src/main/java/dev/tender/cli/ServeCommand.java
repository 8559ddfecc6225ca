package dev.tender.cli;

import dev.tender.provider.ProviderId;
import dev.tender.server.api.Api;
import dev.tender.server.api.Credentials;
import dev.tender.server.api.NodeMetrics;
import dev.tender.server.node.LiveWorld;
import dev.tender.server.node.Node;
import dev.tender.server.node.WorldFile;
import dev.tender.store.Store;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a live node: the engine behind an HTTP API, every change of state kept in a durable command log.",
            "",
            "Tenants submit requests, providers answer the offers made to them (providers marked auto in the scenario are answered by the node), and every decision is an event, as in a simulation. On start the node replays its log, so a node killed at any moment comes back with nothing lost.",
            "",
            "The first start needs --scenario: it loads the providers, sites, prices and agreements (not the demand) into the empty store. Later starts find the world in the store. Create tokens with `tender token create`: they sign in to the web dashboard at / and call the API, which is described at /docs.",
            "",
            "On PostgreSQL several nodes may share one store, each on a port of its own: any node takes any call, one at a time (the writer, holding a lock in the database) runs the engine, the others hand it their commands and read from the store. When the writer dies, another takes over within --takeover or so. docs/operations.md shows three nodes. The embedded H2 store is one node's alone.",
        },
        descriptionHeading = "%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tender serve --scenario scenarios/seed-story.yaml --manual azure",
            "  tender serve --port 9000            # later starts: the world is stored",
            "  tender serve --db jdbc:postgresql://localhost/tender?user=tender",
            "  tender serve --db jdbc:postgresql://db/tender?user=tender --node b --port 8081",
        })
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "8080",
            description = "The port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(
            names = "--bind",
            paramLabel = "HOST",
            defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Mixin
    StoreOptions where;

    @Option(
            names = "--scenario",
            paramLabel = "FILE",
            description = "Load this scenario's world into an empty store; refused when the store has a world already.")
    Optional<Path> scenario;

    @Option(
            names = "--manual",
            paramLabel = "PROVIDER",
            split = ",",
            description =
                    "Providers that answer through the API though the scenario makes them auto, e.g. --manual azure. Only with --scenario.")
    List<String> manual = List.of();

    @Option(
            names = "--node",
            paramLabel = "NAME",
            description =
                    "This node's name among several on one PostgreSQL store, in the log and the database's sessions (default: host-pid).")
    Optional<String> node;

    @Option(
            names = "--takeover",
            paramLabel = "TIME",
            defaultValue = "2s",
            converter = DurationText.class,
            description =
                    "On PostgreSQL, how often a node that does not write tries to become the writer (default: ${DEFAULT-VALUE}).")
    Duration takeover;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!manual.isEmpty() && scenario.isEmpty()) {
            err.println("tender: --manual goes with --scenario: it says how the world being loaded answers");
            return Main.BAD_INPUT;
        }
        CountDownLatch closed = new CountDownLatch(1);
        NodeMetrics metrics = new NodeMetrics();
        String name = node.orElseGet(ServeCommand::hostAndPid);
        try (Store store = where.open(name);
                Node node = start(store, name, metrics)) {
            if (scenario.isPresent()) {
                Optional<Integer> refused = loadWorld(node, scenario.get(), err);
                if (refused.isPresent()) {
                    return refused.get();
                }
            } else if (node.world().isEmpty()) {
                err.println("tender: the store has no world yet; start with --scenario FILE to load one");
                return Main.BAD_INPUT;
            }
            Javalin server = new Api(
                            node,
                            store.commands(),
                            new Credentials(store.tokens(), Clock.systemUTC()),
                            Clock.systemUTC(),
                            metrics)
                    .server()
                    .start(bind, port);
            CountDownLatch stopped = new CountDownLatch(1);
            // Ctrl-C or SIGTERM: stop taking calls, then let the writer finish and the store close
            // before the JVM goes (a kill -9 needs none of this: the log is the truth).
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.stop();
                stopped.countDown();
                try {
                    closed.await(15, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            out.println("tender: serving " + node.world().map(LiveWorld::name).orElse("?") + " on http://" + bind + ":"
                    + server.port() + " (store: " + store.product() + ", node " + node.name() + ", "
                    + node.requests().size() + " requests so far)");
            out.println("tender: the dashboard is at http://" + bind + ":" + server.port()
                    + "/ ; sign in with a token from `tender token create`");
            out.flush();
            stopped.await();
        } finally {
            closed.countDown();
        }
        return 0;
    }

    /** On PostgreSQL a node among several, which writes when it holds the lease; on H2 the only one. */
    private Node start(Store store, String name, NodeMetrics metrics) {
        return store.lease()
                .map(lease -> Node.join(
                        store.commands(), lease, Clock.systemUTC(), metrics, new Node.Cluster(name, takeover)))
                .orElseGet(() -> Node.start(store.commands(), Clock.systemUTC(), metrics));
    }

    private static String hostAndPid() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    private Optional<Integer> loadWorld(Node node, Path file, PrintWriter err)
            throws IOException, InterruptedException {
        if (node.world().isPresent()) {
            err.println("tender: the store has a world already ("
                    + node.world().get().name() + "); start without --scenario, or with an empty store");
            return Optional.of(Main.BAD_INPUT);
        }
        if (ScenarioSource.load(file, err).isEmpty()) {
            return Optional.of(Main.BAD_INPUT);
        }
        Set<ProviderId> manualProviders = new TreeSet<>();
        for (String id : manual) {
            manualProviders.add(new ProviderId(id));
        }
        dev.tender.server.node.Command.LoadWorld load =
                WorldFile.load(Files.readString(file), file.getFileName().toString(), manualProviders);
        dev.tender.server.node.Command.WorldEdit loaded;
        try {
            loaded = node.execute(load).get();
        } catch (ExecutionException e) {
            err.println("tender: could not load the world: " + e.getCause());
            return Optional.of(Main.FAILURE);
        }
        if (!loaded.done()) {
            loaded.problems().forEach(problem -> err.println(file + ": " + problem));
            return Optional.of(Main.BAD_INPUT);
        }
        return Optional.empty();
    }
}
