package dev.tender.server.node;

import dev.tender.store.EmbeddedPostgresDatabase;

class NodeOnPostgresTest extends NodeContract {

    @Override
    String newDatabase() {
        return EmbeddedPostgresDatabase.create().url();
    }
}
