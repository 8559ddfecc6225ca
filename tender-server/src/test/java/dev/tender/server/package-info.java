@NullMarked
package dev.tender.server;

import org.jspecify.annotations.NullMarked;
