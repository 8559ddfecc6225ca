/** Exact amounts of money and their sums. */
@NullMarked
package dev.tender.money;

import org.jspecify.annotations.NullMarked;
