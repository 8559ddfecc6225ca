package dev.tender.broker;

import dev.tender.event.OfferId;

/** Where providers hand in their answers. */
@FunctionalInterface
public interface OfferDesk {

    Reply answer(OfferId offer, Answer answer);
}
