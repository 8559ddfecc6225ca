/** Spans, instants and the virtual clock of simulations. */
@NullMarked
package dev.tender.time;

import org.jspecify.annotations.NullMarked;
