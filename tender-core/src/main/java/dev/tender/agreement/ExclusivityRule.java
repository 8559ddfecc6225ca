package dev.tender.agreement;

import dev.tender.demand.Request;
import dev.tender.provider.ProviderId;
import java.time.Duration;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Rule 1: an exclusive in force that covers the request sends it to that provider alone, with the
 * holder's right-of-first-refusal window when it has one, else the default offer window.
 */
final class ExclusivityRule implements RoutingRule {

    private final AgreementBook book;
    private final Duration offerWindow;
    /** What each exclusive makes its provider, in words, written once: routing asks per request. */
    private final IdentityHashMap<Agreement, String> sayings = new IdentityHashMap<>();

    ExclusivityRule(AgreementBook book, Duration offerWindow) {
        this.book = book;
        this.offerWindow = offerWindow;
        for (Agreement agreement : book.all()) {
            if (agreement instanceof Exclusive exclusive) {
                sayings.put(exclusive, describe(List.of(exclusive), exclusive.provider()));
            }
        }
    }

    @Override
    public Optional<Route> apply(Request request, Instant at, List<ProviderId> serving) {
        List<Exclusive> clauses = book.exclusivesCovering(request, at);
        if (clauses.isEmpty()) {
            return Optional.empty();
        }
        ProviderId provider = clauses.get(0).provider();
        List<AgreementId> ids = clauses.stream().map(Exclusive::id).toList();
        String makes = clauses.size() == 1
                ? Objects.requireNonNull(sayings.get(clauses.get(0)), "every exclusive of the book was described")
                : describe(clauses, provider);
        if (!serving.contains(provider)) {
            return Optional.of(new Route.ToExclusive(
                    ids,
                    provider,
                    offerWindow,
                    List.of(),
                    makes + ", and " + provider + " has no " + request.accelerator() + " pool in an allowed region"));
        }
        Duration window = book.rightOf(provider, request, at)
                .map(RightOfFirstRefusal::window)
                .orElse(offerWindow);
        return Optional.of(
                new Route.ToExclusive(ids, provider, window, List.of(provider), makes + "; no one else is asked"));
    }

    /** "azure-api makes azure the only provider for api requests", the clauses' own scopes named. */
    private static String describe(List<Exclusive> clauses, ProviderId provider) {
        StringBuilder named = new StringBuilder();
        StringBuilder scopes = new StringBuilder();
        for (int i = 0; i < clauses.size(); i++) {
            String and = i == 0 ? "" : " and ";
            named.append(and).append(clauses.get(i).id());
            scopes.append(and).append(clauses.get(i).scope().requests());
        }
        return named + (clauses.size() == 1 ? " makes " : " make ") + provider + " the only provider for " + scopes;
    }
}
