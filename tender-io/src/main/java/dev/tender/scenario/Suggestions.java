package dev.tender.scenario;

import java.util.Collection;
import java.util.Comparator;

/** The known name closest to a misspelt one, to offer in a message. */
final class Suggestions {

    private Suggestions() {}

    /** {@code ; did you mean "x"?} for the closest of {@code known} within a few edits of {@code given}, else empty. */
    static String didYouMean(String given, Collection<String> known) {
        int allowed = Math.max(2, given.length() / 3);
        return known.stream()
                .filter(name -> !name.equals(given))
                .min(Comparator.comparingInt((String name) -> distance(given, name))
                        .thenComparing(name -> name))
                .filter(name -> distance(given, name) <= allowed)
                .map(name -> "; did you mean " + Values.quoted(name) + "?")
                .orElse("");
    }

    /** Levenshtein's edit distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
