package dev.tender.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command lines of the load tools: {@code --name value} pairs, each name one of those the
 * tool knows; a name given twice, an unknown name or a name without a value is refused.
 */
final class Flags {

    private final Map<String, String> values = new HashMap<>();

    private Flags() {}

    static Flags parse(String[] args, List<String> known) {
        Flags flags = new Flags();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || !known.contains(name.substring(2))) {
                throw new IllegalArgumentException(
                        "unknown option " + name + "; known: --" + String.join(", --", known));
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            if (flags.values.put(name.substring(2), args[++i]) != null) {
                throw new IllegalArgumentException(name + " is given twice");
            }
        }
        return flags;
    }

    String text(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    long whole(String name, long fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not " + value, e);
        }
    }
}
