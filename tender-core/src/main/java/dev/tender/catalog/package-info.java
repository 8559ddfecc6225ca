/** The typed names of the catalogue: accelerators, regions, workload classes. */
@NullMarked
package dev.tender.catalog;

import org.jspecify.annotations.NullMarked;
