package dev.tender.agreement;

/** The routes of section 2, as the log names them. */
public enum RouteKind {
    /** Rule 1: an exclusive makes one provider the only seller. */
    EXCLUSIVE,
    /** Rule 2: the holder of a first-look right is asked alone, then the market. */
    ROFR_FIRST_LOOK,
    /** Rule 3: the market is asked, then the holder of a match right may match the best quote. */
    ROFR_MATCH,
    /** Rule 4: every eligible provider is asked at once. */
    MARKET
}
