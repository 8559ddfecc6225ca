package dev.tender.cli;

import dev.tender.store.EmbeddedPostgresDatabase;
import java.nio.file.Path;
import java.util.List;

/** Crash safety on PostgreSQL: a new database in the embedded server, which outlives every kill of the node. */
class CrashSafetyOnPostgresTest extends CrashSafetyContract {

    @Override
    List<String> newStore(Path dir) {
        return List.of("--db", EmbeddedPostgresDatabase.create().url());
    }
}
