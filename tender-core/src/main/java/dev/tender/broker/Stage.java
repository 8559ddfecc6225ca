package dev.tender.broker;

/** Where a request is in its tender; each stage is one round of offers with one deadline. */
enum Stage {
    /** The exclusive provider alone. */
    EXCLUSIVE,
    /** The holder of a first-look right alone. */
    FIRST_LOOK,
    /** Every eligible provider, or after a first look every one but the holder. */
    MARKET,
    /** The market before the holder of a match right. */
    MATCH_MARKET,
    /** The holder, asked to match the best market quote. */
    MATCH_HOLDER,
    /** The holder of a match right when the market gave no quote: on its own terms. */
    MATCH_OWN_TERMS
}
