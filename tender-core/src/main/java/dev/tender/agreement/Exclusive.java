package dev.tender.agreement;

import dev.tender.provider.ProviderId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Only {@code provider} may serve the requests in scope while the clause is in force. */
public record Exclusive(
        AgreementId id,
        ProviderId provider,
        Scope scope,
        Instant from,
        @Nullable Instant until) implements Agreement {

    public Exclusive {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        scope = scope == null ? Scope.EVERYTHING : scope;
        Agreement.requirePeriod(id, from, until);
    }
}
