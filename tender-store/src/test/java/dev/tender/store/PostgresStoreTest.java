package dev.tender.store;

import org.junit.jupiter.api.Nested;

/** The store on PostgreSQL, the choice for production: an embedded server, a database per class. */
class PostgresStoreTest {

    @Nested
    class Commands extends CommandLogContract {
        @Override
        String newDatabase() {
            return EmbeddedPostgresDatabase.create().url();
        }
    }

    @Nested
    class TokenStore extends TokensContract {
        @Override
        String newDatabase() {
            return EmbeddedPostgresDatabase.create().url();
        }
    }

    @Nested
    class Opening extends StoreContract {
        @Override
        String newDatabase() {
            return EmbeddedPostgresDatabase.create().url();
        }

        @Override
        String product() {
            return "PostgreSQL";
        }
    }
}
