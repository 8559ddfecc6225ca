package dev.tender.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tender.compare.Comparison;
import dev.tender.compare.Estimate;
import dev.tender.compare.Figure;
import dev.tender.world.Variant;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code compare.json} (every figure of every run, with the estimates) and {@code compare.csv}
 * (one row per entrant and figure: {@code variant,figure,unit,mean,low,high,diff,diffLow,diffHigh},
 * the base's differences zero).
 */
final class ComparisonFiles {

    /** How the intervals are made, in the files themselves, so a reader need not look it up. */
    static final String INTERVALS = "90% confidence intervals of the mean over the runs (Student's t);"
            + " differences are paired by run (run k of a variant minus run k of the base, the same demand)";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private ComparisonFiles() {}

    static void writeJson(Comparison.Outcome outcome, String scenario, long seed, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("scenario", scenario);
        root.put("seed", seed);
        root.put("runs", outcome.runs());
        root.put("base", outcome.base().name());
        root.put("intervals", INTERVALS);
        ArrayNode entrants = root.putArray("variants");
        for (int e = 0; e < outcome.entrants().size(); e++) {
            Variant entrant = outcome.entrants().get(e);
            ObjectNode node = entrants.addObject();
            node.put("name", entrant.name());
            node.put("description", entrant.description());
            ArrayNode seeds = node.putArray("seeds");
            for (int k = 0; k < outcome.runs(); k++) {
                seeds.add(seed + k);
            }
            ArrayNode figures = node.putArray("figures");
            for (Figure figure : outcome.figures()) {
                ObjectNode f = figures.addObject();
                f.put("name", figure.name());
                f.put("unit", figure.unit());
                ArrayNode runs = f.putArray("runs");
                for (double value : outcome.values(e, figure)) {
                    runs.add(value);
                }
                estimate(f, outcome.estimate(e, figure));
                estimate(f.putObject("diff"), outcome.difference(e, figure));
            }
        }
        JSON.writeValue(file.toFile(), root);
    }

    private static void estimate(ObjectNode node, Estimate estimate) {
        node.put("mean", estimate.mean());
        node.put("low", estimate.low());
        node.put("high", estimate.high());
    }

    static void writeCsv(Comparison.Outcome outcome, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("variant,figure,unit,mean,low,high,diff,diffLow,diffHigh\n");
            for (int e = 0; e < outcome.entrants().size(); e++) {
                for (Figure figure : outcome.figures()) {
                    Estimate value = outcome.estimate(e, figure);
                    Estimate diff = outcome.difference(e, figure);
                    out.write(String.join(
                                    ",",
                                    csv(outcome.entrants().get(e).name()),
                                    csv(figure.name()),
                                    csv(figure.unit()),
                                    number(value.mean()),
                                    number(value.low()),
                                    number(value.high()),
                                    number(diff.mean()),
                                    number(diff.low()),
                                    number(diff.high()))
                            + "\n");
                }
            }
        }
    }

    /** Names are ids and units plain words, but a comma or a quote must not shift the columns. */
    private static String csv(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    /** Six decimals at most, without trailing zeros: {@code 10.5}, {@code 100}, {@code 0}. */
    static String number(double value) {
        String fixed = String.format(Locale.ROOT, "%.6f", value);
        String trimmed = fixed.replaceAll("0+$", "").replaceAll("\\.$", "");
        return trimmed.equals("-0") ? "0" : trimmed;
    }
}
