package dev.tender.event;

import dev.tender.demand.RequestId;

/** One question to one provider about one request: {@code <request>.o<n>}. */
public record OfferId(String value) {

    public OfferId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("offer id is required");
        }
    }

    public static OfferId of(RequestId request, int number) {
        return new OfferId(request.value() + ".o" + number);
    }

    @Override
    public String toString() {
        return value;
    }
}
