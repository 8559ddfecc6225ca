package dev.tender.broker;

import dev.tender.agreement.AgreementId;
import dev.tender.agreement.Route;
import dev.tender.event.TerminalState;
import dev.tender.event.UnmetCause;
import dev.tender.text.Figures;
import org.jspecify.annotations.Nullable;

/**
 * The sentence a {@code CLOSED} event carries: the clause that routed the request, the commitment
 * whose preference decided the ranking if one did, what was awarded, and why the rest was not.
 */
final class Closing {

    private Closing() {}

    static String reason(Tender tender, TerminalState state, @Nullable UnmetCause cause) {
        StringBuilder text = new StringBuilder(128);
        text.append(clause(tender.route));
        for (int i = 0; i < tender.rankedBy.size(); i++) {
            text.append(i == 0 ? ", ranked by " : " and ")
                    .append(tender.rankedBy.get(i).id());
        }
        if (!tender.rankedBy.isEmpty()) {
            text.append(tender.rankedBy.size() == 1 ? "'s preference" : "'s preferences");
        }
        text.append(": ");
        int units = tender.request.units();
        if (tender.awards.isEmpty()) {
            text.append("nothing awarded");
        } else {
            Figures.appendWhole(text, tender.awarded);
            text.append(" of ");
            Figures.appendWhole(text, units);
            text.append(" units awarded (");
            for (int i = 0; i < tender.awards.size(); i++) {
                Tender.Awarded award = tender.awards.get(i);
                text.append(i == 0 ? "" : ", ").append(award.provider().value()).append(' ');
                Figures.appendWhole(text, award.units());
                text.append(" at ");
                award.unitPrice().appendTo(text);
            }
            text.append(')');
        }
        if (state != TerminalState.FULFILLED) {
            if (cause != null && cause != UnmetCause.WITHDRAWN) {
                text.append("; ");
                Figures.appendWhole(text, units - tender.awarded);
                text.append(" unmet (").append(cause.code()).append(')');
            }
            if (!tender.notes.isEmpty()) {
                text.append(": ");
                for (int i = 0; i < tender.notes.size(); i++) {
                    text.append(i == 0 ? "" : "; ").append(tender.notes.get(i).get());
                }
            }
        }
        return text.toString();
    }

    private static String clause(Route route) {
        if (route instanceof Route.ToMarket) {
            return "market";
        }
        StringBuilder ids = new StringBuilder();
        for (AgreementId id : route.agreements()) {
            ids.append(ids.length() == 0 ? "" : ", ").append(id.value());
        }
        if (route instanceof Route.ToExclusive) {
            return "exclusive " + ids;
        }
        if (route instanceof Route.FirstLook) {
            return "first look " + ids;
        }
        if (route instanceof Route.Match) {
            return "match right " + ids;
        }
        return "market";
    }
}
