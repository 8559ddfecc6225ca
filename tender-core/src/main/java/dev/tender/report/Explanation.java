package dev.tender.report;

import dev.tender.demand.Request;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One request's story in plain sentences, told from its events alone. */
public final class Explanation {

    private Explanation() {}

    /** The sentences for the events of one request, in log order. */
    public static List<String> of(List<TenderEvent> events) {
        List<String> lines = new ArrayList<>();
        Map<OfferId, Offered> offers = new HashMap<>();
        Set<OfferId> awarded = new HashSet<>();
        List<Responded> quotes = new ArrayList<>();
        for (TenderEvent event : events) {
            if (event instanceof Submitted s) {
                lines.add(submitted(s));
            } else if (event instanceof Routed r) {
                lines.add(routed(r));
            } else if (event instanceof Offered o) {
                offers.put(o.offer(), o);
                lines.add(offered(o));
            } else if (event instanceof Responded r) {
                if (r.units() > 0) {
                    quotes.add(r);
                }
                lines.add(responded(r));
            } else if (event instanceof Awarded a) {
                awarded.add(a.offer());
                lines.add(awarded(a));
            } else if (event instanceof Closed c) {
                lines.add(closed(c));
            }
        }
        for (Responded quote : quotes) {
            if (!awarded.contains(quote.offer()) && quote.reason() == null) {
                lines.add("Not awarded: " + quote.provider() + "'s " + quote.units() + " units at " + quote.unitPrice()
                        + " were not needed; cheaper or earlier quotes filled the request first.");
            }
        }
        return lines;
    }

    private static String submitted(Submitted event) {
        Request r = event.details();
        return "At " + event.at() + " " + r.tenant() + " asked for " + r.units() + " " + r.accelerator() + " for "
                + r.hours() + "h of " + r.workload() + ", starting " + r.start()
                + (r.flex().isZero() ? "" : " or up to " + Durations.iso(r.flex()) + " later") + ", "
                + (r.regions().isEmpty() ? "in any region" : "in " + String.join(" or ", r.regions()))
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
