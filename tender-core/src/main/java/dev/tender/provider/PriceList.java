package dev.tender.provider;

import dev.tender.money.Money;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What a provider charges per unit-hour, by accelerator. */
public record PriceList(Map<String, Money> byAccelerator) {

    public PriceList {
        byAccelerator = Map.copyOf(byAccelerator);
        byAccelerator.forEach((accelerator, price) -> {
            if (!price.isPositive()) {
                throw new IllegalArgumentException("price of " + accelerator + " must be positive, not " + price);
            }
        });
    }

    public Optional<Money> priceOf(String accelerator) {
        return Optional.ofNullable(byAccelerator.get(accelerator));
    }

    @Override
    public String toString() {
        return new TreeMap<>(byAccelerator).toString();
    }
}
