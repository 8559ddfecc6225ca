/** Providers, their sites, price lists and how they answer. */
@NullMarked
package dev.tender.provider;

import org.jspecify.annotations.NullMarked;
