package dev.tender.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refusals made below the routes, in the same {@code application/problem+json} as the routes'
 * own, and in UTF-8: what Jetty refuses before Javalin sees the request (a malformed request line
 * or %-escape, a path that is not UTF-8, a URI or headers too long), a query string that does not
 * decode (Javalin would drop such a parameter silently), and a body that is not UTF-8 (Javalin
 * would put U+FFFD for the bad bytes and the body might pass).
 */
public final class ProtocolProblems {

    private static final Logger LOG = LoggerFactory.getLogger(ProtocolProblems.class);

    private ProtocolProblems() {}

    /**
     * Installs them on a server's configuration; {@link Api#server} calls it once, after its own
     * before-handler, so a caller is authenticated before its query and body are looked at.
     */
    public static void install(JavalinConfig config) {
        config.jetty.modifyServer(server -> {
            server.setErrorHandler(new JettyRefusals());
            server.getMimeTypes().addAssumed(Api.PROBLEM_JSON, "utf-8");
            server.getMimeTypes().addAssumed("application/x-ndjson", "utf-8");
        });
        config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JettyRefusals()));
        config.routes.before(ProtocolProblems::wellFormedQuery);
        config.routes.before(ProtocolProblems::utf8Body);
    }

    /**
     * JSON is UTF-8 (RFC 8259): a body declared in another charset, or with bytes that are not
     * UTF-8, is refused, not mended; and one that cannot be read (it ends early, its chunks are
     * malformed) is the client's fault, not the node's.
     */
    static void utf8Body(Context ctx) {
        charset(ctx.header("Content-Type"))
                .filter(charset -> !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8"))
                .ifPresent(charset -> {
                    throw new Problem(
                            415,
                            "Unsupported Media Type",
                            "the body is declared as " + JsonBody.quoted(charset)
                                    + "; JSON is UTF-8: send charset=utf-8, or no charset");
                });
        byte[] body;
        try {
            body = ctx.bodyAsBytes(); // Javalin keeps it for the handler; over the limit, a 413
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) { // Javalin, in Kotlin, throws Jetty's IOException undeclared
            throw new Problem(
                    400, "Malformed body", "the body could not be read: it ended early or its chunks are malformed");
        }
        if (utf8(body) == null) {
            throw new Problem(400, "Malformed JSON", "the body is not UTF-8, and JSON must be");
        }
    }

    /** The charset a Content-Type declares, if it declares one. */
    private static Optional<String> charset(@Nullable String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        for (String parameter : contentType.split(";", -1)) {
            String trimmed = parameter.trim();
            if (trimmed.regionMatches(true, 0, "charset=", 0, 8)) {
                return Optional.of(trimmed.substring(8).replace("\"", "").trim());
            }
        }
        return Optional.empty();
    }

    /** Every %-escape of the query is two hex digits, and every name and value decodes to UTF-8. */
    static void wellFormedQuery(Context ctx) {
        String query = ctx.queryString();
        if (query == null) {
            return;
        }
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name = decoded(rawName);
            String shown = name == null ? JsonBody.quoted(rawName) : name;
            if (name == null || decoded(equals < 0 ? "" : pair.substring(equals + 1)) == null) {
                throw new Problem(
                        400,
                        "Malformed query",
                        "the query parameter " + shown + " is not well-formed",
                        List.of(new Problem.FieldProblem(
                                shown, "has a %-escape that is not two hex digits or bytes that are not UTF-8")));
            }
        }
    }

    /** The form-decoded text, or null when an escape is malformed or the bytes are not UTF-8. */
    private static @Nullable String decoded(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return utf8(bytes.toByteArray());
    }

    private static @Nullable String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Jetty's error page, as a problem: the status and a plain reason, never a stack or the cause. */
    static final class JettyRefusals extends ErrorHandler {

        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected void generateResponse(
                Request request,
                Response response,
                int code,
                @Nullable String message,
                @Nullable Throwable cause,
                Callback callback) {
            // Jetty answers a version it does not speak with 505; the fault is the client's.
            int status = code == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505 ? HttpStatus.BAD_REQUEST_400 : code;
            if (status >= 500) {
                LOG.error(
                        "{} {} failed below the routes: {}", request.getMethod(), request.getHttpURI(), message, cause);
            }
            ObjectNode body = Views.JSON.createObjectNode();
            body.put("type", "about:blank");
            body.put("title", title(status));
            body.put("status", status);
            body.put("detail", detail(code));
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, Api.PROBLEM_JSON);
            response.write(true, ByteBuffer.wrap((body + "\n").getBytes(StandardCharsets.UTF_8)), callback);
        }

        private static String title(int status) {
            String reason = HttpStatus.getMessage(status);
            return reason == null ? "Refused" : reason;
        }

        private static String detail(int code) {
            return switch (code) {
                case 400 ->
                    "the request is not well-formed HTTP: its request line, a %-escape in its path,"
                            + " or a header is malformed, or its path is not UTF-8";
                case 413 -> "the body is larger than " + Api.MAX_BODY + " bytes";
                case 414 -> "the request's URI is too long";
                case 431 -> "the request's headers are too large";
                case 505 -> "the request's HTTP version is not one this server speaks: send HTTP/1.1";
                default ->
                    code >= 500
                            ? "the node failed to answer; the error is in its log"
                            : "the request was refused before it reached a route";
            };
        }
    }
}
