package dev.tender.event;

import java.math.BigDecimal;
import java.util.List;

/**
 * One value of an event as a reader of the log found it. Each method throws {@link
 * IllegalArgumentException}, saying what it found, when the value is not of that shape.
 */
public interface JsonValue {

    /** A whole number. */
    long whole();

    /** Any number, exactly as written. */
    BigDecimal decimal();

    String text();

    /** An array of strings. */
    List<String> texts();
}
