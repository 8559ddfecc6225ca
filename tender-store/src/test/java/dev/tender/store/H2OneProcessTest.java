package dev.tender.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An H2 store is one process's alone: a second node is told so, and pointed to PostgreSQL. */
class H2OneProcessTest {

    @Test
    void aSecondProcessOpeningTheSameH2StoreIsToldAnotherHasItOpenAndPointedToPostgres(@TempDir Path folder)
            throws Exception {
        String url = Store.defaultUrl(folder);
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process other = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), HoldingStore.class.getName(), url)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader said =
                    new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(said.readLine()).isEqualTo("open H2");

            assertThatThrownBy(() -> Store.open(url))
                    .isInstanceOf(StoreUnavailable.class)
                    .hasMessage("cannot open the store at " + url
                            + ": another process has this H2 store open, and H2 is one node's alone: stop the"
                            + " other node, or run several nodes on one PostgreSQL (--db jdbc:postgresql://...)");
        } finally {
            other.getOutputStream().close();
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(other.exitValue()).isZero();

        try (Store store = Store.open(url)) {
            assertThat(store.product()).isEqualTo("H2");
        }
    }
}
