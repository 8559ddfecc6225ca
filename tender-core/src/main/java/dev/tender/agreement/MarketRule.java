package dev.tender.agreement;

import dev.tender.demand.Request;
import dev.tender.provider.ProviderId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rules 4 and 6: with no clause in the way, every provider that can serve the request is asked at once. */
public final class MarketRule implements RoutingRule {

    private final Map<List<ProviderId>, String> reasons = new HashMap<>();

    @Override
    public Optional<Route> apply(Request request, Instant at, List<ProviderId> serving) {
        if (serving.isEmpty()) {
            return Optional.of(new Route.ToMarket(
                    serving,
                    "no provider has a " + request.accelerator() + " pool in "
                            + (request.regions().isEmpty() ? "any region" : "regions " + request.regions())));
        }
        // The same few lists of providers come back request after request; their sentence is made once.
        return Optional.of(new Route.ToMarket(
                serving, reasons.computeIfAbsent(serving, s -> "no clause covers this request; " + describeMarket(s))));
    }

    static String describeMarket(List<ProviderId> market) {
        if (market.isEmpty()) {
            return "no one else can serve it";
        }
        return "the market ("
                + String.join(", ", market.stream().map(ProviderId::value).toList()) + ") is asked";
    }
}
