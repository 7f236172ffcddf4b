package dev.vigil.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times, over HTTP, every request the web UI's pages make (the same query strings and SQL as
 * vigil-server/src/main/resources/ui/js), for a window of {@code hours} ending at QueryBenchmark's
 * fixed instant: median and max of 5 runs after 2 warm-ups, one request at a time. Run it against
 * {@code ./vigil serve} on a store QueryBenchmark loaded:
 * <pre>java -cp 'vigil-bench/target/vigil-bench.jar:vigil-bench/target/lib/*' dev.vigil.bench.UiCallsBenchmark http://127.0.0.1:4318 KEY 24</pre>
 */
public final class UiCallsBenchmark {
  private static final long END_MS = QueryBenchmark.NOW / 1_000_000;
  private static final String LLM = "span_type IN ('llm', 'embedding')";
  private static final ObjectMapper JSON = new ObjectMapper();

  record Call(String name, String path, String sql) {}

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    String key = args[1];
    int hours = Integer.parseInt(args[2]);
    HttpClient http = HttpClient.newHttpClient();
    System.out.printf("| call (%d h window) | median ms | max ms |%n|---|---|---|%n", hours);
    for (Call c : calls(hours)) {
      List<Double> times = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(c.path())).header("Authorization", "Bearer " + key);
        if (c.sql() != null) {
          b.header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", c.sql()))));
        }
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(c.name() + ": HTTP " + r.statusCode() + " " + r.body());
        if (i >= 2) times.add((System.nanoTime() - t0) / 1e6);
      }
      times.sort(null);
      System.out.printf("| %s | %.0f | %.0f |%n", c.name(), times.get(times.size() / 2), times.get(times.size() - 1));
    }
  }

  static List<Call> calls(int hours) {
    long from = END_MS - hours * 3_600_000L;
    long to = END_MS;
    long bucketMs = hours <= 24 ? 900_000 : 7_200_000; // what the UI picks for 24 h and 7 d
    String bucket = hours <= 24 ? "15m" : "2h";
    String window = "from=" + from + "&to=" + to;
    String prev = "from=" + (2 * from - to) + "&to=" + from;
    String w = "start_ns >= " + from + "000000 AND start_ns < " + to + "000000";
    String ts = "time >= make_timestamp(" + from + "000) AND time < make_timestamp(" + to + "000)";
    Map<String, String> get = new LinkedHashMap<>();
    Map<String, String> sql = new LinkedHashMap<>();
    sql.put("shell: feature list", "SELECT feature, count(*) AS n FROM spans WHERE " + w
        + " AND feature IS NOT NULL GROUP BY feature ORDER BY n DESC LIMIT 100");
    get.put("overview: traces series", "/api/v1/metrics?" + window + "&scope=traces&bucket=" + bucket + "&limit=1000");
    get.put("overview: llm series", "/api/v1/metrics?" + window + "&scope=llm_calls&bucket=" + bucket + "&limit=1000");
    get.put("overview: changes", "/api/v1/changes?" + window);
    get.put("overview: kpi traces", "/api/v1/metrics?" + window + "&scope=traces");
    get.put("overview: kpi traces prev", "/api/v1/metrics?" + prev + "&scope=traces");
    get.put("overview: kpi llm", "/api/v1/metrics?" + window + "&scope=llm_calls");
    get.put("overview: kpi llm prev", "/api/v1/metrics?" + prev + "&scope=llm_calls");
    sql.put("overview: latency histogram", "SELECT floor(log10(greatest(duration_ms, 0.1)) * 6)::INTEGER AS b, count(*) AS n "
        + "FROM spans WHERE " + w + " AND is_root GROUP BY b ORDER BY b");
    sql.put("overview: scores", "SELECT name, (epoch_ms(time) // " + bucketMs + ") * " + bucketMs + " AS b, avg(value) AS v, "
        + "count(*) AS n FROM scores WHERE " + ts + " AND value IS NOT NULL GROUP BY ALL ORDER BY b LIMIT 5000");
    sql.put("overview: feedback", "SELECT kind, count(*) AS n, avg(value) AS v FROM feedback WHERE " + ts
        + " GROUP BY kind ORDER BY n DESC LIMIT 20");
    sql.put("overview: spend by model", "SELECT model, start_ns // " + bucketMs + "000000 AS b, sum(cost) AS cost, "
        + "count(*) AS calls FROM spans WHERE " + w + " AND " + LLM + " GROUP BY ALL LIMIT 50000");
    sql.put("overview: cost by model", costBy("model", w, 8));
    sql.put("overview: cost by feature", costBy("feature", w, 8));
    sql.put("overview: cost by user", costBy("user_id", w, 8));
    sql.put("overview: scatter (last hour)", "SELECT trace_id, span_id, model, coalesce(input_tokens, 0) + "
        + "coalesce(output_tokens, 0) AS tokens, duration_ms, cost FROM spans WHERE " + w + " AND start_ns >= "
        + (to - 3_600_000) + "000000 AND span_type = 'llm' AND (input_tokens IS NOT NULL OR output_tokens IS NOT NULL) "
        + "ORDER BY start_ns DESC LIMIT 400");
    sql.put("overview: error types", "SELECT coalesce(error_type, '(no type)') AS error_type, feature, count(*) AS n, "
        + "max(start_ns) // 1000000 AS last_ms FROM spans WHERE " + w + " AND is_error GROUP BY ALL ORDER BY n DESC LIMIT 8");
    get.put("overview: recent errors", "/api/v1/traces?" + window + "&errors=true&limit=6");
    get.put("overview: slowest", "/api/v1/traces?" + window + "&sort=slowest&limit=6");
    get.put("overview: costliest", "/api/v1/traces?" + window + "&sort=costliest&limit=6");
    get.put("traces: page", "/api/v1/traces?" + window + "&limit=50");
    get.put("traces: errors of a feature", "/api/v1/traces?" + window + "&limit=50&errors=true&feature=support-chat");
    sql.put("traces: suggestions", "SELECT model, service, provider, environment, finish_reason, prompt_name, "
        + "prompt_version, release, count(*) AS n FROM spans WHERE " + w + " GROUP BY GROUPING SETS ((model), (service), "
        + "(provider), (environment), (finish_reason), (prompt_name), (prompt_version), (release)) ORDER BY n DESC LIMIT 600");
    get.put("sessions: page", "/api/v1/sessions?" + window + "&limit=50");
    get.put("users: page", "/api/v1/users?" + window + "&limit=50");
    sql.put("cost: kpis", "SELECT sum(cost) FILTER (WHERE " + LLM + ") AS cost, count(*) FILTER (WHERE " + LLM + ") AS calls, "
        + "count(*) FILTER (WHERE " + LLM + " AND cost_source = 'unpriced') AS unpriced, "
        + "count(*) FILTER (WHERE is_root) AS requests FROM spans WHERE " + w);
    sql.put("cost: by model (50)", costBy("model", w, 50));
    sql.put("cost: by user (50)", costBy("user_id", w, 50));
    sql.put("cost: by day", "SELECT start_ns // 86400000000000 AS b, sum(cost) AS cost, count(*) AS calls, "
        + "count(*) FILTER (WHERE cost_source = 'unpriced') AS unpriced, sum(input_tokens) AS input_tokens, "
        + "sum(output_tokens) AS output_tokens FROM spans WHERE " + w + " AND " + LLM + " GROUP BY b ORDER BY b DESC LIMIT 5000");
    sql.put("cost: unpriced models", "SELECT model, provider, count(*) AS calls, sum(coalesce(input_tokens, 0)) AS input_tokens, "
        + "sum(coalesce(output_tokens, 0)) AS output_tokens, max(start_ns) // 1000000 AS last_ms FROM spans WHERE " + w
        + " AND cost_source = 'unpriced' GROUP BY ALL ORDER BY calls DESC LIMIT 50");
    get.put("trace/settings: project", "/api/v1/project");
    List<Call> out = new ArrayList<>();
    get.forEach((name, path) -> out.add(new Call(name, path, null)));
    sql.forEach((name, q) -> out.add(new Call(name, "/api/v1/sql", q)));
    return out;
  }

  private static String costBy(String column, String where, int limit) {
    return "SELECT " + column + " AS k, sum(cost) AS cost, count(*) AS calls, count(*) FILTER (WHERE cost_source = "
        + "'unpriced') AS unpriced, sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens FROM spans "
        + "WHERE " + where + " AND " + LLM + " GROUP BY k ORDER BY cost DESC NULLS LAST, calls DESC LIMIT " + limit;
  }
}
