/** Everything that does not change during a run, and a world with its demand. */
@NullMarked
package dev.tender.world;

import org.jspecify.annotations.NullMarked;
