package dev.tender.server.api;

import java.util.List;
import java.util.Objects;

/**
 * An answer the API refuses with (RFC 9457): a status, a title, the detail, and for bad input the
 * fields and what is wrong with each. Thrown by handlers, written by the one mapper in {@link Api}.
 */
public final class Problem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One field of the input and what is wrong with it. */
    public record FieldProblem(String field, String problem) {
        public FieldProblem {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(problem, "problem");
        }
    }

    private final int status;
    private final String title;
    private final List<FieldProblem> fields;

    public Problem(int status, String title, String detail, List<FieldProblem> fields) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.fields = List.copyOf(fields);
    }

    public Problem(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public static Problem invalid(List<FieldProblem> fields) {
        String detail = fields.size() == 1
                ? fields.get(0).field() + ": " + fields.get(0).problem()
                : fields.size() + " fields are wrong; see errors";
        return new Problem(422, "Invalid input", detail, fields);
    }

    public static Problem invalid(String field, String problem) {
        return invalid(List.of(new FieldProblem(field, problem)));
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "Not found", detail);
    }

    public static Problem conflict(String detail) {
        return new Problem(409, "Conflict", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return String.valueOf(getMessage());
    }

    public List<FieldProblem> fields() {
        return fields;
    }
}
