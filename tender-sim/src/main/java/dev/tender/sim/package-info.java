/** The simulator: demand, an agenda of timed actions and the run loop on a virtual clock. */
@NullMarked
package dev.tender.sim;

import org.jspecify.annotations.NullMarked;
