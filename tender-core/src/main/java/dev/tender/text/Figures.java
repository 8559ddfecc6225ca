package dev.tender.text;

import dev.tender.money.Money;

/**
 * Numbers as Tender writes them for people, the same in the summary, in reasons and in {@code
 * explain}: whole numbers grouped by thousands with commas ({@code 42,767}), dollars grouped the
 * same way with their cents ({@code 434,558,341.80}).
 */
public final class Figures {

    private Figures() {}

    public static String whole(long value) {
        StringBuilder text = new StringBuilder(16);
        appendWhole(text, value);
        return text.toString();
    }

    /** Appends {@code value} grouped by thousands, without making a string of it first. */
    public static void appendWhole(StringBuilder text, long value) {
        if (value < 0) {
            text.append('-');
            if (value == Long.MIN_VALUE) {
                text.append("9,223,372,036,854,775,808");
                return;
            }
            value = -value;
        }
        appendGroups(text, value);
    }

    private static void appendGroups(StringBuilder text, long value) {
        if (value < 1000) {
            text.append(value);
            return;
        }
        appendGroups(text, value / 1000);
        long group = value % 1000;
        text.append(',');
        if (group < 100) {
            text.append(group < 10 ? "00" : "0");
        }
        text.append(group);
    }

    /** Dollars grouped by thousands, with the decimals {@link Money#toString()} gives (at least two). */
    public static String dollars(Money amount) {
        Money size = amount.micros() < 0 ? new Money(-amount.micros()) : amount;
        String plain = size.toString();
        int point = plain.indexOf('.');
        StringBuilder text = new StringBuilder(plain.length() + 8);
        if (amount.micros() < 0) {
            text.append('-');
        }
        appendWhole(text, Long.parseLong(plain.substring(0, point)));
        return text.append(plain, point, plain.length()).toString();
    }
}
