/**
 * What a change of the world costs: a scenario and its variants played side by side on the same
 * demand, many runs each, and every figure of the runs with its 90 % interval and its paired
 * difference to the base.
 */
@NullMarked
package dev.tender.compare;

import org.jspecify.annotations.NullMarked;
