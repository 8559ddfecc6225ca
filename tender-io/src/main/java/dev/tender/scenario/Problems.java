package dev.tender.scenario;

import java.util.ArrayList;
import java.util.List;

/** Every problem found while reading one scenario, in the order they were found. */
final class Problems {

    /** The path of problems that concern the document as a whole. */
    static final String DOCUMENT = "(yaml)";

    private final List<Problem> found = new ArrayList<>();

    void add(String path, String message) {
        found.add(new Problem(path.isEmpty() ? DOCUMENT : path, message));
    }

    /** How many problems so far; compare two counts to learn whether a part of the file was clean. */
    int count() {
        return found.size();
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    List<Problem> all() {
        return List.copyOf(found);
    }
}
