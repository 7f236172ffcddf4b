package dev.vigil.server.http;

import dev.vigil.server.alert.AlertRule;
import dev.vigil.server.alert.AlertRules;
import dev.vigil.server.alert.ChartView;
import dev.vigil.server.alert.Clause;
import dev.vigil.server.watch.chart.ChartParams;
import dev.vigil.storage.ChartState;
import dev.vigil.util.EpochNanos;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code GET /api/v1/alerts/rules/{name}/chart?group=}: a chart rule's control chart for the rule editor. */
final class AlertChartRoutes {
  private final Authn authn;
  private final AlertRules rules;
  private final ChartView charts;
  private final Clock clock;

  AlertChartRoutes(Authn authn, AlertRules rules, ChartView charts, Clock clock) {
    this.authn = authn;
    this.rules = rules;
    this.charts = charts;
    this.clock = clock;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/v1/alerts/rules/{name}/chart", this::chart);
  }

  private void chart(Context ctx) {
    long project = authn.require(ctx).projectId();
    String name = ctx.pathParam("name");
    AlertRule rule = rules.get(project, name).orElseThrow(() -> new ApiError(404, "no alert rule '" + name + "' in this project")).rule();
    List<Clause.Chart> clauses = ChartView.charts(rule);
    if (clauses.isEmpty()) {
      throw new ApiError(400, "alert rule '" + name + "' has no control-chart clause (ewma(...) or cusum(...) out of control)");
    }
    String group = ctx.queryParam("group");
    if (group == null) group = "";
    if (rule.groupBy() == null && !group.isEmpty()) {
      throw new ApiError(400, "alert rule '" + name + "' has no group_by, so 'group' must be empty");
    }
    long now = EpochNanos.of(clock.instant());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rule", AlertRoutes.rule(rule));
    out.put("group", group);
    List<Map<String, Object>> views = new java.util.ArrayList<>();
    for (Clause.Chart c : clauses) views.add(view(charts.view(project, rule, c, group, now)));
    out.put("charts", views);
    ctx.json(out);
  }

  private static Map<String, Object> view(ChartView.Result r) {
    ChartParams p = r.params();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("clause", r.clause());
    m.put("kind", p.kind().name().toLowerCase(Locale.ROOT));
    m.put("params", p.kind() == ChartParams.Kind.EWMA ? Map.of("lambda", p.lambda(), "L", p.l(), "warmup", p.warmup())
        : Map.of("k", p.k(), "h", p.h(), "warmup", p.warmup()));
    ChartState s = r.state();
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("observations", s == null ? 0 : s.observations());
    state.put("warmed_up", r.warmedUp());
    state.put("mean", s == null || s.observations() == 0 ? null : s.mean());
    state.put("sigma", num(r.sigma()));
    state.put("statistic", num(r.statistic()));
    state.put("cusum_high", s == null || !r.warmedUp() ? null : s.cusumHigh());
    state.put("cusum_low", s == null || !r.warmedUp() ? null : s.cusumLow());
    state.put("out_of_control", r.outOfControl());
    state.put("last", s == null || s.observations() == 0 ? null : Views.time(s.lastEpochNanos()));
    m.put("state", state);
    m.put("points", r.points().stream().map(AlertChartRoutes::point).toList());
    return m;
  }

  private static Map<String, Object> point(ChartView.Point p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("time", Views.time(p.endEpochNanos()));
    m.put("value", p.value());
    m.put("samples", p.samples());
    m.put("statistic", num(p.statistic()));
    m.put("lower", num(p.lower()));
    m.put("upper", num(p.upper()));
    if (!Double.isNaN(p.cusumHigh())) {
      m.put("cusum_high", p.cusumHigh());
      m.put("cusum_low", p.cusumLow());
    }
    m.put("out_of_control", p.outOfControl());
    return m;
  }

  /** JSON has no NaN: "not yet" is null. */
  private static Double num(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
  }
}
