package dev.tender.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One reading of a node's {@code /metrics} (Prometheus's text format): every sample by its name
 * and labels. Two readings subtract, so counters and histograms can be read over a phase of a run.
 */
final class Scrape {

    /** A series: the metric's name and its labels. */
    private record Series(String name, Map<String, String> labels) {}

    private final Map<Series, Double> samples;

    private Scrape(Map<Series, Double> samples) {
        this.samples = samples;
    }

    /** Reads the text format: {@code name{label="value",...} value}, comments and blank lines skipped. */
    static Scrape parse(String text) {
        Map<Series, Double> samples = new HashMap<>();
        for (String line : text.split("\n", -1)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            String name;
            Map<String, String> labels = new HashMap<>();
            if (brace >= 0 && brace < space) {
                name = line.substring(0, brace);
                int close = line.lastIndexOf('}');
                labels(line.substring(brace + 1, close), labels);
            } else {
                name = line.substring(0, space);
            }
            double value;
            try {
                value = Double.parseDouble(line.substring(space + 1).trim());
            } catch (NumberFormatException e) {
                continue; // a value this reader does not need, such as NaN written otherwise
            }
            samples.merge(new Series(name.trim(), labels), value, Double::sum);
        }
        return new Scrape(samples);
    }

    /** Label pairs {@code a="x",b="y"}; the node's label values hold neither quotes nor commas. */
    private static void labels(String text, Map<String, String> into) {
        for (String pair : text.split(",", -1)) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                into.put(
                        pair.substring(0, equals).trim(),
                        pair.substring(equals + 1).trim().replace("\"", ""));
            }
        }
    }

    /** This reading less {@code before}, sample by sample (a sample new since then counts from zero). */
    Scrape since(Scrape before) {
        Map<Series, Double> delta = new HashMap<>();
        samples.forEach((series, value) -> delta.put(series, value - before.samples.getOrDefault(series, 0.0)));
        return new Scrape(delta);
    }

    /** The sum of the samples named {@code name} whose labels include {@code label=value} (any labels when label is empty). */
    double sum(String name, String label, String value) {
        double sum = 0;
        for (Map.Entry<Series, Double> s : samples.entrySet()) {
            if (s.getKey().name().equals(name)
                    && (label.isEmpty() || value.equals(s.getKey().labels().get(label)))) {
                sum += s.getValue();
            }
        }
        return sum;
    }

    double sum(String name) {
        return sum(name, "", "");
    }

    /** The samples named {@code name} summed by the value of {@code label}, in the label's order. */
    Map<String, Double> by(String name, String label) {
        Map<String, Double> sums = new TreeMap<>();
        for (Map.Entry<Series, Double> s : samples.entrySet()) {
            String key = s.getKey().labels().get(label);
            if (s.getKey().name().equals(name) && key != null) {
                sums.merge(key, s.getValue(), Double::sum);
            }
        }
        return sums;
    }

    /**
     * The upper bound of the histogram bucket that holds quantile {@code q} of the histogram {@code
     * name} (its {@code _bucket} samples) for {@code label=value}, in the histogram's unit; NaN when
     * it counted nothing. An upper bound, as a bucketed histogram can give no better.
     */
    double quantileBound(String name, String label, String value, double q) {
        TreeMap<Double, Double> cumulative = new TreeMap<>();
        for (Map.Entry<Series, Double> s : samples.entrySet()) {
            Map<String, String> labels = s.getKey().labels();
            String le = labels.get("le");
            if (s.getKey().name().equals(name + "_bucket") && le != null && value.equals(labels.get(label))) {
                double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                cumulative.merge(bound, s.getValue(), Double::sum);
            }
        }
        if (cumulative.isEmpty() || cumulative.lastEntry().getValue() <= 0) {
            return Double.NaN;
        }
        double rank = q * cumulative.lastEntry().getValue();
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= rank) {
                return bucket.getKey();
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
