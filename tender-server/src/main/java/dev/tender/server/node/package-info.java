/**
 * The live node: the engine behind a durable, ordered log of commands. One writer thread applies
 * the commands with the engine's clock at each command's instant and stores the events they yield
 * with them; on start the node replays the log into a fresh engine (ADR 0013).
 */
@NullMarked
package dev.tender.server.node;

import org.jspecify.annotations.NullMarked;
