package dev.vigil.server.http;

import dev.vigil.model.Span;
import dev.vigil.server.auth.Principal;
import dev.vigil.server.query.QueryParams;
import dev.vigil.server.query.TraceTree;
import dev.vigil.storage.Page;
import dev.vigil.storage.Storage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The read API over traces, sessions, users, window metrics and change events (docs/api.md). */
final class QueryRoutes {
  private final Authn authn;
  private final Storage storage;
  private final Clock clock;

  QueryRoutes(Authn authn, Storage storage, Clock clock) {
    this.authn = authn;
    this.storage = storage;
    this.clock = clock;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/v1/traces", this::traces);
    routes.get("/api/v1/traces/{traceId}", this::trace);
    routes.get("/api/v1/traces/{traceId}/spans/{spanId}", this::span);
    routes.get("/api/v1/sessions", this::sessions);
    routes.get("/api/v1/sessions/{sessionId}", this::session);
    routes.get("/api/v1/users", this::users);
    routes.get("/api/v1/metrics", this::metrics);
    routes.get("/api/v1/changes", this::changes);
  }

  private QueryParams params(Context ctx) {
    return new QueryParams(ctx.queryParamMap(), clock);
  }

  private void traces(Context ctx) {
    Principal p = authn.require(ctx);
    var page = storage.spanStore().findTraces(p.projectId(), params(ctx).traceQuery());
    ctx.json(page(page, "traces", Views.traces(page.items())));
  }

  private void trace(Context ctx) {
    Principal p = authn.require(ctx);
    String traceId = id(ctx.pathParam("traceId"), 32, "trace id");
    List<Span> spans = storage.spanStore().getTrace(p.projectId(), traceId);
    if (spans.isEmpty()) throw new ApiError(404, "no trace " + traceId + " in this project");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("trace_id", traceId);
    out.put("span_count", spans.size());
    out.put("tree", TraceTree.build(spans).stream().map(Views::tree).toList());
    out.put("scores", storage.signalStore().scores(p.projectId(), traceId).stream().map(Views::score).toList());
    out.put("feedback", storage.signalStore().feedback(p.projectId(), traceId).stream().map(Views::feedback).toList());
    ctx.json(out);
  }

  private void span(Context ctx) {
    Principal p = authn.require(ctx);
    String traceId = id(ctx.pathParam("traceId"), 32, "trace id");
    String spanId = id(ctx.pathParam("spanId"), 16, "span id");
    Span span = storage.spanStore().getSpan(p.projectId(), traceId, spanId)
        .orElseThrow(() -> new ApiError(404, "no span " + spanId + " in trace " + traceId));
    ctx.json(Views.span(span));
  }

  private void sessions(Context ctx) {
    Principal p = authn.require(ctx);
    QueryParams q = params(ctx).allow("limit", "cursor");
    var page = storage.spanStore().findSessions(p.projectId(), q.filter(), q.cursor(), q.limit(50, 500));
    ctx.json(page(page, "sessions", page.items().stream().map(Views::session).toList()));
  }

  private void session(Context ctx) {
    Principal p = authn.require(ctx);
    String sessionId = ctx.pathParam("sessionId");
    var traces = storage.spanStore().getSessionTraces(p.projectId(), sessionId);
    if (traces.isEmpty()) throw new ApiError(404, "no session '" + sessionId + "' in this project");
    ctx.json(Map.of("session_id", sessionId, "traces", Views.traces(traces)));
  }

  private void users(Context ctx) {
    Principal p = authn.require(ctx);
    QueryParams q = params(ctx).allow("limit", "cursor");
    var page = storage.spanStore().findUsers(p.projectId(), q.filter(), q.cursor(), q.limit(50, 500));
    ctx.json(page(page, "users", page.items().stream().map(Views::user).toList()));
  }

  private void metrics(Context ctx) {
    Principal p = authn.require(ctx);
    var rows = storage.metricStore().query(p.projectId(), params(ctx).metricQuery());
    ctx.json(Map.of("rows", rows.stream().map(Views::metric).toList()));
  }

  private void changes(Context ctx) {
    Principal p = authn.require(ctx);
    var filter = params(ctx).allow().filter();
    var changes = storage.signalStore().changes(p.projectId(), filter.fromEpochNanos(), filter.toEpochNanos());
    ctx.json(Map.of("changes", changes.stream().map(c -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", c.id());
      m.put("type", c.type().wireName());
      m.put("feature", c.feature());
      m.put("description", c.description());
      m.put("source", c.source());
      m.put("time", Views.time(c.epochNanos()));
      m.put("attributes", c.attributes());
      return m;
    }).toList()));
  }

  private static Map<String, Object> page(Page<?> page, String name, List<Map<String, Object>> items) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(name, items);
    out.put("next_cursor", page.nextCursor());
    return out;
  }

  private static String id(String raw, int length, String what) {
    if (raw.length() != length || !raw.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new ApiError(400, what + " must be " + length + " hex characters, got '" + raw + "'");
    }
    return raw.toLowerCase(java.util.Locale.ROOT);
  }
}
