package dev.tender.cli;

import dev.tender.store.Store;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where a node's store is: a JDBC URL, or the embedded H2 database in a folder. Shared by serve and token. */
final class StoreOptions {

    @Option(
            names = "--db",
            paramLabel = "JDBC_URL",
            description =
                    "The store: jdbc:postgresql://... or jdbc:h2:... (default: the embedded H2 database in --data).")
    Optional<String> db;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "data",
            description =
                    "Where the embedded H2 database keeps its files when there is no --db (default: ./${DEFAULT-VALUE}).")
    Path data;

    Store open() {
        return open("tender");
    }

    /** The store, for the node {@code name}: PostgreSQL tells each session's node by it. */
    Store open(String name) {
        return Store.open(db.orElseGet(() -> Store.defaultUrl(data)), null, null, name);
    }
}
