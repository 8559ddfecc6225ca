package dev.tender.store;

import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** The API's tokens, stored by the SHA-256 of each: the store never sees a token itself. */
public final class Tokens {

    private static final RowMapper<StoredToken> TOKEN = (row, context) ->
            new StoredToken(row.getString("hash"), row.getString("role"), Columns.instant(row, "created"));

    private final Jdbi jdbi;

    Tokens(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Stores a token's hash and role.
     *
     * @throws IllegalArgumentException when a token with the same hash is stored already
     */
    public void add(StoredToken token) {
        Objects.requireNonNull(token, "token");
        try {
            jdbi.useHandle(handle -> handle.createUpdate(
                            "INSERT INTO token (hash, role, created) VALUES (:hash, :role, :created)")
                    .bind("hash", token.hash())
                    .bind("role", token.role())
                    .bind("created", Columns.bind(token.created()))
                    .execute());
        } catch (RuntimeException e) {
            if (!DuplicateKey.causes(e)) {
                throw e;
            }
            // Not the hash itself: whoever reads the message need not learn which token is known.
            throw new IllegalArgumentException("a token with this hash is stored already", e);
        }
    }

    public Optional<StoredToken> find(String hash) {
        Objects.requireNonNull(hash, "hash");
        return jdbi.withHandle(handle -> handle.createQuery("SELECT hash, role, created FROM token WHERE hash = :hash")
                .bind("hash", hash)
                .map(TOKEN)
                .findOne());
    }

    public long count() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM token")
                .mapTo(Long.class)
                .one());
    }
}
