package dev.tender.cli;

import java.nio.file.Path;
import java.util.List;

/** Crash safety on the embedded H2 store, in files under a folder: the default of {@code tender serve}. */
class CrashSafetyOnH2Test extends CrashSafetyContract {

    @Override
    List<String> newStore(Path dir) {
        return List.of("--data", dir.resolve("data").toString());
    }
}
