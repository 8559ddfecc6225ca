package dev.tender.scenario;

import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.Region;
import dev.tender.catalog.WorkloadClass;
import dev.tender.demand.Request;
import dev.tender.demand.RequestId;
import dev.tender.demand.TenantId;
import dev.tender.demand.TraceRequest;
import dev.tender.money.Money;
import dev.tender.scenario.Values.Parsed;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code demand.trace}: explicit requests from a CSV file next to the scenario. Fields hold no
 * commas or quotes, so a line is split at its commas. Problems are reported at {@code
 * demand.trace[<line>].<column>}, the header being line 1. Empty lines are skipped; an empty
 * {@code regions} allows any region, an empty {@code maxPrice} any price, an empty {@code flex} none.
 */
final class TraceReader {

    static final String HEADER = "id,submitted,tenant,workload,accelerator,units,start,hours,flex,regions,maxPrice";

    private static final int COLUMNS = HEADER.split(",").length;

    private final @Nullable Path baseDir;
    private final Catalog catalog;
    private final Problems problems;
    private final Optional<Instant> scenarioStart;
    private final List<String> generatorIds;

    /**
     * {@code baseDir}: the folder of the scenario file, against which the trace path is resolved.
     * {@code generatorIds}: the generators' ids, whose requests are named {@code <id>-<n>}.
     */
    TraceReader(
            @Nullable Path baseDir,
            Catalog catalog,
            Problems problems,
            Optional<Instant> scenarioStart,
            List<String> generatorIds) {
        this.baseDir = baseDir;
        this.catalog = catalog;
        this.problems = problems;
        this.scenarioStart = scenarioStart;
        this.generatorIds = List.copyOf(generatorIds);
    }

    /** Why a trace id cannot be used, or null: generated requests are named {@code <generator>-<n>}. */
    private @Nullable String generatedName(String id) {
        for (String generator : generatorIds) {
            if (id.startsWith(generator + "-")
                    && id.substring(generator.length() + 1).matches("[0-9]+")) {
                return "is how generator " + generator + " names its requests, got " + Values.quoted(id);
            }
        }
        return null;
    }

    /** A trace request and the line of the file it was read from, the header being line 1. */
    record Line(int number, TraceRequest request) {}

    List<Line> read(Node node) {
        Optional<String> name = node.check(node.text(), text -> !text.isBlank(), "expected a file name");
        if (name.isEmpty()) {
            return List.of();
        }
        Optional<List<String>> lines = lines(node, name.get());
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> text = lines.get();
        String header = text.isEmpty() ? "" : stripByteOrderMark(text.get(0));
        if (!header.equals(HEADER)) {
            problems.add(rowPath(node, 1), "expected the header '" + HEADER + "', got " + Values.quoted(header));
            return List.of();
        }
        Claims ids = new Claims("request id");
        List<Line> requests = new ArrayList<>();
        for (int i = 1; i < text.size(); i++) {
            if (!text.get(i).isBlank()) {
                int number = i + 1;
                new Row(rowPath(node, number), text.get(i))
                        .read(ids)
                        .ifPresent(request -> requests.add(new Line(number, request)));
            }
        }
        return requests;
    }

