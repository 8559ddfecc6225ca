/** Totals and a month-by-month timeline kept from the events, and a request's story. */
@NullMarked
package dev.tender.report;

import org.jspecify.annotations.NullMarked;
