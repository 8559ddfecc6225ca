package dev.tender.demand;

import dev.tender.ids.Ids;

/** Names one request for its whole life: in the log, in {@code explain}, in the API. */
public record RequestId(String value) implements Comparable<RequestId> {

    public RequestId {
        Ids.requireValid("request id", value);
    }

    @Override
    public int compareTo(RequestId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
