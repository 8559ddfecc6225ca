/** A headless Chromium for the tests that open a report in a browser. */
@NullMarked
package dev.tender.cli.browser;

import org.jspecify.annotations.NullMarked;
