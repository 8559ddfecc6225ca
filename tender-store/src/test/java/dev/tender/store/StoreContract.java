package dev.tender.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;

/** Opening a store on any database: each test has a database of its own. */
abstract class StoreContract {

    /** The URL of a database no one has used. */
    abstract String newDatabase();

    /** What {@link Store#product()} says for this database. */
    abstract String product();

    private static MigrationInfo[] applied(String url) {
        return Flyway.configure().dataSource(url, null, null).load().info().applied();
    }

    @Test
    void aNewStoreIsEmptyAndSaysWhichDatabaseItIs() {
        try (Store store = Store.open(newDatabase())) {
            List<Object> all = new ArrayList<>();
            store.commands().forEachCommand(all::add);
            store.commands().forEachEvent(all::add);

            assertThat(store.product()).isEqualTo(product());
            assertThat(all).isEmpty();
            assertThat(store.commands().lastCommandSeq()).isZero();
            assertThat(store.commands().lastEventSeq()).isZero();
            assertThat(store.commands().eventsAfter(0, 10)).isEmpty();
            assertThat(store.tokens().count()).isZero();
        }
    }

    @Test
    void migratesAnEmptyDatabaseOnceAndNotAgainOnTheNextOpen() {
        String url = newDatabase();
        Store.open(url).close();
        MigrationInfo[] first = applied(url);

        Store.open(url).close();
        MigrationInfo[] second = applied(url);

        assertThat(first).extracting(m -> m.getVersion().getVersion()).containsExactly("1", "2", "3");
        assertThat(first).allSatisfy(m -> assertThat(m.getState().isApplied()).isTrue());
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.length; i++) {
            assertThat(second[i].getInstalledRank()).isEqualTo(first[i].getInstalledRank());
            assertThat(second[i].getInstalledOn()).isEqualTo(first[i].getInstalledOn());
        }
    }

    @Test
    void whatWasStoredIsThereWhenTheStoreIsOpenedAgain() {
        String url = newDatabase();
        StoredCommand command =
                new StoredCommand(1, Instant.parse("2019-05-01T10:00:00.000001Z"), "submit", "{\"a\":1}");
        StoredEvent event = new StoredEvent(1, command.at(), "r-1", "SUBMITTED", "{\"seq\":1}");
        StoredToken token = new StoredToken("ab".repeat(32), "admin", command.at());
        try (Store store = Store.open(url)) {
            store.commands().append(List.of(command), List.of(event));
            store.tokens().add(token);
        }

        try (Store store = Store.open(url)) {
            List<StoredCommand> commands = new ArrayList<>();
            store.commands().forEachCommand(commands::add);

            assertThat(commands).containsExactly(command);
            assertThat(store.commands().eventsOf("r-1")).containsExactly(event);
            assertThat(store.tokens().find(token.hash())).contains(token);
        }
    }
}
