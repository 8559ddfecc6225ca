package dev.tender.time;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The text {@link Instant#toString()} gives, made without a {@code DateTimeFormatter} for whole
 * seconds in the years 0 to 9999: reasons quote instants for every declined offer, and the
 * formatter was a twentieth of the engine's time.
 */
public final class Instants {

    private static final long SECONDS_PER_DAY = 86_400;
    private static final long FIRST = LocalDate.of(0, 1, 1).toEpochDay() * SECONDS_PER_DAY;
    private static final long AFTER_LAST = LocalDate.of(10_000, 1, 1).toEpochDay() * SECONDS_PER_DAY;

    private Instants() {}

    public static String iso(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (instant.getNano() != 0 || seconds < FIRST || seconds >= AFTER_LAST) {
            return instant.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int ofDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        char[] text = "0000-00-00T00:00:00Z".toCharArray();
        digits(text, 0, 4, date.getYear());
        digits(text, 5, 2, date.getMonthValue());
        digits(text, 8, 2, date.getDayOfMonth());
        digits(text, 11, 2, ofDay / 3600);
        digits(text, 14, 2, ofDay / 60 % 60);
        digits(text, 17, 2, ofDay % 60);
        return new String(text);
    }

    private static void digits(char[] text, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
