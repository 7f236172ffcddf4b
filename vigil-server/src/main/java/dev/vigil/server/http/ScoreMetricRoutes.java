package dev.vigil.server.http;

import dev.vigil.server.auth.Principal;
import dev.vigil.server.query.QueryParams;
import dev.vigil.storage.ScoreMetrics;
import dev.vigil.storage.Storage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Score aggregates over time: bucketed series and the distribution (docs/api.md). */
final class ScoreMetricRoutes {
  private final Authn authn;
  private final Storage storage;
  private final Clock clock;

  ScoreMetricRoutes(Authn authn, Storage storage, Clock clock) {
    this.authn = authn;
    this.storage = storage;
    this.clock = clock;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/v1/scores/metrics", this::metrics);
  }

  private void metrics(Context ctx) {
    Principal p = authn.require(ctx);
    var query = new QueryParams(ctx.queryParamMap(), clock).scoreMetricQuery();
    ScoreMetrics m = storage.scoreMetricStore().query(p.projectId(), query);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("score", query.name());
    out.put("group_by", query.groupBy() == null ? null : query.groupBy().wireName());
    out.put("threshold", query.threshold());
    out.put("rows", m.rows().stream().map(ScoreMetricRoutes::row).toList());
    Map<String, Object> distribution = new LinkedHashMap<>();
    distribution.put("histogram", m.histogram().stream().map(b -> Map.of("from", b.from(), "to", b.to(), "count", b.count())).toList());
    distribution.put("labels", m.labels());
    out.put("distribution", distribution);
    ctx.json(out);
  }

  private static Map<String, Object> row(ScoreMetrics.Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("bucket_start", Views.time(r.bucketStartEpochNanos()));
    m.put("group", r.group());
    m.put("count", r.count());
    m.put("valued", r.valued());
    m.put("passable", r.passable());
    m.put("mean", r.mean());
    m.put("p50", r.p50());
    m.put("p90", r.p90());
    m.put("min", r.min());
    m.put("pass_rate", r.passRate());
    m.put("below_share", r.belowShare());
    return m;
  }
}
