/** The hand-over of batches between two threads. */
@NullMarked
package dev.tender.pipe;

import org.jspecify.annotations.NullMarked;
