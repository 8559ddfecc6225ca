package dev.tender.agreement;

import dev.tender.demand.Request;
import dev.tender.provider.ProviderId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Rule 1: an exclusive in force that covers the request sends it to that provider alone, with the
 * holder's right-of-first-refusal window when it has one, else the default offer window.
 */
public final class ExclusivityRule implements RoutingRule {

    private final AgreementBook book;
    private final Duration offerWindow;

    public ExclusivityRule(AgreementBook book, Duration offerWindow) {
        this.book = book;
        this.offerWindow = offerWindow;
    }

    @Override
    public Optional<Route> apply(Request request, Instant at, List<ProviderId> serving) {
        List<Exclusive> clauses = book.exclusivesCovering(request, at);
        if (clauses.isEmpty()) {
            return Optional.empty();
        }
        ProviderId provider = clauses.get(0).provider();
        List<AgreementId> ids = clauses.stream().map(Exclusive::id).toList();
        String named = String.join(" and ", ids.stream().map(AgreementId::value).toList());
        String makes = ids.size() == 1 ? " makes " : " make ";
        if (!serving.contains(provider)) {
            return Optional.of(new Route.ToExclusive(
                    ids,
                    provider,
                    offerWindow,
                    List.of(),
                    named + makes + provider + " the only provider for this request, and " + provider + " has no "
                            + request.accelerator() + " pool in an allowed region"));
        }
        Duration window = book.rightOf(provider, request, at)
                .map(RightOfFirstRefusal::window)
                .orElse(offerWindow);
        return Optional.of(new Route.ToExclusive(
                ids,
                provider,
                window,
                List.of(provider),
                named + makes + provider + " the only provider for " + request.workload() + " " + request.accelerator()
                        + " requests; no one else is asked"));
    }
}
