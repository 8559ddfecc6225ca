package dev.tender.broker;

import dev.tender.agreement.Route;
import dev.tender.demand.Request;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** One request's tender in progress: its route, the round of offers out now, the quotes held, what is awarded. */
final class Tender {

    final Request request;
    final Route route;
    /** When it was submitted: the clauses in force then are the ones that apply to it. */
    final Instant submitted;

    final List<String> awards = new ArrayList<>();
    /** Why units may go unmet, told only if they do: most requests are filled and never need the words. */
    final List<Supplier<String>> notes = new ArrayList<>();

    final List<Quote> held = new ArrayList<>();
    Stage stage;
    Round round;
    int awarded;
    int offersMade;
    int answers;
    int lapses;
    int overPrice;

    Tender(Request request, Route route, Instant submitted) {
        this.request = request;
        this.route = route;
        this.submitted = submitted;
    }

    int remaining() {
        return request.units() - awarded;
    }

    /** The offer numbered {@code number} when it is out in the current round and not answered yet. */
    Asked openOffer(int number) {
        if (round == null) {
            return null;
        }
        for (Asked asked : round.asked) {
            if (asked.offer.id().number() == number) {
                return asked.answered ? null : asked;
            }
        }
        return null;
    }

    /** The offers of one stage, answered or not; it ends when all are answered or at the deadline. */
    static final class Round {
        final Instant deadline;
        final List<Asked> asked = new ArrayList<>();
        final List<Quote> quotes = new ArrayList<>();
        int pending;

        Round(Instant deadline) {
            this.deadline = deadline;
        }
    }

    /** An offer and whether its provider has answered. */
    static final class Asked {
        final Tender tender;
        final Round round;
        final Offer offer;
        boolean answered;

        Asked(Tender tender, Round round, Offer offer) {
            this.tender = tender;
            this.round = round;
            this.offer = offer;
        }
    }
}
