package dev.tender.broker;

import dev.tender.agreement.AgreementId;
import dev.tender.agreement.RightOfFirstRefusal;
import dev.tender.agreement.Route;
import dev.tender.event.OfferKind;
import dev.tender.provider.ProviderId;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One round of offers: who is asked, as what, for how long, under which clause, whether part may
 * be taken, and for a match the quote to match. The kind of offer and the request's route say
 * which round of its tender this is.
 */
record Invitation(
        List<ProviderId> providers,
        OfferKind kind,
        Duration window,
        @Nullable AgreementId agreement,
        boolean partialAllowed,
        @Nullable Quote toMatch) {

    static Invitation exclusive(Route.ToExclusive route) {
        return new Invitation(
                List.of(route.provider()),
                OfferKind.EXCLUSIVE,
                route.window(),
                route.agreements().get(0),
                true,
                null);
    }

    /** The holder alone: a first look (rule 2), or on its own terms when the market gave no quote (rule 8). */
    static Invitation holderAlone(RightOfFirstRefusal right) {
        return new Invitation(
                List.of(right.holder()), OfferKind.ROFR, right.window(), right.id(), right.partial(), null);
    }

    /** Rule 3: the holder may match the best market quote; an all-or-nothing right binds the match too. */
    static Invitation match(RightOfFirstRefusal right, Quote best) {
        return new Invitation(
                List.of(right.holder()), OfferKind.MATCH, right.window(), right.id(), right.partial(), best);
    }

    static Invitation market(List<ProviderId> market, Duration rfqWindow) {
        return new Invitation(market, OfferKind.RFQ, rfqWindow, null, true, null);
    }
}
