package dev.tender.capacity;

/** A run of buckets {@code [from, to)} of a {@link TimeGrid}; it may reach outside the grid. */
public record Window(long from, long to) {}
