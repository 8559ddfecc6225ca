package dev.tender.server.node;

import dev.tender.capacity.TimeGrid;
import dev.tender.provider.ProviderId;
import dev.tender.world.World;
import java.util.Objects;
import java.util.Set;

/**
 * The world a node was loaded with, the grid its ledger covers (from the load to the scenario's
 * horizon later: a request must end inside it), and who answers through the API.
 */
public record LiveWorld(String name, World world, TimeGrid grid, Set<ProviderId> manual) {

    public LiveWorld {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(world, "world");
        Objects.requireNonNull(grid, "grid");
        manual = Set.copyOf(manual);
    }
}
