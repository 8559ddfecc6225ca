/** The event log's records, their one schema, and the sink port decisions go to. */
@NullMarked
package dev.tender.event;

import org.jspecify.annotations.NullMarked;
