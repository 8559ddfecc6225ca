package dev.tender.event;

/** A provider's answer to an offer; {@code LAPSED} when none came by the deadline. */
public enum ResponseOutcome {
    ACCEPTED,
    PARTIAL,
    DECLINED,
    LAPSED
}
