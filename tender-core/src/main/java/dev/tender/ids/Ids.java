package dev.tender.ids;

import java.util.regex.Pattern;

/** The one rule every identifier follows, so ids survive logs, URLs and CSV without quoting. */
public final class Ids {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,127}");

    private Ids() {}

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    public static String requireValid(String what, String value) {
        if (!isValid(value)) {
            throw new IllegalArgumentException(what + " must be 1-128 letters, digits or . _ : / @ + -"
                    + " starting with a letter or digit, not '" + value + "'");
        }
        return value;
    }
}
