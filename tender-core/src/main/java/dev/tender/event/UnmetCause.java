package dev.tender.event;

/**
 * Why units of a request went unmet, as the short codes that {@code CLOSED.cause} carries. A
 * request that went short for several reasons is filed under one, the first that applies in the
 * order these are declared: the precedence the summary states.
 */
public enum UnmetCause {
    /** The request was invalid or cancelled. */
    WITHDRAWN("withdrawn"),
    /** An exclusive made one provider the only seller, and it did not take them. */
    EXCLUSIVE("exclusive"),
    /** No provider has a pool of the accelerator in an allowed region. */
    NO_PROVIDER("no-provider"),
    /** A provider asked did not answer by the deadline: it might have had the units. */
    NO_ANSWER("no-answer"),
    /** A quote was above the request's maxPrice. */
    OVER_MAX_PRICE("over-max-price"),
    /** Every provider asked answered, and together they had fewer units than asked. */
    NO_CAPACITY("no-capacity");

    private final String code;

    UnmetCause(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
