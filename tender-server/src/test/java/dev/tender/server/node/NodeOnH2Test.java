package dev.tender.server.node;

import dev.tender.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class NodeOnH2Test extends NodeContract {

    @TempDir
    Path folder;

    private int databases;

    @Override
    String newDatabase() {
        return Store.defaultUrl(folder.resolve("db" + ++databases));
    }
}
