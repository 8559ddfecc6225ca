package dev.tender.broker;

import dev.tender.money.Money;
import dev.tender.provider.SiteId;
import java.time.Instant;
import java.util.Objects;

/** What a provider says to an offer. */
public sealed interface Answer {

    /** Takes {@code units} (all of the offer, or part) at one site, from {@code start}, at {@code unitPrice}. */
    record Take(int units, Money unitPrice, SiteId site, Instant start) implements Answer {
        public Take {
            Objects.requireNonNull(unitPrice, "unitPrice");
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(start, "start");
        }
    }

    record Decline(String reason) implements Answer {
        public Decline {
            reason = reason == null || reason.isBlank() ? "declined" : reason;
        }
    }
}
