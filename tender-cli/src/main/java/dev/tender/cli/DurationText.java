package dev.tender.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A duration as people type one: {@code 60s}, {@code 5m}, {@code 2h}, {@code 7d}, or ISO-8601 ({@code PT60S}, {@code P7D}). */
final class DurationText implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return positive(Duration.parse(t.toUpperCase(Locale.ROOT)), text);
            }
            if (t.length() > 1) {
                long amount = Long.parseLong(t.substring(0, t.length() - 1));
                Duration duration =
                        switch (t.charAt(t.length() - 1)) {
                            case 's' -> Duration.ofSeconds(amount);
                            case 'm' -> Duration.ofMinutes(amount);
                            case 'h' -> Duration.ofHours(amount);
                            case 'd' -> Duration.ofDays(amount);
                            default -> null;
                        };
                if (duration != null) {
                    return positive(duration, text);
                }
            }
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            // told below, in the same words as any other text that is not a duration
        }
        throw new TypeConversionException(
                "'" + text + "' is not a duration; write 60s, 5m, 2h, 7d or ISO-8601 such as PT60S or P7D");
    }

    private static Duration positive(Duration duration, String text) {
        if (duration.isNegative() || duration.isZero()) {
            throw new TypeConversionException("'" + text + "' must be longer than nothing");
        }
        return duration;
    }
}
