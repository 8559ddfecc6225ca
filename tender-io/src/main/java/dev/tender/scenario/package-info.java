/** Scenario YAML to the domain, with every problem reported by its path. */
@NullMarked
package dev.tender.scenario;

import org.jspecify.annotations.NullMarked;
