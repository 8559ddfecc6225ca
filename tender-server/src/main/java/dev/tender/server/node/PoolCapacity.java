package dev.tender.server.node;

import dev.tender.capacity.Pool;
import java.util.Objects;

/**
 * One pool at one instant as the ledger counts it (in its bucket): units online, held by quotes not
 * yet awarded, awarded, and free. Online is held plus awarded plus free.
 */
public record PoolCapacity(Pool pool, long online, long held, long awarded, long free) {

    public PoolCapacity {
        Objects.requireNonNull(pool, "pool");
    }
}
