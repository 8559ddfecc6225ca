package dev.tender.broker;

/** What the engine says back to a provider that answered an offer. Refusals are values, not exceptions. */
public sealed interface Reply {

    record Received() implements Reply {}

    /** The answer was not taken, and nothing was recorded; the provider may answer again before the deadline. */
    record Refused(String reason) implements Reply {}

    /**
     * There is no open offer to answer any more: unknown, answered, lapsed, or its request was
     * closed. Nothing was recorded, and answering again will not help.
     */
    record Closed(String reason) implements Reply {}

    Reply RECEIVED = new Received();
}
