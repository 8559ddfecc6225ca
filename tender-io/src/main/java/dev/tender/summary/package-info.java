/** summary.json and report.html, written from a run's summary. */
@NullMarked
package dev.tender.summary;

import org.jspecify.annotations.NullMarked;
