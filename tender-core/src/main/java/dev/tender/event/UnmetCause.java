package dev.tender.event;

/** Why units of a request went unmet, as the short codes that {@code CLOSED.cause} carries. */
public enum UnmetCause {
    /** An exclusive made one provider the only seller, and it did not take them. */
    EXCLUSIVE("exclusive"),
    /** No provider has a pool of the accelerator in an allowed region. */
    NO_PROVIDER("no-provider"),
    /** Providers answered, but with fewer units than asked. */
    NO_CAPACITY("no-capacity"),
    /** Quotes were above the request's maxPrice. */
    OVER_MAX_PRICE("over-max-price"),
    /** Nobody answered before the deadline. */
    NO_ANSWER("no-answer"),
    /** The request was invalid or cancelled. */
    WITHDRAWN("withdrawn");

    private final String code;

    UnmetCause(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static UnmetCause ofCode(String code) {
        for (UnmetCause cause : values()) {
            if (cause.code.equals(code)) {
                return cause;
            }
        }
        throw new IllegalArgumentException("unknown cause " + code);
    }
}
