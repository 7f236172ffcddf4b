package dev.vigil.server.http;

import dev.vigil.server.auth.Principal;
import dev.vigil.server.query.WatchParams;
import dev.vigil.server.watch.DriftService;
import dev.vigil.server.watch.DriftSource;
import dev.vigil.server.watch.TopicDrift;
import dev.vigil.server.watch.VariantService;
import dev.vigil.server.watch.topic.TopicReport;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Drift between a baseline and a current window, and variant comparison (docs/api.md). */
final class WatchRoutes {
  private final Authn authn;
  private final DriftService drift;
  private final DriftSource inputs;
  private final TopicDrift topics;
  private final VariantService variants;
  private final Clock clock;

  WatchRoutes(Authn authn, DriftService drift, DriftSource inputs, TopicDrift topics, VariantService variants,
      Clock clock) {
    this.authn = authn;
    this.drift = drift;
    this.inputs = inputs;
    this.topics = topics;
    this.variants = variants;
    this.clock = clock;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/v1/drift", this::drift);
    routes.get("/api/v1/drift/inputs", this::inputs);
    routes.get("/api/v1/drift/topics", this::topics);
    routes.get("/api/v1/compare", this::compare);
  }

  private void drift(Context ctx) {
    Principal p = authn.require(ctx);
    var w = new WatchParams(ctx.queryParamMap(), clock).drift();
    var report = drift.report(p.projectId(), w.baseline(), w.current());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("baseline", window(w.baseline().fromEpochNanos(), w.baseline().toEpochNanos(), report.baselineCalls()));
    out.put("current", window(w.current().fromEpochNanos(), w.current().toEpochNanos(), report.currentCalls()));
    out.put("baseline_prompt_version", w.baseline().values(dev.vigil.storage.Dimension.PROMPT_VERSION).stream()
        .findFirst().orElse(null));
    out.put("drifted", report.drifted());
    out.put("signals", report.signals());
    ctx.json(out);
  }

  /** Input embedding drift on its own: it embeds a sample of questions, which takes seconds, not milliseconds. */
  private void inputs(Context ctx) {
    Principal p = authn.require(ctx);
    var w = new WatchParams(ctx.queryParamMap(), clock).drift();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("baseline", window(w.baseline().fromEpochNanos(), w.baseline().toEpochNanos(), -1));
    out.put("current", window(w.current().fromEpochNanos(), w.current().toEpochNanos(), -1));
    out.put("signal", inputs.drift(p.projectId(), w.baseline(), w.current()).get(0));
    ctx.json(out);
  }

  /** Topic drift on its own, for the same reason: it embeds (and clusters) a sample of questions. */
  private void topics(Context ctx) {
    Principal p = authn.require(ctx);
    var t = new WatchParams(ctx.queryParamMap(), clock).topics(TopicDrift.DEFAULT_TOPICS, TopicDrift.MAX_TOPICS);
    var w = t.windows();
    TopicReport r = topics.report(p.projectId(), w.baseline(), w.current(), t.maxTopics());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("baseline", window(w.baseline().fromEpochNanos(), w.baseline().toEpochNanos(), -1));
    out.put("current", window(w.current().fromEpochNanos(), w.current().toEpochNanos(), -1));
    out.put("method", r.method());
    out.put("max_topics", t.maxTopics());
    out.put("silhouette", r.silhouette());
    out.put("radius", r.radius());
    out.put("note", r.note());
    out.put("signal", r.signal());
    out.put("topics", r.topics());
    ctx.json(out);
  }

  private void compare(Context ctx) {
    Principal p = authn.require(ctx);
    var v = new WatchParams(ctx.queryParamMap(), clock).variants();
    var report = variants.compare(p.projectId(), v.slice(), v.dimension(), v.a(), v.b());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("dimension", v.dimension().wireName());
    out.put("a", Map.of("value", v.a(), "calls", report.calls().get("a")));
    out.put("b", Map.of("value", v.b(), "calls", report.calls().get("b")));
    out.put("from", Views.time(v.slice().fromEpochNanos()));
    out.put("to", Views.time(v.slice().toEpochNanos()));
    out.put("metrics", report.metrics());
    ctx.json(out);
  }

  private static Map<String, Object> window(long from, long to, long calls) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("from", Views.time(from));
    m.put("to", Views.time(to));
    if (calls >= 0) m.put("llm_calls", calls);
    return m;
  }
}
