/** The clauses of the buyer's agreements, the book that refuses conflicting ones, and the routing rules. */
@NullMarked
package dev.tender.agreement;

import org.jspecify.annotations.NullMarked;
