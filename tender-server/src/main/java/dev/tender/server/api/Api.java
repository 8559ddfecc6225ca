package dev.tender.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tender.agreement.AgreementId;
import dev.tender.broker.Answer;
import dev.tender.broker.Reply;
import dev.tender.capacity.Pool;
import dev.tender.capacity.TimeGrid;
import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.Region;
import dev.tender.catalog.WorkloadClass;
import dev.tender.demand.RequestId;
import dev.tender.event.OfferId;
import dev.tender.event.TenderEvent;
import dev.tender.eventlog.EventLines;
import dev.tender.eventlog.EventLogReader;
import dev.tender.ids.Ids;
import dev.tender.money.Money;
import dev.tender.provider.ProviderId;
import dev.tender.provider.SiteId;
import dev.tender.report.Explanation;
import dev.tender.server.node.Command;
import dev.tender.server.node.Demand;
import dev.tender.server.node.LiveWorld;
import dev.tender.server.node.Node;
import dev.tender.server.node.PoolCapacity;
import dev.tender.server.node.RequestBook.OfferOnRequest;
import dev.tender.server.node.RequestBook.RequestView;
import dev.tender.server.node.Submission;
import dev.tender.store.CommandLog;
import dev.tender.store.StoredEvent;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.jdbi.v3.core.JdbiException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of {@code /v1} and the node's health. Handlers are thin: they check who calls and
 * what was sent, hand a command to the node or read its book, and write JSON. Every refusal is a
 * {@link Problem}, written as {@code application/problem+json} by one mapper.
 */
public final class Api {

    /** The largest body taken; a request body is a few hundred bytes. */
    public static final long MAX_BODY = 64 * 1024;

    static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(Api.class);
    private static final String CALLER = "tender.caller";
    private static final Set<String> SUBMIT_FIELDS =
            Set.of("workload", "accelerator", "units", "start", "hours", "flex", "regions", "maxPrice");
    private static final Set<String> RESPONSE_FIELDS =
            Set.of("outcome", "units", "unitPrice", "site", "start", "reason");
    private static final Set<String> STATES =
            Set.of("OPEN", "FULFILLED", "PARTIAL", "UNFULFILLED", "REJECTED", "CANCELLED");
    private static final int MAX_UNITS = 10_000_000;
    private static final int MAX_HOURS = 87_600;
    private static final Duration MAX_FLEX = Duration.ofDays(366);

    private final Node node;
    private final CommandLog log;
    private final Credentials credentials;
    private final Clock wall;
    private final NodeMetrics metrics;

    /** {@code metrics} is the activity {@code node} was started with. */
    public Api(Node node, CommandLog log, Credentials credentials, Clock wall, NodeMetrics metrics) {
        this.node = node;
        this.log = log;
        this.credentials = credentials;
        this.wall = wall;
        this.metrics = metrics;
        metrics.watch(node);
    }

    /** Every route the server answers; the OpenAPI document describes each, and a test holds it to that. */
    public List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>(ApiDocs.endpoints());
        endpoints.addAll(List.of(
                new Endpoint(HandlerType.GET, "/health", this::health),
                new Endpoint(
                        HandlerType.GET, "/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                                .result(metrics.scrape())),
                new Endpoint(HandlerType.GET, "/v1/me", this::me),
                new Endpoint(HandlerType.POST, "/v1/requests", this::submit),
                new Endpoint(HandlerType.GET, "/v1/requests", this::listRequests),
                new Endpoint(HandlerType.GET, "/v1/requests/{id}", this::getRequest),
                new Endpoint(HandlerType.GET, "/v1/requests/{id}/events", this::requestEvents),
                new Endpoint(HandlerType.GET, "/v1/requests/{id}/explain", this::explain),
                new Endpoint(HandlerType.POST, "/v1/requests/{id}/cancel", this::cancel),
                new Endpoint(HandlerType.GET, "/v1/offers", this::offers),
                new Endpoint(HandlerType.GET, "/v1/offers/{id}", this::getOffer),
                new Endpoint(HandlerType.POST, "/v1/offers/{id}/response", this::respond),
                new Endpoint(HandlerType.GET, "/v1/events", this::events),
                new Endpoint(HandlerType.GET, "/v1/agreements", this::agreements),
                new Endpoint(HandlerType.POST, "/v1/agreements", this::addAgreement),
                new Endpoint(HandlerType.POST, "/v1/agreements/{id}/end", this::endAgreement),
                new Endpoint(HandlerType.POST, "/v1/providers/{id}/capacity", this::announceCapacity),
                new Endpoint(HandlerType.GET, "/v1/capacity", this::capacity),
                new Endpoint(HandlerType.GET, "/v1/overview", this::overview)));
        return endpoints;
    }

