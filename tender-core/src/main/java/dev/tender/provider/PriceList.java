package dev.tender.provider;

import dev.tender.catalog.AcceleratorId;
import dev.tender.money.Money;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What a provider charges per unit-hour, by accelerator. */
public record PriceList(Map<AcceleratorId, Money> byAccelerator) {

    public PriceList {
        byAccelerator = Map.copyOf(byAccelerator);
        byAccelerator.forEach((accelerator, price) -> {
            if (!price.isPositive()) {
                throw new IllegalArgumentException("price of " + accelerator + " must be positive, not " + price);
            }
        });
    }

    public Optional<Money> priceOf(AcceleratorId accelerator) {
        return Optional.ofNullable(byAccelerator.get(accelerator));
    }

    @Override
    public String toString() {
        return new TreeMap<>(byAccelerator).toString();
    }
}
