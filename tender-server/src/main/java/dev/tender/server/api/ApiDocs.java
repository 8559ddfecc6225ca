package dev.tender.server.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The API described: its OpenAPI document at {@code /openapi.json}, and Swagger UI at {@code
 * /docs}, served from its WebJar on the class path (no CDN: nodes often have no internet).
 */
final class ApiDocs {

    static final String DOCUMENT = "/openapi.json";
    private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/5.34.1/";
    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Tender API</title>
              <link rel="icon" href="data:,">
              <link rel="stylesheet" href="/docs/swagger-ui.css">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/docs/swagger-ui-bundle.js"></script>
              <script>
                // No validatorUrl: Swagger UI would send the document's address to validator.swagger.io.
                window.ui = SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui", validatorUrl: null});
              </script>
            </body>
            </html>
            """;

    private ApiDocs() {}

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(HandlerType.GET, DOCUMENT, ctx -> resource(ctx, "/openapi.json", "application/json")),
                new Endpoint(HandlerType.GET, "/docs", ctx -> ctx.html(PAGE)),
                new Endpoint(
                        HandlerType.GET,
                        "/docs/swagger-ui.css",
                        ctx -> resource(ctx, WEBJAR + "swagger-ui.css", "text/css")),
                new Endpoint(
                        HandlerType.GET,
                        "/docs/swagger-ui-bundle.js",
                        ctx -> resource(ctx, WEBJAR + "swagger-ui-bundle.js", "text/javascript")));
    }

    /** The OpenAPI document as the server serves it. */
    static String document() {
        return new String(bytes("/openapi.json"), java.nio.charset.StandardCharsets.UTF_8);
    }

    static void resource(Context ctx, String path, String type) {
        ctx.contentType(type).result(bytes(path));
    }

    private static byte[] bytes(String path) {
        try (InputStream in = ApiDocs.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
