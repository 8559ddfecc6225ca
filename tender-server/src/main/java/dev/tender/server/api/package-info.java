/**
 * The node's HTTP API under {@code /v1}: thin handlers over the node, bearer tokens with roles,
 * and one mapper that turns every error into {@code application/problem+json}.
 */
@NullMarked
package dev.tender.server.api;

import org.jspecify.annotations.NullMarked;
