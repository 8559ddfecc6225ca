package dev.tender.eventlog;

import dev.tender.event.EventType;
import dev.tender.money.Money;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Appends JSON values as UTF-8 bytes to a growing buffer. Written by hand because the log is the
 * hot path of a run (millions of events of known shape): no intermediate strings, no charset
 * encoder, and the date part of timestamps cached.
 */
final class JsonText implements EventType.FieldWriter {

    private static final long MICROS_PER_DOLLAR = 1_000_000L;
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** Room every event may use without asking: all its fields but the strings. */
    private static final int RESERVE = 2048;

    private final byte[] scratch = new byte[20];
    private byte[] bytes = new byte[1 << 16];
    private int length;
    private boolean first;
    /** Date prefixes by day, direct-mapped: an event's instants span a few days, a log a few years. */
    private final long[] cachedDays = new long[256];

    private final byte[][] cachedDates = new byte[256][];

    int length() {
        return length;
    }

    byte[] bytes() {
        return bytes;
    }

    void clear() {
        length = 0;
    }

    void beginObject() {
        ensure(RESERVE);
        bytes[length++] = '{';
        first = true;
    }

    void endObject() {
        bytes[length++] = '}';
        bytes[length++] = '\n';
    }

    @Override
    public void name(String name) {
        if (!first) {
            bytes[length++] = ',';
        }
        first = false;
        bytes[length++] = '"';
        for (int i = 0; i < name.length(); i++) {
            bytes[length++] = (byte) name.charAt(i);
        }
        bytes[length++] = '"';
        bytes[length++] = ':';
    }

    @Override
    public void number(long value) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                raw(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
                return;
            }
            bytes[length++] = '-';
            value = -value;
        }
        digits(value, 1);
    }

    @Override
    public void money(Money value) {
        money(value.micros());
    }

    @Override
    public void instant(Instant value) {
        bytes[length++] = '"';
        instantText(value);
        bytes[length++] = '"';
    }

    @Override
    public void text(String value) {
        string(value);
    }

    @Override
    public void texts(List<?> values) {
        bytes[length++] = '[';
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                bytes[length++] = ',';
            }
            string(values.get(i).toString());
        }
        bytes[length++] = ']';
    }

    @Override
    public void nothing() {
        raw(NULL);
    }

    private void string(String value) {
        if (value == null) {
            raw(NULL);
            return;
        }
        ensure(value.length() * 6 + RESERVE);
        bytes[length++] = '"';
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                bytes[length++] = '\\';
                bytes[length++] = (byte) c;
            } else if (c < 0x20) {
                bytes[length++] = '\\';
                bytes[length++] = 'u';
                bytes[length++] = '0';
                bytes[length++] = '0';
                bytes[length++] = HEX[c >> 4];
                bytes[length++] = HEX[c & 0xF];
            } else if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else {
                i = utf8(value, i);
            }
        }
        bytes[length++] = '"';
    }

    /** Encodes the character at {@code i} (a pair, if it is a surrogate) and returns the last index used. */
    private int utf8(String value, int i) {
        int codePoint = value.codePointAt(i);
        if (codePoint < 0x800) {
            bytes[length++] = (byte) (0xC0 | (codePoint >> 6));
        } else if (codePoint < 0x10000) {
            bytes[length++] = (byte) (0xE0 | (codePoint >> 12));
            bytes[length++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
        } else {
            bytes[length++] = (byte) (0xF0 | (codePoint >> 18));
            bytes[length++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
            bytes[length++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
        }
        bytes[length++] = (byte) (0x80 | (codePoint & 0x3F));
        return i + Character.charCount(codePoint) - 1;
    }

    /** Writes {@code value} (not negative) in decimal with at least {@code minimum} digits, zero-padded. */
    private void digits(long value, int minimum) {
        int at = scratch.length;
        if (value <= Integer.MAX_VALUE) {
            // Int division is much cheaper than long division, and nearly every number fits.
            int small = (int) value;
            do {
                scratch[--at] = (byte) ('0' + small % 10);
                small /= 10;
            } while (small != 0);
        } else {
            do {
                scratch[--at] = (byte) ('0' + value % 10);
                value /= 10;
            } while (value != 0);
        }
        while (scratch.length - at < minimum) {
            scratch[--at] = '0';
        }
        int count = scratch.length - at;
        System.arraycopy(scratch, at, bytes, length, count);
        length += count;
    }

    /** Dollars with at least two decimals and no trailing zeros beyond them, as {@link Money#toString()}. */
    private void money(long micros) {
        if (micros < 0) {
            bytes[length++] = '-';
            micros = -micros;
        }
        digits(micros / MICROS_PER_DOLLAR, 1);
        bytes[length++] = '.';
        long fraction = micros % MICROS_PER_DOLLAR;
        int decimals = 6;
        while (decimals > 2 && fraction % 10 == 0) {
            fraction /= 10;
            decimals--;
        }
        digits(fraction, decimals);
    }

    /** ISO-8601 UTC, exactly as {@link Instant#toString()} writes it. */
    private void instantText(Instant value) {
        long seconds = value.getEpochSecond();
        long day = Math.floorDiv(seconds, 86_400);
        byte[] date = value.getNano() == 0 ? datePrefix(day) : null;
        if (date == null) {
            raw(value.toString().getBytes(StandardCharsets.US_ASCII));
            return;
        }
        raw(date);
        int secondOfDay = Math.floorMod(seconds, 86_400);
        twoDigits(secondOfDay / 3600);
        bytes[length++] = ':';
        twoDigits(secondOfDay / 60 % 60);
        bytes[length++] = ':';
        twoDigits(secondOfDay % 60);
        bytes[length++] = 'Z';
    }

    /** {@code yyyy-mm-ddT} for the day, or null for a year Instant would not write in four digits. */
    private byte @Nullable [] datePrefix(long day) {
        int slot = (int) (day & (cachedDays.length - 1));
        if (cachedDates[slot] == null || cachedDays[slot] != day) {
            LocalDate date = LocalDate.ofEpochDay(day);
            if (date.getYear() < 0 || date.getYear() > 9999) {
                return null;
            }
            cachedDays[slot] = day;
            cachedDates[slot] = (date + "T").getBytes(StandardCharsets.US_ASCII);
        }
        return cachedDates[slot];
    }

    private void twoDigits(int value) {
        bytes[length++] = (byte) ('0' + value / 10);
        bytes[length++] = (byte) ('0' + value % 10);
    }

    private void raw(byte[] text) {
        System.arraycopy(text, 0, bytes, length, text.length);
        length += text.length;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
