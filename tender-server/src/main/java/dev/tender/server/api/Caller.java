package dev.tender.server.api;

import dev.tender.demand.TenantId;
import dev.tender.provider.ProviderId;
import java.util.Objects;
import java.util.Optional;

/** Who calls, as their token says: the operator, one tenant of the buyer, or one provider. */
public sealed interface Caller {

    record Admin() implements Caller {
        @Override
        public String role() {
            return "admin";
        }
    }

    record Tenant(TenantId id) implements Caller {
        public Tenant {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String role() {
            return "tenant:" + id;
        }
    }

    record Provider(ProviderId id) implements Caller {
        public Provider {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String role() {
            return "provider:" + id;
        }
    }

    /** The role as a token stores it: {@code admin}, {@code tenant:ID}, {@code provider:ID}. */
    String role();

    /** The caller a role names; empty when the text is not a role. */
    static Optional<Caller> ofRole(String role) {
        try {
            if (role.equals("admin")) {
                return Optional.of(new Admin());
            }
            if (role.startsWith("tenant:")) {
                return Optional.of(new Tenant(new TenantId(role.substring("tenant:".length()))));
            }
            if (role.startsWith("provider:")) {
                return Optional.of(new Provider(new ProviderId(role.substring("provider:".length()))));
            }
        } catch (IllegalArgumentException badId) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
