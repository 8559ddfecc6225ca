package dev.tender.provider;

import dev.tender.catalog.Region;
import java.util.Objects;

/** A data centre of one provider, in one region. */
public record Site(SiteId id, ProviderId provider, Region region) {

    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(region, "region");
    }
}
