package dev.tender.eventlog;

import dev.tender.money.Money;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Appends JSON values as UTF-8 bytes to a growing buffer. Written by hand because the log is the
 * hot path of a run (millions of events of known shape): no intermediate strings, no charset
 * encoder, and the date part of timestamps cached.
 */
final class JsonText {

    private static final long MICROS_PER_DOLLAR = 1_000_000L;
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes = new byte[1 << 16];
    private int length;
    private boolean first;
    private long cachedDay = Long.MIN_VALUE;
    private byte[] cachedDate;

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
        ensure(1);
        bytes[length++] = '{';
        first = true;
    }

    void endObject() {
        ensure(2);
        bytes[length++] = '}';
        bytes[length++] = '\n';
    }

    private void name(String name) {
        ensure(name.length() + 4);
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

    void field(String name, long value) {
        name(name);
        number(value);
    }

    void field(String name, String value) {
        name(name);
        string(value);
    }

    void field(String name, Money value) {
        name(name);
        if (value == null) {
            raw(NULL);
        } else {
            money(value.micros());
        }
    }

    void field(String name, Instant value) {
        name(name);
        if (value == null) {
            raw(NULL);
        } else {
            ensure(1);
            bytes[length++] = '"';
            instant(value);
            ensure(1);
            bytes[length++] = '"';
        }
    }

    void field(String name, Iterable<?> values) {
        name(name);
        ensure(1);
        bytes[length++] = '[';
        boolean firstValue = true;
        for (Object value : values) {
            if (!firstValue) {
                ensure(1);
                bytes[length++] = ',';
            }
            firstValue = false;
            string(value.toString());
        }
        ensure(1);
        bytes[length++] = ']';
    }

    void nullableField(String name, Object value) {
        field(name, value == null ? null : value.toString());
    }

    private void string(String value) {
        if (value == null) {
            raw(NULL);
            return;
        }
        ensure(value.length() * 6 + 2);
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

    private void number(long value) {
        ensure(20);
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

    /** Writes {@code value} in decimal with at least {@code minimum} digits, zero-padded. */
    private void digits(long value, int minimum) {
        int count = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            count++;
        }
        count = Math.max(count, minimum);
        ensure(count);
        for (int at = length + count - 1; at >= length; at--) {
            bytes[at] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += count;
    }

    /** Dollars with at least two decimals and no trailing zeros beyond them, as {@link Money#toString()}. */
    private void money(long micros) {
        if (micros < 0) {
            ensure(1);
            bytes[length++] = '-';
            micros = -micros;
        }
        digits(micros / MICROS_PER_DOLLAR, 1);
        ensure(1);
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
    private void instant(Instant value) {
        long seconds = value.getEpochSecond();
        long day = Math.floorDiv(seconds, 86_400);
        if (value.getNano() != 0 || !cacheDay(day)) {
            raw(value.toString().getBytes(StandardCharsets.US_ASCII));
            return;
        }
        raw(cachedDate);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        ensure(9);
        twoDigits(secondOfDay / 3600);
        bytes[length++] = ':';
        twoDigits(secondOfDay / 60 % 60);
        bytes[length++] = ':';
        twoDigits(secondOfDay % 60);
        bytes[length++] = 'Z';
    }

    private boolean cacheDay(long day) {
        if (day != cachedDay) {
            LocalDate date = LocalDate.ofEpochDay(day);
            if (date.getYear() < 0 || date.getYear() > 9999) {
                return false;
            }
            cachedDay = day;
            cachedDate = (date + "T").getBytes(StandardCharsets.US_ASCII);
        }
        return true;
    }

    private void twoDigits(int value) {
        bytes[length++] = (byte) ('0' + value / 10);
        bytes[length++] = (byte) ('0' + value % 10);
    }

    private void raw(byte[] text) {
        ensure(text.length);
        System.arraycopy(text, 0, bytes, length, text.length);
        length += text.length;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
