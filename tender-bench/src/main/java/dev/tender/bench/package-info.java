/** JMH benchmarks of the engine, a profiling run, and the live node's load driver and JDBC baseline (bench/serve); not part of the product. */
@NullMarked
package dev.tender.bench;

import org.jspecify.annotations.NullMarked;
