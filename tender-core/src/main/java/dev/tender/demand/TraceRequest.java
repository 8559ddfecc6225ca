package dev.tender.demand;

import java.time.Instant;
import java.util.Objects;

/** A request given explicitly, with the instant it is submitted. */
public record TraceRequest(Instant submitted, Request request) {

    public TraceRequest {
        Objects.requireNonNull(submitted, "submitted");
        Objects.requireNonNull(request, "request");
    }
}