    /** A server with every route, not yet started. */
    public Javalin server() {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY;
            config.http.prefer405over404 = true;
            config.routes.before("/v1/*", this::authenticate);
            Dashboard.serve(config);
            endpoints().forEach(config.routes::addEndpoint);
            config.routes.exception(Problem.class, (problem, ctx) -> write(ctx, problem));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(e, ctx)));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                write(ctx, new Problem(500, "Internal error", "the node failed to answer; the error is in its log"));
            });
            // The store unreachable: the node cannot answer now, which is not the caller's fault.
            config.routes.exception(JdbiException.class, (e, ctx) -> {
                LOG.error("{} {}: the store failed", ctx.method(), ctx.path(), e);
                write(ctx, new Problem(503, "Unavailable", "the store cannot be reached; try again"));
            });
            ProtocolProblems.install(config);
        });
    }

    private static Problem fromJavalin(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> Problem.notFound("no such route: " + ctx.method() + " " + ctx.path());
            case 405 -> new Problem(405, "Method not allowed", ctx.method() + " is not allowed on " + ctx.path());
            case 413 -> new Problem(413, "Body too large", "the body is larger than " + MAX_BODY + " bytes");
            default -> new Problem(e.getStatus(), "Refused", String.valueOf(e.getMessage()));
        };
    }

    static void write(Context ctx, Problem problem) {
        ObjectNode body = Views.JSON.createObjectNode();
        body.put("type", "about:blank");
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        if (!problem.fields().isEmpty()) {
            ArrayNode errors = body.putArray("errors");
            problem.fields()
                    .forEach(field ->
                            errors.addObject().put("field", field.field()).put("problem", field.problem()));
        }
        if (problem.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        ctx.status(problem.status()).contentType(PROBLEM_JSON).result(body.toString() + "\n");
    }

    private void health(Context ctx) {
        ObjectNode body = Views.JSON.createObjectNode();
        boolean up = node.isRunning();
        body.put("status", up ? "UP" : "DOWN");
        body.put("world", node.world().map(LiveWorld::name).orElse(null));
        body.put("requests", node.requests().size());
        body.put("queue", node.queueDepth());
        body.put("node", node.name());
        body.put("role", node.role().name().toLowerCase(Locale.ROOT));
        body.put("epoch", node.epoch());
        json(ctx.status(up ? 200 : 503), body);
    }

    // -- who calls

    private void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Problem(401, "Unauthorized", "send a token: Authorization: Bearer <token>");
        }
        Caller caller = credentials
                .caller(header.substring(7).trim())
                .orElseThrow(() -> new Problem(401, "Unauthorized", "the token is not known"));
        ctx.attribute(CALLER, caller);
    }

    private static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) { // the before-handler runs for every route under /v1
            throw new IllegalStateException("no caller for " + ctx.path());
        }
        return caller;
    }

    private static Caller.Tenant tenant(Context ctx) {
        if (caller(ctx) instanceof Caller.Tenant tenant) {
            return tenant;
        }
        throw forbidden(ctx, "a tenant");
    }

    private static Caller.Provider provider(Context ctx) {
        if (caller(ctx) instanceof Caller.Provider provider) {
            return provider;
        }
        throw forbidden(ctx, "a provider");
    }

    private static void admin(Context ctx) {
        if (!(caller(ctx) instanceof Caller.Admin)) {
            throw forbidden(ctx, "the admin");
        }
    }

    private static Problem forbidden(Context ctx, String who) {
        return new Problem(403, "Forbidden", ctx.method() + " " + ctx.path() + " is for " + who);
    }

    /** Who the token is: what the dashboard shows and offers follows from it. */
    private void me(Context ctx) {
        Caller caller = caller(ctx);
        ObjectNode body = Views.JSON.createObjectNode();
        body.put("role", caller.role());
        if (caller instanceof Caller.Tenant tenant) {
            body.put("kind", "tenant").put("id", tenant.id().value());
        } else if (caller instanceof Caller.Provider provider) {
            body.put("kind", "provider").put("id", provider.id().value());
        } else {
            body.put("kind", "admin").putNull("id");
        }
        json(ctx, body);
    }

    /** The request, when the caller may see it: its tenant or the admin; to anyone else it does not exist. */
    private RequestView visibleRequest(Context ctx) {
        Caller caller = caller(ctx);
        if (caller instanceof Caller.Provider) {
            throw forbidden(ctx, "the tenant or the admin");
        }
        String id = ctx.pathParam("id");
        Optional<RequestView> view = Ids.isValid(id) ? node.requests().find(new RequestId(id)) : Optional.empty();
        if (view.isEmpty()
                || (caller instanceof Caller.Tenant tenant
                        && !view.get().request().tenant().equals(tenant.id()))) {
            throw Problem.notFound("no request " + JsonBody.quoted(id));
        }
        return view.get();
    }

    // -- requests

    private void submit(Context ctx) {
        Caller.Tenant tenant = tenant(ctx);
        LiveWorld world = world();
        String key = idempotencyKey(ctx);
        JsonBody body = JsonBody.of(ctx.body(), SUBMIT_FIELDS);
        Optional<String> workload = body.id("workload", true);
        workload.filter(w -> !world.world().workloads().contains(new WorkloadClass(w)))
                .ifPresent(w -> body.problem(
                        "workload",
                        "unknown workload class " + JsonBody.quoted(w) + "; known: "
                                + sorted(world.world().workloads())));
        Optional<String> accelerator = body.id("accelerator", true);
        accelerator
                .filter(a -> !world.world().accelerators().containsKey(new AcceleratorId(a)))
                .ifPresent(a -> body.problem(
                        "accelerator",
                        "unknown accelerator " + JsonBody.quoted(a) + "; known: "
                                + sorted(world.world().accelerators().keySet())));
        Optional<Integer> units = body.whole("units", true, 1, MAX_UNITS);
        Optional<Integer> hours = body.whole("hours", true, 1, MAX_HOURS);
        Instant now = wall.instant();
        Optional<Instant> start = body.instant("start", true);
        start.filter(s -> s.isBefore(now))
                .ifPresent(s -> body.problem("start", "is in the past: " + s + " is before now, " + now));
        Duration flex = body.duration("flex", false).orElse(Duration.ZERO);
        boolean flexInRange = !flex.isNegative() && flex.compareTo(MAX_FLEX) <= 0;
        if (!flexInRange) {
            body.problem("flex", "must be between PT0S and " + MAX_FLEX + ", not " + flex);
        }
        List<String> regions = body.ids("regions", 64);
        Optional<Money> maxPrice = body.dollars("maxPrice", false, 1_000_000).map(Money::ofDollars);
        if (start.isPresent() && hours.isPresent() && flexInRange) {
            // Measured back from the horizon: a start near Instant.MAX plus flex and hours would overflow.
            Duration longest = flex.plus(Duration.ofHours(hours.get()));
            if (start.get().isAfter(world.grid().end().minus(longest))) {
                body.problem(
                        "start",
                        "with flex and hours the request could run " + longest + " from " + start.get()
                                + ", beyond the horizon this node plans for, "
                                + world.grid().end());
            }
        }
        body.finish();
        Demand demand = new Demand(
                tenant.id(),
                new WorkloadClass(workload.orElseThrow()),
                new AcceleratorId(accelerator.orElseThrow()),
                units.orElseThrow(),
                start.orElseThrow(),
                hours.orElseThrow(),
                flex,
                regions.stream().map(Region::new).toList(),
                maxPrice.orElse(null));
        Submission submission = await(node.execute(new Command.Submit(demand, key)));
        if (submission instanceof Submission.Accepted accepted) {
            json(ctx.status(201).header("Location", "/v1/requests/" + accepted.request()), view(accepted.request()));
        } else if (submission instanceof Submission.Repeated repeated) {
            json(ctx.header("Idempotent-Replayed", "true"), view(repeated.request()));
        } else if (submission instanceof Submission.KeyReused reused) {
            throw new Problem(
                    409,
                    "Idempotency key reused",
                    "Idempotency-Key " + JsonBody.quoted(key) + " was sent before with a different request, "
                            + reused.request());
        } else {
            throw new Problem(503, "Not ready", ((Submission.Refused) submission).reason());
        }
    }

    private static String idempotencyKey(Context ctx) {
        String key = ctx.header("Idempotency-Key");
        if (key == null) {
            return UUID.randomUUID().toString();
        }
        if (key.isEmpty() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw Problem.invalid("Idempotency-Key", "must be 1 to 200 visible ASCII characters");
        }
        return key;
    }

    private static String sorted(Set<?> values) {
        return values.stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
    }

    private ObjectNode view(RequestId id) {
        return Views.request(node.requests()
                .find(id)
                .orElseThrow(() -> new IllegalStateException("request " + id + " was stored but is not in the book")));
    }

    private void getRequest(Context ctx) {
        json(ctx, Views.request(visibleRequest(ctx)));
    }

    private void listRequests(Context ctx) {
        Caller caller = caller(ctx);
        if (caller instanceof Caller.Provider) {
            throw forbidden(ctx, "a tenant or the admin");
        }
        String state = Optional.ofNullable(ctx.queryParam("state"))
                .map(s -> s.toUpperCase(Locale.ROOT))
                .orElse(null);
        if (state != null && !STATES.contains(state)) {
            throw Problem.invalid("state", "must be one of " + sorted(STATES) + ", not " + JsonBody.quoted(state));
        }
        int limit = queryWhole(ctx, "limit", 50, 1, 500);
        String cursor = ctx.queryParam("cursor");
        if (cursor != null && !Ids.isValid(cursor)) {
            throw Problem.invalid("cursor", "is not a request id: " + JsonBody.quoted(cursor));
        }
        List<RequestView> page = node.requests()
                .page(
                        caller instanceof Caller.Tenant tenant ? tenant.id() : null,
                        state,
                        cursor == null ? null : new RequestId(cursor),
                        limit);
        ObjectNode body = Views.JSON.createObjectNode();
        ArrayNode items = body.putArray("requests");
        page.forEach(view -> items.add(Views.request(view)));
        body.put(
                "next",
                page.size() == limit ? page.get(page.size() - 1).request().id().value() : null);
        json(ctx, body);
    }

    private static int queryWhole(Context ctx, String name, int fallback, int min, int max) {
        return (int) queryLong(ctx, name, fallback, min, max);
    }

    private static long queryLong(Context ctx, String name, long fallback, long min, long max) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, with the others
        }
        throw Problem.invalid(
                name, "must be a whole number from " + min + " to " + max + ", not " + JsonBody.quoted(text));
    }

    private void requestEvents(Context ctx) {
        RequestView view = visibleRequest(ctx);
        String lines = log.eventsOf(view.request().id().value()).stream()
                .map(StoredEvent::line)
                .collect(Collectors.joining(",", "[", "]"));
        ctx.contentType("application/json").result(lines);
    }

    /** The same story as {@code tender explain}, from the stored events. */
    private void explain(Context ctx) {
        RequestView view = visibleRequest(ctx);
        List<TenderEvent> story = new ArrayList<>();
        for (StoredEvent stored : log.eventsOf(view.request().id().value())) {
            try {
                EventLines.parse(stored.line()).ifPresent(story::add);
            } catch (EventLogReader.MalformedLog e) {
                throw new IllegalStateException("stored event " + stored.seq() + " does not read back", e);
            }
        }
        ctx.contentType("text/plain; charset=utf-8")
                .result(Explanation.story(view.request().id(), story));
    }

    private void cancel(Context ctx) {
        Caller.Tenant tenant = tenant(ctx);
        RequestView view = visibleRequest(ctx);
        boolean cancelled = await(node.execute(new Command.Cancel(view.request().id(), "by " + tenant.id())));
        if (!cancelled) {
            throw Problem.conflict("request " + view.request().id() + " is closed already");
        }
        json(ctx, view(view.request().id()));
    }

    // -- offers

    /** The caller's open offers, oldest first, or the last it answered, newest first. */
    private void offers(Context ctx) {
        Caller.Provider provider = provider(ctx);
        String state = Optional.ofNullable(ctx.queryParam("state"))
                .map(s -> s.toLowerCase(Locale.ROOT))
                .orElse("open");
        if (!state.equals("open") && !state.equals("answered")) {
            throw Problem.invalid("state", "must be open or answered, not " + JsonBody.quoted(ctx.queryParam("state")));
        }
        ObjectNode body = Views.JSON.createObjectNode();
        ArrayNode offers = body.putArray("offers");
        (state.equals("open")
                        ? node.requests().openOffers(provider.id())
                        : node.requests().answeredOffers(provider.id()))
                .forEach(offer -> offers.add(Views.offerToProvider(offer)));
        json(ctx, body);
    }

    private void getOffer(Context ctx) {
        json(ctx, Views.offerToProvider(ownOffer(ctx, provider(ctx))));
    }

    /** The offer named in the path, when it was made to {@code provider}; to anyone else it does not exist. */
    private OfferOnRequest ownOffer(Context ctx, Caller.Provider provider) {
        String id = ctx.pathParam("id");
        return OfferId.parse(id)
                .flatMap(node.requests()::offer)
                .filter(found -> found.offer().provider().equals(provider.id()))
                .orElseThrow(() -> Problem.notFound("no offer " + JsonBody.quoted(id) + " to " + provider.id()));
    }

    private void respond(Context ctx) {
        Caller.Provider provider = provider(ctx);
        OfferOnRequest offer = ownOffer(ctx, provider);
        Answer answer = answer(JsonBody.of(ctx.body(), RESPONSE_FIELDS), offer, world());
        Reply reply = await(node.execute(new Command.Respond(offer.offer().id(), provider.id(), answer)));
        if (reply instanceof Reply.Refused refused) {
            throw new Problem(422, "Answer refused", refused.reason());
        }
        if (reply instanceof Reply.Closed closed) {
            throw Problem.conflict(closed.reason());
        }
        OfferOnRequest after = node.requests().offer(offer.offer().id()).orElse(offer);
        json(ctx, Views.offerToProvider(after));
    }

    private static Answer answer(JsonBody body, OfferOnRequest offer, LiveWorld world) {
        Optional<String> outcome = body.text("outcome", true);
        if (outcome.isPresent() && !Set.of("ACCEPTED", "PARTIAL", "DECLINED").contains(outcome.get())) {
            body.problem("outcome", "must be ACCEPTED, PARTIAL or DECLINED, not " + JsonBody.quoted(outcome.get()));
        }
        if (outcome.filter("DECLINED"::equals).isPresent()) {
            for (String field : List.of("units", "unitPrice", "site", "start")) {
                if (body.has(field)) {
                    body.problem(field, "has no place in a decline");
                }
            }
            Optional<String> reason = body.text("reason", false);
            body.finish();
            return new Answer.Decline(reason.orElse("declined"));
        }
        int offered = offer.offer().offered().units();
        boolean partial = outcome.filter("PARTIAL"::equals).isPresent();
        Optional<Integer> units = body.whole("units", partial, 1, offered);
        if (!partial && units.isPresent() && units.get() != offered) {
            body.problem("units", "an ACCEPTED answer takes all " + offered + " units; send PARTIAL for fewer");
        }
        if (partial && units.isPresent() && units.get() == offered) {
            body.problem(
                    "units", "a PARTIAL answer takes fewer than the " + offered + " offered; send ACCEPTED for all");
        }
        Optional<Money> unitPrice = body.dollars("unitPrice", true, 1_000_000).map(Money::ofDollars);
        Optional<String> site = body.id("site", true);
        site.ifPresent(s -> {
            Optional<Pool> pool = world.world()
                    .footprint()
                    .poolAt(
                            offer.offer().provider(),
                            new SiteId(s),
                            offer.request().accelerator());
            if (pool.isEmpty()) {
                body.problem(
                        "site",
                        offer.offer().provider() + " has no " + offer.request().accelerator() + " pool at a site "
                                + JsonBody.quoted(s));
            } else if (!offer.request().allowsRegion(pool.get().region())) {
                body.problem("site", "is in " + pool.get().region() + ", a region the request does not allow");
            }
        });
        Optional<Instant> start = body.instant("start", false);
        TimeGrid horizon = world.grid();
        start.filter(s -> s.isBefore(horizon.origin()) || s.isAfter(horizon.end()))
                .ifPresent(s -> body.problem(
                        "start",
                        "must be within the horizon this node plans for, " + horizon.origin() + " to " + horizon.end()
                                + ", not " + s));
        body.text("reason", false);
        body.finish();
        return new Answer.Take(
                units.orElse(offered),
                unitPrice.orElseThrow(),
                new SiteId(site.orElseThrow()),
                start.orElse(offer.request().start()));
    }

    // -- the world

    private LiveWorld world() {
        return node.world()
                .orElseThrow(() -> new Problem(503, "No world", "the node has no world yet: start it with --scenario"));
    }

    private void agreements(Context ctx) {
        admin(ctx);
        Instant now = wall.instant();
        ObjectNode body = Views.JSON.createObjectNode();
        ArrayNode items = body.putArray("agreements");
        world().world().agreements().all().forEach(agreement -> items.add(WorldViews.agreement(agreement, now)));
        json(ctx, body);
    }

    /** A clause as a scenario file writes it, read by the same reader; it applies from its {@code from} on. */
    private void addAgreement(Context ctx) {
        admin(ctx);
        world();
        // The scenario reader checks the entry's fields, exactly as in a file; but the id must come as
        // a string to name the clause added (the file's YAML would read 1e400 as "Infinity").
        JsonNode id = JsonBody.object(ctx.body()).path("id");
        if (!id.isTextual() && !id.isMissingNode()) {
            throw Problem.invalid("id", "must be a string, not " + id);
        }
        applied(await(node.execute(new Command.AddAgreement(ctx.body()))), "agreement " + id.asText());
        ctx.status(201);
        json(ctx, agreementView(id.asText()));
    }

    private void endAgreement(Context ctx) {
        admin(ctx);
        LiveWorld world = world();
        String id = ctx.pathParam("id");
        if (!Ids.isValid(id)) {
            throw Problem.notFound("no agreement " + JsonBody.quoted(id));
        }
        @Nullable Instant at = null;
        if (!ctx.body().isBlank()) {
            JsonBody body = JsonBody.of(ctx.body(), Set.of("at"));
            Optional<Instant> given = body.instant("at", false);
            given.filter(a -> a.isAfter(world.grid().end()))
                    .ifPresent(a -> body.problem(
                            "at",
                            "is beyond the horizon this node plans for, "
                                    + world.grid().end() + ": " + a));
            body.finish();
            at = given.orElse(null);
        }
        applied(await(node.execute(new Command.EndAgreement(new AgreementId(id), at))), "agreement " + id);
        json(ctx, agreementView(id));
    }

    private ObjectNode agreementView(String id) {
        return world().world().agreements().all().stream()
                .filter(agreement -> agreement.id().value().equals(id))
                .findFirst()
                .map(agreement -> WorldViews.agreement(agreement, wall.instant()))
                .orElseThrow(
                        () -> new IllegalStateException("agreement " + id + " was stored but is not in the world"));
    }

    /** Turns a refused change into its problem; a change done returns. */
    private static void applied(Command.WorldEdit edit, String what) {
        List<Problem.FieldProblem> fields = edit.problems().stream()
                .map(problem -> new Problem.FieldProblem(problem.path(), problem.message()))
                .toList();
        switch (edit.outcome()) {
            case DONE -> {}
            case NOT_FOUND -> throw new Problem(404, "Not found", fields.get(0).problem(), fields);
            case CONFLICT ->
                throw new Problem(409, "Conflict", what + ": " + fields.get(0).problem(), fields);
            case INVALID -> throw Problem.invalid(fields);
        }
    }

    private void announceCapacity(Context ctx) {
        Caller caller = caller(ctx);
        String id = ctx.pathParam("id");
        boolean own = caller instanceof Caller.Provider provider
                && provider.id().value().equals(id);
        if (!(caller instanceof Caller.Admin) && !own) {
            throw forbidden(ctx, "the admin or that provider");
        }
        LiveWorld world = world();
        if (!Ids.isValid(id) || world.world().provider(new ProviderId(id)).isEmpty()) {
            throw Problem.notFound("no provider " + JsonBody.quoted(id));
        }
        JsonBody body = JsonBody.of(ctx.body(), Set.of("site", "accelerator", "units", "megawatts", "from"));
        Optional<String> site = body.id("site", true);
        Optional<String> accelerator = body.id("accelerator", true);
        Optional<Integer> units = body.whole("units", false, 1, MAX_UNITS);
        Optional<BigDecimal> megawatts = body.dollars("megawatts", false, 1_000_000);
        if (body.has("units") == body.has("megawatts")) {
            body.problem("units", "give units or megawatts, one of the two");
        }
        Optional<Instant> from = body.instant("from", true);
        from.filter(f -> f.isAfter(world.grid().end()))
                .ifPresent(f -> body.problem(
                        "from",
                        "is beyond the horizon this node plans for, "
                                + world.grid().end() + ": " + f));
        body.finish();
        ProviderId provider = new ProviderId(id);
        Command.AnnounceCapacity announce = new Command.AnnounceCapacity(
                provider,
                new SiteId(site.orElseThrow()),
                new AcceleratorId(accelerator.orElseThrow()),
                units.orElse(null),
                megawatts.orElse(null),
                from.orElseThrow());
        applied(await(node.execute(announce)), "capacity of " + id);
        // The ledger counts capacity from the first whole bucket it is online in: show the pool then,
        // or now if that is past.
        Instant onceOnline = world.grid().startOf(world.grid().ceil(announce.from()));
        Instant counted = onceOnline.isBefore(wall.instant()) ? wall.instant() : onceOnline;
        List<PoolCapacity> pools = await(node.read(engine -> engine.capacity(
                counted,
                pool -> pool.provider().equals(provider)
                        && pool.site().id().equals(announce.site())
                        && pool.accelerator().equals(announce.accelerator()))));
        ObjectNode answer = WorldViews.pool(pools.get(0));
        answer.put("at", counted.toString());
        ctx.status(201);
        json(ctx, answer);
    }

    private void capacity(Context ctx) {
        Caller caller = caller(ctx);
        if (caller instanceof Caller.Tenant) {
            throw forbidden(ctx, "the admin or a provider");
        }
        world();
        Instant at = Optional.ofNullable(ctx.queryParam("at"))
                .map(text -> {
                    try {
                        return Instant.parse(text);
                    } catch (DateTimeParseException e) {
                        throw Problem.invalid("at", "must be an ISO-8601 instant in UTC, not " + JsonBody.quoted(text));
                    }
                })
                .orElseGet(wall::instant);
        List<PoolCapacity> pools = await(node.read(engine -> engine.capacity(
                at,
                pool -> !(caller instanceof Caller.Provider provider)
                        || pool.provider().equals(provider.id()))));
        ObjectNode body = Views.JSON.createObjectNode();
        body.put("at", at.toString());
        ArrayNode items = body.putArray("pools");
        pools.forEach(pool -> items.add(WorldViews.pool(pool)));
        json(ctx, body);
    }

    /** The dashboard's overview: requests by state (a tenant's own), capacity over time, clauses, commitments. */
    private void overview(Context ctx) {
        Caller caller = caller(ctx);
        if (caller instanceof Caller.Provider) {
            throw forbidden(ctx, "a tenant or the admin");
        }
        world();
        Instant now = wall.instant();
        ObjectNode body = await(node.read(engine -> Overview.read(engine, now)));
        ObjectNode requests = Views.JSON.createObjectNode();
        STATES.stream().sorted().forEach(state -> requests.put(state, 0L));
        log.requestStates(caller instanceof Caller.Tenant tenant ? tenant.id().value() : null)
                .forEach(requests::put);
        body.set("requests", requests);
        json(ctx, body);
    }

    // -- the log

    private void events(Context ctx) {
        admin(ctx);
        long after = queryLong(ctx, "after", 0, 0, Long.MAX_VALUE);
        int limit = queryWhole(ctx, "limit", 1_000, 1, 10_000);
        StringBuilder body = new StringBuilder();
        for (StoredEvent event : log.eventsAfter(after, limit)) {
            body.append(event.line()).append('\n');
        }
        ctx.contentType("application/x-ndjson").result(body.toString());
    }

    private static String messageOf(ExecutionException e) {
        Throwable cause = e.getCause();
        return cause == null ? "no reason given" : String.valueOf(cause.getMessage());
    }

    /** JSON with a newline after it, so answers read well at a terminal too. */
    private static void json(Context ctx, ObjectNode body) {
        ctx.contentType("application/json").result(body.toString() + "\n");
    }

    private static <R> R await(CompletableFuture<R> outcome) {
        try {
            return outcome.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new Problem(503, "Unavailable", "the node could not take the command: " + messageOf(e));
        } catch (TimeoutException e) {
            throw new Problem(503, "Unavailable", "the node did not store the command within 30 s; it may still");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Problem(503, "Unavailable", "the server is stopping");
        }
    }
}
