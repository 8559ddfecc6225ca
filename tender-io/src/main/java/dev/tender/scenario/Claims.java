package dev.tender.scenario;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Identifiers that must be unique within one scope, with where each was first used. */
final class Claims {

    private final String what;
    private final Map<String, String> firstAt = new HashMap<>();

    Claims(String what) {
        this.what = what;
    }

    /** True when {@code id} is new; else reports at {@code at} where it was first used. */
    boolean claim(String id, String entryPath, Node at) {
        String problem = claim(id, entryPath);
        if (problem != null) {
            at.problem(problem);
        }
        return problem == null;
    }

    /** Null when {@code id} is new; else the problem. For places that are not YAML nodes (trace rows). */
    @Nullable
    String claim(String id, String entryPath) {
        String first = firstAt.putIfAbsent(id, entryPath);
        return first == null ? null : "duplicate " + what + " " + Values.quoted(id) + " (first at " + first + ")";
    }
}
