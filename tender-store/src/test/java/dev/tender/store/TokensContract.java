package dev.tender.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the token store does on any database; one database serves the whole class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TokensContract {

    private Store store;
    private Tokens tokens;

    /** The URL of a database no one has used. */
    abstract String newDatabase();

    @BeforeAll
    void openTheStore() {
        store = Store.open(newDatabase());
        tokens = store.tokens();
    }

    @AfterAll
    void closeTheStore() {
        store.close();
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }

    @Test
    void findsATokenByItsHash() {
        long before = tokens.count();
        StoredToken admin =
                new StoredToken(hash("secret-admin"), "admin", Instant.parse("2019-06-01T08:00:00.654321Z"));
        StoredToken tenant = new StoredToken(hash("secret-acme"), "tenant:acme", Instant.parse("2026-03-01T12:00:00Z"));

        tokens.add(admin);
        tokens.add(tenant);

        assertThat(tokens.find(hash("secret-admin"))).contains(admin);
        assertThat(tokens.find(hash("secret-acme"))).contains(tenant);
        assertThat(tokens.count()).isEqualTo(before + 2);
    }

    @Test
    void findsNothingForAHashNotStored() {
        assertThat(tokens.find(hash("never-issued"))).isEmpty();
        assertThat(tokens.find("not even a hash")).isEmpty();
    }

    @Test
    void refusesASecondTokenWithTheSameHashAndKeepsTheFirst() {
        StoredToken first =
                new StoredToken(hash("secret-azure"), "provider:azure", Instant.parse("2026-03-01T12:00:00Z"));
        tokens.add(first);
        long count = tokens.count();

        assertThatThrownBy(() -> tokens.add(new StoredToken(hash("secret-azure"), "admin", Instant.EPOCH)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a token with this hash is stored already");

        assertThat(tokens.count()).isEqualTo(count);
        assertThat(tokens.find(hash("secret-azure"))).contains(first);
    }

    @Test
    void keepsTheInstantItWasMadeToTheMicrosecond() {
        Instant nanos = Instant.parse("2026-03-01T12:00:00.123456789Z");

        tokens.add(new StoredToken(hash("secret-clock"), "tenant:clock", nanos));

        assertThat(tokens.find(hash("secret-clock")).orElseThrow().created())
                .isEqualTo(Instant.parse("2026-03-01T12:00:00.123456Z"));
    }
}
