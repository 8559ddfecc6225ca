package dev.tender.provider;

import java.util.Objects;

/** A data centre of one provider, in one region. */
public record Site(SiteId id, ProviderId provider, String region) {

    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("site " + id + " needs a region");
        }
    }
}
