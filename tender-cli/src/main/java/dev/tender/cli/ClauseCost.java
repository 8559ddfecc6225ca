package dev.tender.cli;

import dev.tender.money.Money;

/**
 * What a clause adds: the best plan with it less the best plan without it ({@code withHindsight}),
 * and the engine's run with it less without it ({@code online}), each total counting unmet
 * unit-hours at the same penalty; and the unmet unit-hours the clause adds in each.
 */
record ClauseCost(
        String clause, String kind, Money withHindsight, Money online, long unmetWithHindsight, long unmetOnline) {}
