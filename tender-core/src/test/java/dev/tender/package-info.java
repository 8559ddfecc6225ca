/** Rules about the whole core: its dependencies, its cycles, its names. */
@NullMarked
package dev.tender;

import org.jspecify.annotations.NullMarked;
