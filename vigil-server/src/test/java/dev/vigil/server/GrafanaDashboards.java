package dev.vigil.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metrics a shipped Grafana dashboard (docs/grafana) queries, for tests that check they exist. */
public final class GrafanaDashboards {
  private static final Pattern METRIC = Pattern.compile("\\b([a-z_]+)\\{");

  private GrafanaDashboards() {}

  /** Each query of {@code file}, in order, with the metric names it selects (those followed by a label matcher). */
  public static Map<String, List<String>> queriedMetrics(String file) throws IOException {
    JsonNode dashboard = new ObjectMapper().readTree(Path.of("..", "docs", "grafana", file).toFile());
    Map<String, List<String>> queries = new LinkedHashMap<>();
    for (JsonNode expr : dashboard.findValues("expr")) {
      List<String> names = new ArrayList<>();
      Matcher m = METRIC.matcher(expr.asText());
      while (m.find()) names.add(m.group(1));
      queries.put(expr.asText(), names);
    }
    return queries;
  }
}
