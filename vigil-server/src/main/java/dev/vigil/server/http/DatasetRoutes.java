package dev.vigil.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.auth.Principal;
import dev.vigil.server.query.DatasetExport;
import dev.vigil.server.query.QueryParams;
import dev.vigil.storage.Dataset;
import dev.vigil.storage.DatasetItem;
import dev.vigil.storage.DatasetStore;
import dev.vigil.storage.Page;
import dev.vigil.storage.Storage;
import dev.vigil.storage.TraceQuery;
import dev.vigil.storage.TraceSummary;
import dev.vigil.util.EpochNanos;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Regression sets (docs/api.md): create, list, read, add traces (by id or from a trace filter),
 * remove, delete, and export as JSON Lines. Every call is scoped to the caller's project.
 */
final class DatasetRoutes {
  /** Traces one request may add, by id or from a filter. */
  static final int MAX_ADD = 1_000;
  private static final int MAX_TEXT = 100_000;

  private final Authn authn;
  private final Bodies bodies;
  private final Storage storage;
  private final DatasetExport export;
  private final Clock clock;

  DatasetRoutes(Authn authn, Bodies bodies, Storage storage, Clock clock) {
    this.authn = authn;
    this.bodies = bodies;
    this.storage = storage;
    this.export = new DatasetExport(storage);
    this.clock = clock;
  }

  void register(RoutesConfig routes) {
    routes.post("/api/v1/datasets", this::create);
    routes.get("/api/v1/datasets", ctx -> ctx.json(Map.of("datasets",
        store().list(project(ctx)).stream().map(DatasetRoutes::view).toList())));
    routes.get("/api/v1/datasets/{name}", this::get);
    routes.delete("/api/v1/datasets/{name}", this::delete);
    routes.post("/api/v1/datasets/{name}/items", this::add);
    routes.delete("/api/v1/datasets/{name}/items/{traceId}", this::remove);
    routes.get("/api/v1/datasets/{name}/export", this::export);
  }

  private DatasetStore store() {
    return storage.datasetStore();
  }

  private long project(Context ctx) {
    return authn.require(ctx).projectId();
  }

  private JsonNode body(Context ctx) throws Exception {
    byte[] bytes = bodies.read(ctx);
    if (bytes.length == 0) throw new ApiError(400, "body is empty: send a JSON object");
    JsonNode node = Json.MAPPER.readTree(bytes);
    if (node == null || !node.isObject()) throw new ApiError(400, "body must be a JSON object");
    return node;
  }

  private void create(Context ctx) throws Exception {
    long project = project(ctx);
    JsonNode body = body(ctx);
    String name = Dataset.requireValidName(text(body, "name", 100, true));
    String description = text(body, "description", MAX_TEXT, false);
    boolean created = store().create(project, name, description, EpochNanos.of(clock.instant()));
    ctx.status(created ? 201 : 200).json(view(store().get(project, name).orElseThrow()));
  }

