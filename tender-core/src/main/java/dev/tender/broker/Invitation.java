package dev.tender.broker;

import dev.tender.agreement.AgreementId;
import dev.tender.agreement.RightOfFirstRefusal;
import dev.tender.agreement.Route;
import dev.tender.event.OfferKind;
import dev.tender.provider.ProviderId;
import java.time.Duration;
import java.util.List;

/**
 * One round of offers, as a stage of the tender asks for it: who is asked, as what, for how long,
 * under which clause, whether part may be taken, and for a match the quote to match.
 */
record Invitation(
        Stage stage,
        List<ProviderId> providers,
        OfferKind kind,
        Duration window,
        AgreementId agreement,
        boolean partialAllowed,
        Quote toMatch) {

    static Invitation exclusive(Route.ToExclusive route) {
        return new Invitation(
                Stage.EXCLUSIVE,
                List.of(route.provider()),
                OfferKind.EXCLUSIVE,
                route.window(),
                route.agreements().get(0),
                true,
                null);
    }

    static Invitation firstLook(RightOfFirstRefusal right) {
        return holderAlone(Stage.FIRST_LOOK, right);
    }

    /** Rule 8: with no market quote, the holder of a match right is asked as in a first look. */
    static Invitation ownTerms(RightOfFirstRefusal right) {
        return holderAlone(Stage.MATCH_OWN_TERMS, right);
    }

    private static Invitation holderAlone(Stage stage, RightOfFirstRefusal right) {
        return new Invitation(
                stage, List.of(right.holder()), OfferKind.ROFR, right.window(), right.id(), right.partial(), null);
    }

    static Invitation match(RightOfFirstRefusal right, Quote best) {
        return new Invitation(
                Stage.MATCH_HOLDER, List.of(right.holder()), OfferKind.MATCH, right.window(), right.id(), true, best);
    }

    static Invitation market(Stage stage, List<ProviderId> market, Duration rfqWindow) {
        return new Invitation(stage, market, OfferKind.RFQ, rfqWindow, null, true, null);
    }
}
