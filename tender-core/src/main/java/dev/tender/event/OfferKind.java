package dev.tender.event;

/** Why a provider is asked: as the exclusive seller, as holder of a right, to match, or for a quote. */
public enum OfferKind {
    EXCLUSIVE,
    ROFR,
    MATCH,
    RFQ
}
