package dev.tender.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on H2 in files, as the node runs by default: {@link Store#defaultUrl}. */
class H2StoreTest {

    @TempDir
    static Path folder;

    private static final AtomicInteger DATABASES = new AtomicInteger();

    static String newDatabase() {
        return Store.defaultUrl(folder.resolve("data-" + DATABASES.incrementAndGet()));
    }

    @Nested
    class Commands extends CommandLogContract {
        @Override
        String newDatabase() {
            return H2StoreTest.newDatabase();
        }
    }

    @Nested
    class TokenStore extends TokensContract {
        @Override
        String newDatabase() {
            return H2StoreTest.newDatabase();
        }
    }

    @Nested
    class Opening extends StoreContract {
        @Override
        String newDatabase() {
            return H2StoreTest.newDatabase();
        }

        @Override
        String product() {
            return "H2";
        }
    }

    @Test
    void theDefaultUrlNamesFilesUnderTheDataFolderWithCommitsWrittenAtOnce() {
        assertThat(Store.defaultUrl(Path.of("/srv/tender/data")))
                .isEqualTo(
                        "jdbc:h2:file:/srv/tender/data/tender;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=4");
    }

    /**
     * A JVM of its own appends and halts without closing anything, as a killed process would. With
     * H2's default write delay the commit was lost; with {@code WRITE_DELAY=0} it is in the file.
     */
    @Test
    void aCommitSurvivesTheProcessHaltingRightAfterIt() throws Exception {
        String url = newDatabase();
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process writer = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), HaltingWriter.class.getName(), url)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(writer.exitValue()).isZero();

        try (Store store = Store.open(url)) {
            assertThat(store.commands().lastCommandSeq()).isEqualTo(1);
        }
    }
}
