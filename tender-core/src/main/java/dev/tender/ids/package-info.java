/** What every typed id checks of its text. */
@NullMarked
package dev.tender.ids;

import org.jspecify.annotations.NullMarked;
