/** The tender process: routes a request, offers it round by round, takes answers, ranks, awards and closes. */
@NullMarked
package dev.tender.broker;

import org.jspecify.annotations.NullMarked;
