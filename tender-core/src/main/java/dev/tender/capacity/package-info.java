/** Accelerators, pools and the capacity ledger that keeps every pool's free units per time bucket. */
@NullMarked
package dev.tender.capacity;

import org.jspecify.annotations.NullMarked;
