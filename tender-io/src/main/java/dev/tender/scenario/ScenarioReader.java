package dev.tender.scenario;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tender.world.Scenario;
import dev.tender.world.Variant;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads a scenario file (DESIGN.md section 5) into a {@link Scenario}, or into the list of every
 * problem it has, each with its path. Never throws: unreadable files, YAML syntax errors and
 * invalid values all come back as {@link Result.Invalid}.
 *
 * <p>The YAML is parsed into a tree first; a validating walk then checks every key and value
 * against the schema, collecting problems instead of stopping at the first, and the domain
 * objects are built only when there are none. A scenario that loads comes with its warnings:
 * settings that can never work as intended, which do not stop it from running ({@link
 * ScenarioWarnings}). Instances are immutable and thread-safe.
 */
public final class ScenarioReader {

    /** The path of problems with the file itself rather than a value in it. */
    static final String FILE = "(file)";

    /** The path of a failure of the reader itself, which would be a bug in it. */
    static final String READER = "(reader)";

    private static final Pattern MARK = Pattern.compile("\\s*in '.*', line (\\d+), column (\\d+):?");

    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** A scenario, or why there is none. */
    public sealed interface Result {

        /**
         * The file was valid. {@code warnings} are settings that can never work as intended (none
         * for a clean file), in the order the reader walks the file; {@code variants} are the
         * scenario's variants, in file order, each a whole scenario.
         */
        record Loaded(Scenario scenario, List<Warning> warnings, List<Variant> variants) implements Result {
            public Loaded {
                Objects.requireNonNull(scenario, "scenario");
                warnings = List.copyOf(warnings);
                variants = List.copyOf(variants);
            }

            public Loaded(Scenario scenario, List<Warning> warnings) {
                this(scenario, warnings, List.of());
            }
        }

        /**
         * Every problem found (at least one), in the order the reader walks the file: the top-level
         * keys, then accelerators, providers, agreements, demand; within a section, in file order.
         */
        record Invalid(List<Problem> problems) implements Result {
            public Invalid {
                problems = List.copyOf(problems);
                if (problems.isEmpty()) {
                    throw new IllegalArgumentException("an invalid result needs at least one problem");
                }
            }

            /** One problem per line, as {@code tender validate} prints them. */
            @Override
            public String toString() {
                return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
            }
        }
    }

    /** Reads the scenario in {@code file}; a trace it names is resolved against the file's folder. */
    public Result read(Path file) {
        String text;
        Path absolute;
        try {
            absolute = file.toAbsolutePath().normalize();
            if (Files.isDirectory(absolute)) {
                return invalid(FILE, "a folder, not a scenario file: " + Values.quoted(file.toString()));
            }
            text = Files.readString(absolute);
        } catch (NoSuchFileException e) {
            return invalid(FILE, "no such file: " + Values.quoted(file.toString()));
        } catch (CharacterCodingException e) {
            return invalid(FILE, "not UTF-8 text: " + Values.quoted(file.toString()));
        } catch (IOException | InvalidPathException | SecurityException e) {
            return invalid(FILE, "cannot read " + Values.quoted(file.toString()) + ": " + e.getMessage());
        }
        Path name = absolute.getFileName();
        return read(text, absolute.getParent(), name == null ? file.toString() : name.toString());
    }

    /**
     * Reads a scenario from {@code yaml} text. {@code baseDir} is the folder a trace path is
     * relative to (null: the working directory); {@code sourceName} names the text in messages
     * about the document as a whole.
     */
    public Result read(String yaml, @Nullable Path baseDir, String sourceName) {
        Problems problems = new Problems();
        try {
            Optional<JsonNode> tree = parse(yaml, sourceName, problems);
            if (tree.isPresent()) {
                Optional<Result.Loaded> loaded = new ScenarioMapper(baseDir, problems).map(tree.get());
                if (loaded.isPresent() && problems.isEmpty()) {
                    return loaded.get();
                }
            }
        } catch (RuntimeException bug) {
            // The walk is meant to report, not throw; should it throw all the same, say so instead of crashing.
            problems.add(READER, "could not read " + sourceName + ": " + bug);
        }
        if (problems.isEmpty()) { // cannot happen: the mapper builds a scenario unless it reported why not
            problems.add(READER, "could not read " + sourceName + " and found no reason");
        }
        return new Result.Invalid(problems.all());
    }

    private Optional<JsonNode> parse(String text, String sourceName, Problems problems) {
        try (JsonParser parser = yaml.createParser(text)) {
            JsonNode tree = yaml.readTree(parser);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                problems.add(Problems.DOCUMENT, sourceName + " holds no scenario: the document is empty");
                return Optional.empty();
            }
            if (parser.nextToken() != null) {
                problems.add(
                        Problems.DOCUMENT,
                        at(parser.currentLocation()) + "a scenario file holds one YAML document, found another");
                return Optional.empty();
            }
            return Optional.of(tree);
        } catch (JacksonException e) {
            problems.add(Problems.DOCUMENT, syntaxProblem(e));
        } catch (IOException e) {
            problems.add(Problems.DOCUMENT, "cannot read " + sourceName + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() <= 0) {
            return "";
        }
        return at(location.getLineNr(), location.getColumnNr());
    }

    private static String at(int line, int column) {
        return "line " + line + ", column " + column + ": ";
    }

    /** One sentence of a SnakeYAML message and the place it refers to, if it names one. */
    private record Sentence(String text, @Nullable Place place) {}

    /** A line and column as SnakeYAML's mark gives them. */
    private record Place(String line, String column) {}

    /**
     * A YAML syntax error as {@code line 8, column 10: while parsing a flow mapping (line 7, column
     * 10), expected ',' or '}', but got :}. SnakeYAML appends an excerpt of the file (indented lines)
     * and marks ({@code in 'reader', line 7, column 10:}) to its sentences; the excerpt is dropped,
     * the last mark (where the parser gave up) leads the message, earlier ones stay in parentheses.
     */
    static String syntaxProblem(JacksonException e) {
        String original = e.getOriginalMessage();
        List<Sentence> sentences = new ArrayList<>();
        for (String line :
                original == null ? List.<String>of() : original.lines().toList()) {
            Matcher mark = MARK.matcher(line);
            int last = sentences.size() - 1;
            if (mark.matches() && last >= 0 && sentences.get(last).place() == null) {
                sentences.set(last, new Sentence(sentences.get(last).text(), new Place(mark.group(1), mark.group(2))));
            } else if (!mark.matches() && !line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                sentences.add(new Sentence(line.strip(), null));
            }
        }
        if (sentences.isEmpty()) {
            return at(e.getLocation()) + "not valid YAML";
        }
        int failed = -1; // the last sentence with a place: where the parser gave up
        for (int i = 0; i < sentences.size(); i++) {
            if (sentences.get(i).place() != null) {
                failed = i;
            }
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            Sentence sentence = sentences.get(i);
            Place place = sentence.place();
            texts.add(sentence.text()
                    + (place != null && i != failed
                            ? " (line " + place.line() + ", column " + place.column() + ")"
                            : ""));
        }
        Place failedAt = failed < 0 ? null : sentences.get(failed).place();
        String where = failedAt == null
                ? at(e.getLocation())
                : at(Integer.parseInt(failedAt.line()), Integer.parseInt(failedAt.column()));
        return where + String.join(", ", texts);
    }

    private static Result invalid(String path, String message) {
        return new Result.Invalid(List.of(new Problem(path, message)));
    }
}
