package dev.tender.event;

/** How a request ends; every request ends in exactly one of these. */
public enum TerminalState {
    FULFILLED,
    PARTIAL,
    UNFULFILLED,
    REJECTED,
    CANCELLED
}
