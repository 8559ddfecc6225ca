/** The event log as JSON lines: its writer, its reader and its schema. */
@NullMarked
package dev.tender.eventlog;

import org.jspecify.annotations.NullMarked;
