package dev.tender.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An API token as stored: the SHA-256 of the token, hex, never the token; and its role text
 * ({@code "admin"}, {@code "tenant:acme"}, {@code "provider:azure"}).
 *
 * <p>{@code created} is cut to whole microseconds, the most both databases keep: it is when the
 * token was made, for people to read, and the system clock gives nanoseconds.
 *
 * @param hash 64 lower-case hex digits
 * @param role not blank, at most 200 characters
 */
public record StoredToken(String hash, String role, Instant created) {

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    public StoredToken {
        Objects.requireNonNull(hash, "hash");
        if (!SHA_256_HEX.matcher(hash).matches()) {
            throw new IllegalArgumentException("hash must be 64 lower-case hex digits (a SHA-256)");
        }
        Columns.varchar(role, "role", 200);
        created = Objects.requireNonNull(created, "created").truncatedTo(ChronoUnit.MICROS);
    }
}
