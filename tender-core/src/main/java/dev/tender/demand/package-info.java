/** Requests for capacity, and the generators and traces they come from. */
@NullMarked
package dev.tender.demand;

import org.jspecify.annotations.NullMarked;
