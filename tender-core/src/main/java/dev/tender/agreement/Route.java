package dev.tender.agreement;

import dev.tender.provider.ProviderId;
import java.time.Duration;
import java.util.List;

/**
 * Where a request goes first, decided by the clauses in force at submission, with the reason in
 * words that name the clause.
 */
public sealed interface Route {

    /** The route's name in the event log. */
    RouteKind kind();

    /** Ids of the clauses that decided the route. */
    List<AgreementId> agreements();

    /** Providers that may be asked. Empty: nobody can serve, and the request closes at once. */
    List<ProviderId> eligible();

    String reason();

    /** Only {@code provider} may serve; it is offered the whole request with {@code window} to answer. */
    record ToExclusive(
            List<AgreementId> agreements,
            ProviderId provider,
            Duration window,
            List<ProviderId> eligible,
            String reason)
            implements Route {
        public ToExclusive {
            agreements = List.copyOf(agreements);
            eligible = List.copyOf(eligible);
        }

        @Override
        public RouteKind kind() {
            return RouteKind.EXCLUSIVE;
        }
    }

    /** The holder of a first-look right is asked alone first; {@code market} is who is asked after. */
    record FirstLook(RightOfFirstRefusal right, List<ProviderId> eligible, List<ProviderId> market, String reason)
            implements Route {
        public FirstLook {
            eligible = List.copyOf(eligible);
            market = List.copyOf(market);
        }

        @Override
        public RouteKind kind() {
            return RouteKind.ROFR_FIRST_LOOK;
        }

        @Override
        public List<AgreementId> agreements() {
            return List.of(right.id());
        }
    }

    /** {@code market} is asked first; then the holder may match the best quote. */
    record Match(RightOfFirstRefusal right, List<ProviderId> eligible, List<ProviderId> market, String reason)
            implements Route {
        public Match {
            eligible = List.copyOf(eligible);
            market = List.copyOf(market);
        }

        @Override
        public RouteKind kind() {
            return RouteKind.ROFR_MATCH;
        }

        @Override
        public List<AgreementId> agreements() {
            return List.of(right.id());
        }
    }

    /** Every eligible provider is asked at once. */
    record ToMarket(List<ProviderId> eligible, String reason) implements Route {
        public ToMarket {
            eligible = List.copyOf(eligible);
        }

        @Override
        public RouteKind kind() {
            return RouteKind.MARKET;
        }

        @Override
        public List<AgreementId> agreements() {
            return List.of();
        }
    }
}
