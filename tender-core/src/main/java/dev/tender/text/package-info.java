/** Figures written for people. */
@NullMarked
package dev.tender.text;

import org.jspecify.annotations.NullMarked;
