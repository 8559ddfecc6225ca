package dev.tender.agreement;

import dev.tender.demand.Request;
import dev.tender.provider.ProviderId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One rule of section 2: decides the route, or stays silent and lets the next rule decide. */
@FunctionalInterface
interface RoutingRule {

    /**
     * The route this rule gives the request submitted {@code at}, or empty to let the next rule decide.
     *
     * @param serving providers with a pool of the request's accelerator in an allowed region
     */
    Optional<Route> apply(Request request, Instant at, List<ProviderId> serving);
}
