/**
 * The live node's durable state over JDBC: the command log and the events each command yielded,
 * stored together, and the API's tokens, hashed. H2 in a file is the default; PostgreSQL the
 * choice for production. Flyway keeps the schema.
 */
@NullMarked
package dev.tender.store;

import org.jspecify.annotations.NullMarked;
