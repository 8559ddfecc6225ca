package dev.tender.agreement;

import dev.tender.demand.Request;
import dev.tender.provider.ProviderId;
import dev.tender.time.Durations;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Rules 2, 3 and 6: a right of first refusal in force that covers the request puts its holder
 * first ({@code first-look}) or last with the power to match ({@code match}), provided the holder
 * can serve the request at all. When it cannot, the market rule decides and says why.
 */
final class FirstRefusalRule implements RoutingRule {

    private final AgreementBook book;
    /** What each right gives its holder, in words, written once: routing asks per request. */
    private final IdentityHashMap<Agreement, String> sayings = new IdentityHashMap<>();

    FirstRefusalRule(AgreementBook book) {
        this.book = book;
        for (Agreement agreement : book.all()) {
            if (agreement instanceof RightOfFirstRefusal right) {
                sayings.put(right, describe(right));
            }
        }
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
        String reason = Objects.requireNonNull(sayings.get(right), "every right of the book was described");
        return Optional.of(
                right.mode() == RightOfFirstRefusal.Mode.FIRST_LOOK
                        ? new Route.FirstLook(right, serving, market, reason)
                        : new Route.Match(right, serving, market, reason));
    }

    private static String describe(RightOfFirstRefusal right) {
        String window = Durations.iso(right.window());
        if (right.mode() == RightOfFirstRefusal.Mode.FIRST_LOOK) {
            return right.id() + " gives " + right.holder() + " the first look at "
                    + right.scope().requests() + " for "
                    + window + (right.partial() ? ", and it may take part" : ", all or nothing")
                    + "; the market is asked only after it answers";
        }
        return right.id() + " lets " + right.holder() + " match the best market quote for "
                + right.scope().requests() + " within " + window + " after the market has answered"
                + (right.partial() ? "" : ", all or nothing");
    }
}
