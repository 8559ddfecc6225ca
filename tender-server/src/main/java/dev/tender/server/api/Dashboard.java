package dev.tender.server.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The web dashboard at {@code /}: a page, a script and a style sheet from the jar, and uPlot from
 * its WebJar (no CDN: nodes often have no internet). The page calls the same {@code /v1} API with
 * the token its user signed in with, so roles decide there, not here. Not part of the API, so not
 * in its OpenAPI document.
 */
final class Dashboard {

    private static final String JS = "text/javascript; charset=utf-8";
    private static final String CSS = "text/css; charset=utf-8";
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";

    /** Scripts, styles and data from the node itself only; nothing the page shows is ever written as markup. */
    private static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
            "X-Content-Type-Options",
            "nosniff",
            "Cache-Control",
            "no-cache");

    /** Each file by its address: a jar's folders cannot be listed reliably, so nothing else is served. */
    private static final Map<String, Asset> FILES = Map.of(
            "/", new Asset("/web/index.html", "text/html; charset=utf-8"),
            "/app.js", new Asset("/web/app.js", JS),
            "/app.css", new Asset("/web/app.css", CSS),
            "/assets/uplot.js", new Asset(UPLOT + "uPlot.iife.min.js", JS),
            "/assets/uplot.css", new Asset(UPLOT + "uPlot.min.css", CSS));

    private record Asset(String resource, String type) {}

    private Dashboard() {}

    static void serve(JavalinConfig config) {
        FILES.forEach((address, asset) -> config.routes.get(address, ctx -> send(ctx, asset)));
    }

    private static void send(Context ctx, Asset asset) {
        HEADERS.forEach(ctx::header);
        ApiDocs.resource(ctx, asset.resource(), asset.type());
    }
}
