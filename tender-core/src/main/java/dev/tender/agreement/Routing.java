package dev.tender.agreement;

import dev.tender.capacity.Footprint;
import dev.tender.demand.Request;
import dev.tender.provider.ProviderId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The rules of section 2 in their order of precedence: exclusivity, first refusal, market. */
public final class Routing {

    private final Footprint footprint;
    private final List<RoutingRule> rules;

    public Routing(AgreementBook book, Footprint footprint, Duration offerWindow) {
        this.footprint = footprint;
        this.rules = List.of(new ExclusivityRule(book, offerWindow), new FirstRefusalRule(book), new MarketRule());
    }

    /** The route for {@code request} by the clauses in force at {@code at}. */
    public Route route(Request request, Instant at) {
        List<ProviderId> serving = footprint.providersFor(request.reach());
        for (RoutingRule rule : rules) {
            Optional<Route> route = rule.apply(request, at, serving);
            if (route.isPresent()) {
                return route.get();
            }
        }
        throw new IllegalStateException("the market rule always decides");
    }
}
