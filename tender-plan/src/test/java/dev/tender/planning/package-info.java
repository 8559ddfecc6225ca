// The tests are null-marked as the main code is, so NullAway checks them too.
@NullMarked
package dev.tender.planning;

import org.jspecify.annotations.NullMarked;
