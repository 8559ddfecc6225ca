package dev.tender.broker;

import java.time.Instant;

/** Runs an action at an instant of the engine's clock: virtual in simulation, real when live. */
@FunctionalInterface
public interface Scheduler {

    /** Actions at the same instant run in the order they were scheduled. */
    void at(Instant when, Runnable action);
}
