@NullMarked
package dev.tender.server.node;

import org.jspecify.annotations.NullMarked;
