package dev.tender.report;

import dev.tender.demand.Request;
import dev.tender.event.EventSink;
import dev.tender.event.OfferId;
import dev.tender.event.ResponseOutcome;
import dev.tender.event.TenderEvent;
import dev.tender.event.TenderEvent.Awarded;
import dev.tender.event.TenderEvent.Closed;
import dev.tender.event.TenderEvent.Offered;
import dev.tender.event.TenderEvent.Responded;
import dev.tender.event.TenderEvent.Routed;
import dev.tender.event.TenderEvent.Submitted;
import dev.tender.time.Durations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One request's story in plain sentences, told from its events alone. */
public final class Explanation {

    private Explanation() {}

    /** The sentences for the events of one request, in log order. */
    public static List<String> of(List<TenderEvent> events) {
        Reading reading = new Reading();
        events.forEach(reading::accept);
        return reading.lines();
    }

    /** The sentences so far, and what the note on quotes not needed must know. */
    private static final class Reading implements EventSink.ByKind {
        final List<String> lines = new ArrayList<>();
        final Set<OfferId> awarded = new HashSet<>();
        final List<Responded> quotes = new ArrayList<>();

        @Override
        public void submitted(Submitted event) {
            lines.add(Explanation.submitted(event));
        }

        @Override
        public void routed(Routed event) {
            lines.add(Explanation.routed(event));
        }

        @Override
        public void offered(Offered event) {
            lines.add(Explanation.offered(event));
        }

        @Override
        public void responded(Responded event) {
            if (event.units() > 0) {
                quotes.add(event);
            }
            lines.add(Explanation.responded(event));
        }

        @Override
        public void awarded(Awarded event) {
            awarded.add(event.offer());
            lines.add(Explanation.awarded(event));
        }

        @Override
        public void closed(Closed event) {
            lines.add(Explanation.closed(event));
        }

        List<String> lines() {
            for (Responded quote : quotes) {
                if (!awarded.contains(quote.offer()) && quote.reason() == null) {
                    lines.add("Not awarded: " + quote.provider() + "'s " + quote.units() + " units at "
                            + quote.unitPrice()
                            + " were not needed; cheaper or earlier quotes filled the request first.");
                }
            }
            return lines;
        }
    }

    private static String submitted(Submitted event) {
        Request r = event.details();
        return "At " + event.at() + " " + r.tenant() + " asked for " + r.units() + " " + r.accelerator() + " for "
                + r.hours() + "h of " + r.workload() + ", starting " + r.start()
                + (r.flex().isZero() ? "" : " or up to " + Durations.iso(r.flex()) + " later") + ", "
                + (r.regions().isEmpty()
                        ? "in any region"
                        : "in "
                                + String.join(
                                        " or ",
                                        r.regions().stream()
                                                .map(Object::toString)
                                                .toList()))
                + (r.maxPrice() == null ? "" : ", at no more than " + r.maxPrice() + " per unit-hour") + ".";
    }

    private static String routed(Routed event) {
        String eligible = event.eligible().isEmpty()
                ? "nobody can serve it"
                : "eligible: "
                        + String.join(
                                ", ",
                                event.eligible().stream().map(Object::toString).toList());
        return "Routed " + event.route() + " because " + event.reason() + " (" + eligible + ").";
    }

    private static String offered(Offered event) {
        String clause = event.agreement() == null ? "" : " under " + event.agreement();
        String match = event.matchPrice() == null ? "" : " at no more than " + event.matchPrice();
        return "At " + event.at() + " " + event.provider() + " was offered " + event.units() + " units (" + event.kind()
                + clause + match + "), to answer by " + event.deadline() + ".";
    }

    private static String responded(Responded event) {
        String who = "At " + event.at() + " " + event.provider();
        if (event.outcome() == ResponseOutcome.LAPSED) {
            return who + " had not answered: the offer lapsed.";
        }
        if (event.outcome() == ResponseOutcome.DECLINED) {
            return who + " declined" + (event.reason() == null ? "." : ": " + event.reason() + ".");
        }
        String refused = event.reason() == null ? "" : " Refused: " + event.reason() + ".";
        return who + " answered " + event.outcome() + ": " + event.units() + " units at " + event.unitPrice() + " from "
                + event.start() + " at " + event.site() + "." + refused;
    }

    private static String awarded(Awarded event) {
        return "Awarded " + event.units() + " " + event.accelerator() + " to " + event.provider() + " at "
                + event.site() + ", " + event.unitPrice() + " per unit-hour, from " + event.start() + " to "
                + event.end() + ": " + event.cost() + " USD.";
    }

    private static String closed(Closed event) {
        return "Closed " + event.outcome() + " at " + event.at() + " with " + event.units() + " units: "
                + event.reason() + ".";
    }
}
