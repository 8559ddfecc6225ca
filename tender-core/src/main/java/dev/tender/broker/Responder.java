package dev.tender.broker;

/** A provider's side of the tender: it is told of each offer made to it, and answers at the desk later. */
@FunctionalInterface
public interface Responder {

    void offered(Offer offer, OfferDesk desk);

    /** A provider that never answers: its offers lapse at their deadlines. */
    static Responder silent() {
        return (offer, desk) -> {};
    }
}
