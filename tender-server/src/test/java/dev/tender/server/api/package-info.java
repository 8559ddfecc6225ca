@NullMarked
package dev.tender.server.api;

import org.jspecify.annotations.NullMarked;
