package dev.tender.report;

import dev.tender.demand.Request;
import dev.tender.demand.RequestId;
import dev.tender.event.EventSink;
import dev.tender.event.OfferId;
import dev.tender.event.OfferKind;
import dev.tender.event.ResponseOutcome;
import dev.tender.event.TenderEvent;
import dev.tender.event.TenderEvent.Awarded;
import dev.tender.event.TenderEvent.Closed;
import dev.tender.event.TenderEvent.Offered;
import dev.tender.event.TenderEvent.Responded;
import dev.tender.event.TenderEvent.Routed;
import dev.tender.event.TenderEvent.Submitted;
import dev.tender.money.Money;
import dev.tender.text.Figures;
import dev.tender.time.Durations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** One request's story in plain sentences, told from its events alone. */
public final class Explanation {

    private Explanation() {}

    /** The sentences for the events of one request, in log order. */
    public static List<String> of(List<TenderEvent> events) {
        Reading reading = new Reading();
        events.forEach(reading::accept);
        return reading.lines();
    }

    /** The story as {@code tender explain} prints it: a heading naming the request, then a sentence a line. */
    public static String story(RequestId request, List<TenderEvent> events) {
        StringBuilder text = new StringBuilder("Request ").append(request).append(":\n");
        for (String sentence : of(events)) {
            text.append("  ").append(sentence).append('\n');
        }
        return text.toString();
    }

    /** The sentences so far, the offers made (a response is told by its offer's kind), and the quotes awarded. */
    private static final class Reading implements EventSink.ByKind {
        final List<String> lines = new ArrayList<>();
        final Map<OfferId, Offered> offers = new HashMap<>();
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
            offers.put(event.offer(), event);
            lines.add(Explanation.offered(event));
        }

        @Override
        public void responded(Responded event) {
            if (event.units() > 0) {
                quotes.add(event);
            }
            lines.add(Explanation.responded(event, offers.get(event.offer())));
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
                    lines.add("Not awarded: " + quote.provider() + "'s " + whole(quote.units()) + " units at "
                            + usd(quote.unitPrice())
                            + " were not needed; quotes ranked before them filled the request first.");
                }
            }
            return lines;
        }
    }

    private static String submitted(Submitted event) {
        Request r = event.details();
        return "At " + event.at() + " " + r.tenant() + " asked for " + whole(r.units()) + " " + r.accelerator()
                + " for "
                + whole(r.hours()) + "h of " + r.workload() + ", starting " + r.start()
                + (r.flex().isZero() ? "" : " or up to " + Durations.iso(r.flex()) + " later") + ", "
                + (r.regions().isEmpty()
                        ? "in any region"
                        : "in "
                                + String.join(
                                        " or ",
                                        r.regions().stream()
                                                .map(Object::toString)
                                                .toList()))
                + (r.maxPrice() == null ? "" : ", at no more than " + usd(r.maxPrice()) + " per unit-hour") + ".";
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
        if (event.kind() == OfferKind.MATCH) {
            return "At " + event.at() + " " + event.provider()
                    + " was offered the chance to match the best market quote, "
                    + usd(event.matchPrice()) + ", for up to " + whole(event.units()) + " units (MATCH" + clause
                    + "), to answer by " + event.deadline() + ".";
        }
        return "At " + event.at() + " " + event.provider() + " was offered " + whole(event.units()) + " units ("
                + event.kind() + clause + "), to answer by " + event.deadline() + ".";
    }

    /** {@code offer} is null only in a log that lacks the offer (one cut to a single request's lines has it). */
    private static String responded(Responded event, @Nullable Offered offer) {
        String who = "At " + event.at() + " " + event.provider();
        if (event.outcome() == ResponseOutcome.LAPSED) {
            return who + " had not answered: the offer lapsed.";
        }
        if (event.outcome() == ResponseOutcome.DECLINED) {
            return who + " declined" + (event.reason() == null ? "." : ": " + event.reason() + ".");
        }
        String refused = event.reason() == null ? "" : " Refused: " + event.reason() + ".";
        String where = " from " + event.start() + " at " + event.site() + ".";
        if (offer != null && offer.kind() == OfferKind.MATCH && event.reason() == null) {
            return who + matched(event, offer) + where;
        }
        return who + " answered " + event.outcome() + ": " + whole(event.units()) + " units at "
                + usd(event.unitPrice()) + where + refused;
    }

    /** " matched the best market quote, 9.00 USD: 100 units", or "..., for 60 of 100 units" when partial. */
    private static String matched(Responded event, Offered offer) {
        String quote = usd(offer.matchPrice());
        Money price = event.unitPrice();
        Money toMatch = offer.matchPrice();
        String verb = price != null && toMatch != null && price.compareTo(toMatch) < 0
                ? " beat the best market quote, " + quote + ", at " + usd(event.unitPrice())
                : " matched the best market quote, " + quote;
        return event.outcome() == ResponseOutcome.PARTIAL
                ? verb + ", for " + whole(event.units()) + " of " + whole(offer.units()) + " units"
                : verb + ": " + whole(event.units()) + " units";
    }

    private static String awarded(Awarded event) {
        return "Awarded " + whole(event.units()) + " " + event.accelerator() + " to " + event.provider() + " at "
                + event.site() + ", " + usd(event.unitPrice()) + " per unit-hour, from " + event.start() + " to "
                + event.end() + ": " + usd(event.cost()) + ".";
    }

    private static String closed(Closed event) {
        return "Closed " + event.outcome() + " at " + event.at() + " with " + whole(event.units()) + " units: "
                + event.reason() + ".";
    }

    private static String whole(long value) {
        return Figures.whole(value);
    }

    /** A price as the log gives it; a hand-made log may lack one that the engine always writes. */
    private static String usd(@Nullable Money amount) {
        return amount == null ? "no price given" : Figures.dollars(amount) + " USD";
    }
}
