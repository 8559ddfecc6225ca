package dev.tender.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store that cannot be opened says why, in one line, without the password. */
class StoreTest {

    @Test
    void refusesTheUrlOfAnotherDatabase() {
        assertThatThrownBy(() -> Store.open("jdbc:mysql://db.example/tender?user=node&password=hunter2"))
                .isInstanceOf(StoreUnavailable.class)
                .hasMessage("cannot open the store at jdbc:mysql://db.example/tender?user=node&password=***: "
                        + "the URL names neither H2 (jdbc:h2:...) nor PostgreSQL (jdbc:postgresql://...)");
    }

    @Test
    void saysAPostgreSqlServerCannotBeReachedWithoutThePasswordInTheUrl() {
        // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
        assertThatThrownBy(() -> Store.open("jdbc:postgresql://127.0.0.1:1/tender?user=node&password=hunter2"))
                .isInstanceOf(StoreUnavailable.class)
                .hasMessageStartingWith(
                        "cannot open the store at jdbc:postgresql://127.0.0.1:1/tender?user=node&password=***: ")
                .hasMessageContaining("127.0.0.1:1 refused")
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("\n");
    }

    /** A password of one letter is hidden in the URL, and the store's own words stay whole. */
    @Test
    void hidesAShortPasswordWithoutMaskingOtherWords() {
        assertThatThrownBy(() -> Store.open("jdbc:mysql://db.example/tender?password=p"))
                .hasMessage("cannot open the store at jdbc:mysql://db.example/tender?password=***: "
                        + "the URL names neither H2 (jdbc:h2:...) nor PostgreSQL (jdbc:postgresql://...)");
    }

    @Test
    void saysAPostgreSqlServerCannotBeReachedWithoutThePasswordGivenApart() {
        assertThatThrownBy(() -> Store.open("jdbc:postgresql://127.0.0.1:1/tender", "node", "hunter2"))
                .isInstanceOf(StoreUnavailable.class)
                .hasMessageStartingWith("cannot open the store at jdbc:postgresql://127.0.0.1:1/tender: ")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void saysWhenH2CannotMakeItsFiles(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("a-file"), "not a folder");

        assertThatThrownBy(() -> Store.open(Store.defaultUrl(file)))
                .isInstanceOf(StoreUnavailable.class)
                .hasMessageStartingWith("cannot open the store at jdbc:h2:file:" + file + "/tender;")
                .hasMessageNotContaining("\n");
    }

    @Test
    void saysAWrongPasswordForH2WithoutThePassword(@TempDir Path folder) {
        String database = "jdbc:h2:file:" + folder.resolve("tender");
        Store.open(database + ";USER=node;PASSWORD=hunter2").close();

        assertThatThrownBy(() -> Store.open(database + ";USER=node;PASSWORD=wrong-one"))
                .isInstanceOf(StoreUnavailable.class)
                .hasMessageStartingWith("cannot open the store at " + database + ";USER=node;PASSWORD=***: ")
                .hasMessageContaining("Wrong user name or password")
                .hasMessageNotContaining("wrong-one");
    }
}
