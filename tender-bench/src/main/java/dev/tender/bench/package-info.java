/** JMH benchmarks of the engine and a profiling run; not part of the product. */
@NullMarked
package dev.tender.bench;

import org.jspecify.annotations.NullMarked;
