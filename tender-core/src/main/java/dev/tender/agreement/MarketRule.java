package dev.tender.agreement;

import dev.tender.demand.Request;
import dev.tender.provider.ProviderId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rules 4 and 6: with no clause in the way, every provider that can serve the request is asked at once. */
final class MarketRule implements RoutingRule {

    /** The sentence for each list of providers asked: the same few lists come back request after request. */
    private final Map<List<ProviderId>, String> reasons = new HashMap<>();

    @Override
    public Optional<Route> apply(Request request, Instant at, List<ProviderId> serving) {
        if (serving.isEmpty()) {
            return Optional.of(new Route.ToMarket(
                    serving,
                    "no provider has a " + request.accelerator() + " pool in "
                            + (request.regions().isEmpty() ? "any region" : "regions " + request.regions())));
        }
        return Optional.of(new Route.ToMarket(
                serving, reasons.computeIfAbsent(serving, s -> "no clause covers this request; " + describeMarket(s))));
    }

    static String describeMarket(List<ProviderId> market) {
        if (market.isEmpty()) {
            return "no one else can serve it";
        }
        StringBuilder text = new StringBuilder("the market (");
        for (int i = 0; i < market.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(market.get(i));
        }
        return text.append(") is asked").toString();
    }
}
