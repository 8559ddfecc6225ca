package dev.tender.ids;

/** The one rule every identifier follows, so ids survive logs, URLs and CSV without quoting. */
public final class Ids {

    private static final int LONGEST = 128;
    private static final String PUNCTUATION = "._:/@+-";

    private Ids() {}

    /** 1-128 characters of {@code [A-Za-z0-9._:/@+-]}, the first a letter or digit. */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > LONGEST || !isLetterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isLetterOrDigit(c) && PUNCTUATION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    public static String requireValid(String what, String value) {
        if (!isValid(value)) {
            throw new IllegalArgumentException(what + " must be 1-128 letters, digits or . _ : / @ + -"
                    + " starting with a letter or digit, not '" + value + "'");
        }
        return value;
    }
}
