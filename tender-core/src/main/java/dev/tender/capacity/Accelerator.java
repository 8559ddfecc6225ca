package dev.tender.capacity;

import dev.tender.ids.Ids;

/**
 * A kind of chip. {@code h100e} is its speed in H100-equivalents; {@code kw} its all-in facility
 * power per unit, which turns a site's megawatts into units.
 */
public record Accelerator(String name, double h100e, double kw) {

    public Accelerator {
        Ids.requireValid("accelerator name", name);
        if (!(h100e > 0) || !(kw > 0)) {
            throw new IllegalArgumentException("accelerator " + name + " needs positive h100e and kw");
        }
    }

    /** Units a site of {@code megawatts} holds: {@code floor(MW x 1000 / kw)}. */
    public int unitsFor(double megawatts) {
        // The epsilon keeps 200 MW / 2.5 kW at 80000 despite binary fractions.
        double units = Math.floor(megawatts * 1000.0 / kw + 1e-9);
        if (units > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(megawatts + " MW of " + name + " is more units than Tender counts");
        }
        return (int) units;
    }
}
