package dev.tender.broker;

import dev.tender.capacity.Pool;
import dev.tender.money.Money;
import java.time.Instant;

/**
 * Units a provider offered in answer to an offer. A quote the engine may award holds its units in
 * the ledger until they are awarded or released; a refused quote holds nothing and is never awarded.
 */
record Quote(Offer offer, Pool pool, int units, Money unitPrice, Instant start, Instant end, boolean awardable) {}
