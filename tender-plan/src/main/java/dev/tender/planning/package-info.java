/**
 * The best plan in hindsight: every request of a scenario's demand, its feasible pools and starts
 * as integer variables, the agreements as constraints and objective terms, solved with OR-Tools,
 * beside the LP relaxation's lower bound.
 */
@NullMarked
package dev.tender.planning;

import org.jspecify.annotations.NullMarked;
