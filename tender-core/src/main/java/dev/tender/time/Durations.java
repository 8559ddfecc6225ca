package dev.tender.time;

import java.time.Duration;

/** ISO-8601 text for durations the way people write them: {@code P5D} rather than {@code PT120H}. */
public final class Durations {

    private Durations() {}

    public static String iso(Duration duration) {
        if (duration.isZero()) {
            return "PT0S";
        }
        long days = duration.toDays();
        Duration rest = duration.minusDays(days);
        StringBuilder text = new StringBuilder("P");
        if (days != 0) {
            text.append(days).append('D');
        }
        if (!rest.isZero()) {
            text.append(rest.toString().substring(1));
        }
        return text.toString();
    }
}
