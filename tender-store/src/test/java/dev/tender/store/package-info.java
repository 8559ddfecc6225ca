// The tests are null-marked as the main code is, so NullAway checks them too.
@NullMarked
package dev.tender.store;

import org.jspecify.annotations.NullMarked;