    private Optional<List<String>> lines(Node node, String name) {
        Path file;
        try {
            file = (baseDir == null ? Path.of(name) : baseDir.resolve(name))
                    .toAbsolutePath()
                    .normalize();
        } catch (InvalidPathException e) {
            node.problem("not a valid file name: " + Values.quoted(name));
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            node.problem("no such file: " + Values.quoted(name) + " (looked for " + file + ")");
        } catch (CharacterCodingException e) {
            node.problem("not UTF-8 text: " + Values.quoted(name));
        } catch (IOException | SecurityException e) {
            node.problem("cannot read " + Values.quoted(name) + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    private static String rowPath(Node node, int line) {
        return node.path() + "[" + line + "]";
    }

    private static String stripByteOrderMark(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** One line of the trace; reports each bad field at {@code <row>.<column>}. */
    private final class Row {

        private final String path;
        private final String line;
        private final int mark = problems.count();
        private final String[] fields;

        Row(String path, String line) {
            this.path = path;
            this.line = line;
            this.fields = line.split(",", -1);
        }

        Optional<TraceRequest> read(Claims ids) {
            if (line.indexOf('"') >= 0 || line.indexOf('\'') >= 0) {
                problems.add(
                        path, "quotes are not supported (fields hold no commas or quotes), got " + Values.quoted(line));
                return Optional.empty();
            }
            if (fields.length != COLUMNS) {
                problems.add(
                        path, "expected " + COLUMNS + " fields, got " + fields.length + ": " + Values.quoted(line));
                return Optional.empty();
            }
            Optional<String> id = required(0, "id")
                    .filter(text -> ok("id", Values.idProblem("request id", text)))
                    .filter(text -> ok("id", ids.claim(text, path)))
                    .filter(text -> ok("id", generatedName(text)));
            Optional<Instant> submitted = required(1, "submitted")
                    .flatMap(text -> parsed("submitted", Values.instant(text)))
                    .filter(at -> ok("submitted", beforeStart(at)));
            Optional<String> tenant =
                    required(2, "tenant").filter(text -> ok("tenant", Values.idProblem("tenant", text)));
            Optional<String> workload =
                    required(3, "workload").filter(text -> ok("workload", catalog.workloadProblem(text)));
            Optional<String> accelerator =
                    required(4, "accelerator").filter(text -> ok("accelerator", catalog.acceleratorProblem(text)));
            Optional<Integer> units = required(5, "units").flatMap(text -> parsed("units", Values.positiveInt(text)));
            Optional<Instant> start = required(6, "start")
                    .flatMap(text -> parsed("start", Values.instant(text)))
                    .filter(at -> ok("start", startsBeforeSubmission(at, submitted)));
            Optional<Integer> hours = required(7, "hours").flatMap(text -> parsed("hours", Values.positiveInt(text)));
            Optional<Duration> flex =
                    field(8).isEmpty() ? Optional.of(Duration.ZERO) : parsed("flex", Values.exact(field(8)));
            List<String> regions = regions();
            Optional<Money> maxPrice = field(10).isEmpty() ? Optional.empty() : maxPrice(field(10));
            if (problems.count() != mark
                    || !Values.allPresent(id, submitted, tenant, workload, accelerator, units, start, hours, flex)) {
                return Optional.empty();
            }
            Request request = new Request(
                    new RequestId(id.get()),
                    new TenantId(tenant.get()),
                    new WorkloadClass(workload.get()),
                    new AcceleratorId(accelerator.get()),
                    units.get(),
                    start.get(),
                    hours.get(),
                    flex.get(),
                    regions.stream().map(Region::new).toList(),
                    maxPrice.orElse(null));
            return Optional.of(new TraceRequest(submitted.get(), request));
        }

        /** Why a submission instant cannot be used, or null. */
        private @Nullable String beforeStart(Instant submitted) {
            return scenarioStart
                    .filter(submitted::isBefore)
                    .map(start -> "is before the scenario's start " + start + ", got " + submitted)
                    .orElse(null);
        }

        /** Why a start cannot be used, or null: a request cannot ask for capacity before it is made. */
        private @Nullable String startsBeforeSubmission(Instant start, Optional<Instant> submitted) {
            return submitted
                    .filter(start::isBefore)
                    .map(at -> "is before the request is submitted (" + at + "), got " + start)
                    .orElse(null);
        }

        private String field(int index) {
            return fields[index].trim();
        }

        private Optional<String> required(int index, String column) {
            if (field(index).isEmpty()) {
                problems.add(path + "." + column, "must not be empty");
                return Optional.empty();
            }
            return Optional.of(field(index));
        }

        private List<String> regions() {
            List<String> regions = new ArrayList<>();
            if (field(9).isEmpty()) {
                return regions;
            }
            for (String part : field(9).split(";", -1)) {
                String region = part.trim();
                String problem = Values.idProblem("region", region);
                if (problem == null && regions.contains(region)) {
                    problem = Values.quoted(region) + " is listed twice in " + Values.quoted(field(9));
                }
                if (ok("regions", problem)) {
                    regions.add(region);
                }
            }
            return regions;
        }

        private Optional<Money> maxPrice(String text) {
            return parsed("maxPrice", Values.decimal(text))
                    .flatMap(amount -> parsed("maxPrice", Values.money(amount, Values.quoted(text))));
        }

        private boolean ok(String column, @Nullable String problem) {
            if (problem != null) {
                problems.add(path + "." + column, problem);
            }
            return problem == null;
        }

        private <T> Optional<T> parsed(String column, Parsed<T> parsed) {
            return parsed.orReport(problem -> problems.add(path + "." + column, problem));
        }
    }
}
