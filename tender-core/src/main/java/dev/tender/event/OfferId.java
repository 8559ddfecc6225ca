package dev.tender.event;

import dev.tender.demand.RequestId;
import dev.tender.ids.Ids;
import java.util.Objects;
import java.util.Optional;

/**
 * One question to one provider about one request: the request and the offer's number within it,
 * written {@code <request>.o<n>}. Kept as its two parts so the broker finds an offer through its
 * request, and the text is only made when it is written.
 */
public record OfferId(RequestId request, int number) {

    private static final String SEPARATOR = ".o";

    public OfferId {
        Objects.requireNonNull(request, "request");
        if (number < 1) {
            throw new IllegalArgumentException("offer numbers start at 1, not " + number);
        }
    }

    public static OfferId of(RequestId request, int number) {
        return new OfferId(request, number);
    }

    /** The id written as {@code text}; empty when the text is not an offer id. */
    public static Optional<OfferId> parse(String text) {
        int at = text == null ? -1 : text.lastIndexOf(SEPARATOR);
        if (at <= 0 || !digitsOnly(text, at + SEPARATOR.length())) {
            return Optional.empty();
        }
        String request = text.substring(0, at);
        String digits = text.substring(at + SEPARATOR.length());
        if (!Ids.isValid(request) || digits.length() > 10 || digits.charAt(0) == '0') {
            return Optional.empty();
        }
        long number = Long.parseLong(digits);
        return number > Integer.MAX_VALUE
                ? Optional.empty()
                : Optional.of(new OfferId(new RequestId(request), (int) number));
    }

    private static boolean digitsOnly(String text, int from) {
        if (from >= text.length()) {
            return false;
        }
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    public String value() {
        return request.value() + SEPARATOR + number;
    }

    @Override
    public String toString() {
        return value();
    }
}
