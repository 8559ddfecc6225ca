/** The picocli commands and the composition root: wires a scenario into a simulation and writes its files. */
@NullMarked
package dev.tender.cli;

import org.jspecify.annotations.NullMarked;
