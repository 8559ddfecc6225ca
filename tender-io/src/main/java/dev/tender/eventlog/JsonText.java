package dev.tender.eventlog;

import dev.tender.money.Money;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Appends JSON values to a builder. Written by hand because the log is the hot path of a run:
 * millions of events, each a few fields of known shape.
 */
final class JsonText {

    private final StringBuilder out;
    private long cachedDay = Long.MIN_VALUE;
    private String cachedDate;
    private boolean first;

    JsonText(StringBuilder out) {
        this.out = out;
    }

    void beginObject() {
        out.append('{');
        first = true;
    }

    void endObject() {
        out.append('}');
    }

    private StringBuilder name(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        return out.append('"').append(name).append("\":");
    }

    void field(String name, long value) {
        name(name).append(value);
    }

    void field(String name, String value) {
        name(name);
        string(value);
    }

    void field(String name, Money value) {
        name(name);
        if (value == null) {
            out.append("null");
        } else {
            value.appendTo(out);
        }
    }

    void field(String name, Instant value) {
        name(name);
        if (value == null) {
            out.append("null");
        } else {
            out.append('"');
            instant(value);
            out.append('"');
        }
    }

    void field(String name, Iterable<?> values) {
        name(name).append('[');
        boolean firstValue = true;
        for (Object value : values) {
            if (!firstValue) {
                out.append(',');
            }
            firstValue = false;
            string(value.toString());
        }
        out.append(']');
    }

    void nullableField(String name, Object value) {
        field(name, value == null ? null : value.toString());
    }

    private void string(String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** ISO-8601 UTC, as {@link Instant#toString()} writes it, with the date part cached. */
    private void instant(Instant value) {
        if (value.getNano() != 0) {
            out.append(value);
            return;
        }
        long seconds = value.getEpochSecond();
        long day = Math.floorDiv(seconds, 86_400);
        if (day != cachedDay) {
            LocalDate date = LocalDate.ofEpochDay(day);
            if (date.getYear() < 0 || date.getYear() > 9999) {
                out.append(value);
                return;
            }
            cachedDay = day;
            cachedDate = date + "T";
        }
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        out.append(cachedDate);
        twoDigits(secondOfDay / 3600);
        out.append(':');
        twoDigits(secondOfDay / 60 % 60);
        out.append(':');
        twoDigits(secondOfDay % 60);
        out.append('Z');
    }

    private void twoDigits(int value) {
        out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