  private void get(Context ctx) {
    long project = project(ctx);
    Dataset d = find(ctx, project);
    QueryParams q = new QueryParams(ctx.queryParamMap(), clock).allow("limit", "cursor");
    Page<DatasetItem> page = store().items(project, d.name(), q.cursor(), q.limit(100, 1000));
    Map<String, Object> out = view(d);
    out.put("items", page.items().stream().map(i -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("trace_id", i.traceId());
      m.put("expected", i.expected());
      m.put("note", i.note());
      m.put("added_at", Views.time(i.addedEpochNanos()));
      return m;
    }).toList());
    out.put("next_cursor", page.nextCursor());
    ctx.json(out);
  }

  private void delete(Context ctx) {
    String name = ctx.pathParam("name");
    if (!store().delete(project(ctx), name)) throw new ApiError(404, "no dataset '" + name + "' in this project");
    ctx.status(204);
  }

  private void remove(Context ctx) {
    long project = project(ctx);
    Dataset d = find(ctx, project);
    String traceId = traceId(ctx.pathParam("traceId"), "trace id");
    if (!store().removeItem(project, d.name(), traceId)) {
      throw new ApiError(404, "trace " + traceId + " is not in dataset '" + d.name() + "'");
    }
    ctx.status(204);
  }

  /** {@code {"trace_ids": [...]}}, {@code {"items": [{trace_id, expected, note}]}} or {@code {"filter": {...}, "limit": n}}. */
  private void add(Context ctx) throws Exception {
    long project = project(ctx);
    Dataset d = find(ctx, project);
    JsonNode body = body(ctx);
    long now = EpochNanos.of(clock.instant());
    int forms = (body.has("trace_ids") ? 1 : 0) + (body.has("items") ? 1 : 0) + (body.has("filter") ? 1 : 0);
    if (forms != 1) throw new ApiError(400, "send exactly one of \"trace_ids\", \"items\" or \"filter\"");
    List<DatasetItem> items = body.has("filter") ? fromFilter(project, body, now) : byId(project, body, now);
    Set<String> added = store().addItems(project, d.name(), items);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("dataset", d.name());
    out.put("matched", items.size());
    out.put("added", added.size());
    out.put("already_present", items.size() - added.size());
    out.put("added_trace_ids", items.stream().map(DatasetItem::traceId).filter(added::contains).toList());
    ctx.json(out);
  }

  private List<DatasetItem> byId(long project, JsonNode body, long now) {
    List<DatasetItem> items = new ArrayList<>();
    boolean plain = body.has("trace_ids");
    JsonNode list = plain ? body.get("trace_ids") : body.get("items");
    String field = plain ? "trace_ids" : "items";
    if (!list.isArray() || list.isEmpty()) throw new ApiError(400, "\"" + field + "\" must be a non-empty array");
    if (list.size() > MAX_ADD) throw new ApiError(400, "at most " + MAX_ADD + " traces per request, got " + list.size());
    for (int i = 0; i < list.size(); i++) {
      JsonNode e = list.get(i);
      String at = field + "[" + i + "]";
      if (plain) {
        if (!e.isTextual()) throw new ApiError(400, at + ": expected a trace id string");
        items.add(new DatasetItem(traceId(e.textValue(), at), null, null, now));
      } else {
        if (!e.isObject()) throw new ApiError(400, at + ": expected an object with trace_id");
        JsonNode id = e.get("trace_id");
        if (id == null || !id.isTextual()) throw new ApiError(400, at + ".trace_id: required, a string");
        items.add(new DatasetItem(traceId(id.textValue(), at + ".trace_id"), text(e, "expected", MAX_TEXT, false),
            text(e, "note", MAX_TEXT, false), now));
      }
    }
    for (DatasetItem i : items) {
      if (storage.spanStore().getTrace(project, i.traceId()).isEmpty()) {
        throw new ApiError(400, "no trace " + i.traceId() + " in this project");
      }
    }
    return items;
  }

  /** The newest matching traces (or as sorted), at most {@code limit} (default 100, at most 1000). */
  private List<DatasetItem> fromFilter(long project, JsonNode body, long now) {
    JsonNode filter = body.get("filter");
    if (!filter.isObject()) throw new ApiError(400, "\"filter\" must be an object of trace search parameters");
    JsonNode limitNode = body.get("limit");
    int limit = 100;
    if (limitNode != null) {
      if (!limitNode.canConvertToInt() || !limitNode.isIntegralNumber() || limitNode.intValue() < 1 || limitNode.intValue() > MAX_ADD) {
        throw new ApiError(400, "\"limit\" must be a whole number between 1 and " + MAX_ADD);
      }
      limit = limitNode.intValue();
    }
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : filter.properties()) {
      if (e.getKey().equals("limit") || e.getKey().equals("cursor")) {
        throw new ApiError(400, "filter." + e.getKey() + " is not allowed; give \"limit\" beside \"filter\"");
      }
      List<String> values = new ArrayList<>();
      if (e.getValue().isArray()) {
        e.getValue().forEach(v -> values.add(scalar(e.getKey(), v)));
      } else {
        values.add(scalar(e.getKey(), e.getValue()));
      }
      params.put(e.getKey(), values);
    }
    params.put("limit", List.of(Integer.toString(Math.min(limit, TraceQuery.MAX_LIMIT))));
    TraceQuery first = new QueryParams(params, clock).traceQuery();
    List<DatasetItem> items = new ArrayList<>();
    String cursor = null;
    do {
      int want = Math.min(limit - items.size(), TraceQuery.MAX_LIMIT);
      Page<TraceSummary> page = storage.spanStore().findTraces(project,
          new TraceQuery(first.filter(), first.sort(), cursor, want));
      for (TraceSummary t : page.items()) items.add(new DatasetItem(t.traceId(), null, null, now));
      cursor = page.nextCursor();
    } while (cursor != null && items.size() < limit);
    return items;
  }

  private static String scalar(String key, JsonNode v) {
    if (v.isTextual() || v.isNumber() || v.isBoolean()) return v.asText();
    throw new ApiError(400, "filter." + key + ": expected a string, number, boolean or an array of them");
  }

  private void export(Context ctx) throws Exception {
    long project = project(ctx);
    Dataset d = find(ctx, project);
    ctx.contentType("application/x-ndjson");
    ctx.header("Content-Disposition", "attachment; filename=\"" + d.name() + ".jsonl\"");
    export.write(project, d.name(), ctx.outputStream());
  }

  private Dataset find(Context ctx, long project) {
    String name = ctx.pathParam("name");
    return store().get(project, name).orElseThrow(() -> new ApiError(404, "no dataset '" + name + "' in this project"));
  }

  private static String traceId(String raw, String what) {
    String id = raw.strip().toLowerCase(Locale.ROOT);
    if (id.length() != 32 || !id.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new ApiError(400, what + ": a trace id is 32 hex characters, got '" + raw + "'");
    }
    return id;
  }

  private static String text(JsonNode body, String field, int max, boolean required) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      if (required) throw new ApiError(400, "\"" + field + "\" is required");
      return null;
    }
    if (!v.isTextual()) throw new ApiError(400, "\"" + field + "\" must be a string");
    if (v.textValue().length() > max) throw new ApiError(400, "\"" + field + "\" is longer than " + max + " characters");
    return v.textValue();
  }

  private static Map<String, Object> view(Dataset d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", d.name());
    m.put("description", d.description());
    m.put("created_at", Views.time(d.createdEpochNanos()));
    m.put("item_count", d.itemCount());
    return m;
  }
}
