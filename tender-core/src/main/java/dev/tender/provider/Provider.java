package dev.tender.provider;

import java.util.List;
import java.util.Objects;

/** A seller of capacity with its price list, its sites and the way it answers offers. */
public record Provider(ProviderId id, String name, PriceList prices, List<Site> sites, ResponderSpec responder) {

    public Provider {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(responder, "responder");
        name = name == null || name.isBlank() ? id.value() : name;
        sites = List.copyOf(sites);
        for (Site site : sites) {
            if (!site.provider().equals(id)) {
                throw new IllegalArgumentException(
                        "site " + site.id() + " belongs to " + site.provider() + ", not " + id);
            }
        }
    }
}
