package dev.tender.agreement;

import dev.tender.demand.Request;
import dev.tender.provider.ProviderId;
import dev.tender.time.Durations;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Rules 2, 3 and 6: a right of first refusal in force that covers the request puts its holder
 * first ({@code first-look}) or last with the power to match ({@code match}), provided the holder
 * can serve the request at all. When it cannot, the market rule decides and says why.
 */
final class FirstRefusalRule implements RoutingRule {

    private final AgreementBook book;

    FirstRefusalRule(AgreementBook book) {
        this.book = book;
    }

    @Override
    public Optional<Route> apply(Request request, Instant at, List<ProviderId> serving) {
        Optional<RightOfFirstRefusal> covering = book.rightCovering(request, at);
        if (covering.isEmpty()) {
            return Optional.empty();
        }
        RightOfFirstRefusal right = covering.get();
        ProviderId holder = right.holder();
        if (!serving.contains(holder)) {
            return Optional.of(new Route.ToMarket(
                    serving,
                    right.id() + " would give " + holder + " the first refusal of "
                            + right.scope().requests() + ", but "
                            + holder + " has no " + request.accelerator() + " pool in an allowed region; "
                            + MarketRule.describeMarket(serving)));
        }
        List<ProviderId> market =
                serving.stream().filter(p -> !p.equals(holder)).toList();
        String window = Durations.iso(right.window());
        if (right.mode() == RightOfFirstRefusal.Mode.FIRST_LOOK) {
            return Optional.of(new Route.FirstLook(
                    right,
                    serving,
                    market,
                    right.id() + " gives " + holder + " the first look at "
                            + right.scope().requests() + " for "
                            + window + (right.partial() ? ", and it may take part" : ", all or nothing")
                            + "; the market is asked only after it answers"));
        }
        return Optional.of(new Route.Match(
                right,
                serving,
                market,
                right.id() + " lets " + holder + " match the best market quote for "
                        + right.scope().requests()
                        + " within " + window + " after the market has answered"
                        + (right.partial() ? "" : ", all or nothing")));
    }
}
