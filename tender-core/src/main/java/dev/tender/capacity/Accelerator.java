package dev.tender.capacity;

import dev.tender.catalog.AcceleratorId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A kind of chip. {@code h100e} is its speed in H100-equivalents; {@code kw} its all-in facility
 * power per unit, which turns a site's megawatts into units. Both are kept as the decimals the
 * scenario wrote, so the conversion is exact.
 */
public record Accelerator(AcceleratorId id, BigDecimal h100e, BigDecimal kw) {

    public Accelerator {
        Objects.requireNonNull(id, "id");
        if (h100e.signum() <= 0 || kw.signum() <= 0) {
            throw new IllegalArgumentException("accelerator " + id + " needs positive h100e and kw");
        }
    }

    /** Units a site of {@code megawatts} holds: {@code floor(MW x 1000 / kw)}, in exact decimal arithmetic. */
    public long unitsFor(BigDecimal megawatts) {
        BigDecimal units = megawatts.movePointRight(3).divide(kw, 0, RoundingMode.FLOOR);
        return units.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : units.longValue();
    }
}
