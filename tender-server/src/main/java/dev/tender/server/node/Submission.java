package dev.tender.server.node;

import dev.tender.demand.RequestId;

/** What became of a submission. Refusals are values. */
public sealed interface Submission {

    /** A new request, logged and routed. */
    record Accepted(RequestId request) implements Submission {}

    /** A retry: the tenant sent this key before with the same demand, and gets the same request back. */
    record Repeated(RequestId request) implements Submission {}

    /** The tenant sent this key before with a different demand; nothing was done. */
    record KeyReused(RequestId request) implements Submission {}

    /** The node cannot take requests (it has no world yet). */
    record Refused(String reason) implements Submission {}
}
