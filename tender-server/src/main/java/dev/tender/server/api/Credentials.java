package dev.tender.server.api;

import dev.tender.store.StoredToken;
import dev.tender.store.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens: 256 random bits, shown once when issued; the store keeps only their SHA-256,
 * and a presented token's hash is compared with the stored one in constant time.
 */
public final class Credentials {

    private static final String PREFIX = "tdr_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Tokens tokens;
    private final Clock clock;
    /**
     * Tokens found before, by hash: every call presents one, and a trip to the store for each would
     * cost more than the call. Tokens are only ever added (by another process too), so a token not
     * found here is looked for in the store.
     */
    private final Map<String, Caller> known = new ConcurrentHashMap<>();

    public Credentials(Tokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A new token for {@code caller}; the only time the token itself exists outside its holder. */
    public String issue(Caller caller) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        tokens.add(new StoredToken(hash(token), caller.role(), clock.instant()));
        return token;
    }

    /** Who holds {@code token}; empty for a token never issued. */
    public Optional<Caller> caller(String token) {
        String hash = hash(token);
        Caller cached = known.get(hash);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Caller> found = tokens.find(hash)
                .filter(stored -> MessageDigest.isEqual(
                        stored.hash().getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII)))
                .flatMap(stored -> Caller.ofRole(stored.role()));
        found.ifPresent(caller -> known.put(hash, caller));
        return found;
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
