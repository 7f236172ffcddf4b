package dev.vigil.server.http;

import static dev.vigil.server.OtlpFixtures.randomHex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.GrafanaDashboards;
import dev.vigil.server.OtlpFixtures;
import dev.vigil.server.TestServer;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped health dashboard (docs/grafana/vigil-health.json) queries only metrics a running Vigil serves. */
class ITHealthDashboard {
  @TempDir
  Path dir;

  @Test
  void everyMetricTheHealthDashboardQueriesIsServed() throws Exception {
    var queries = GrafanaDashboards.queriedMetrics("vigil-health.json");
    assertThat(queries).hasSizeGreaterThanOrEqualTo(10);
    Set<String> queried = new TreeSet<>();
    queries.forEach((expr, names) -> {
      assertThat(names).as(expr).isNotEmpty();
      queried.addAll(names);
    });

    try (TestServer vigil = new TestServer(dir)) {
      var request = OtlpFixtures.chat(randomHex(16), randomHex(8), randomHex(8), System.currentTimeMillis() * 1_000_000L,
          "gpt-4o", "hi");
      assertThat(vigil.postBytes("/v1/traces", TestServer.KEY, "application/x-protobuf", request.toByteArray()).statusCode())
          .isEqualTo(200);
      System.gc(); // the GC pause timers appear with the first collection they are told of
      Set<String> missing = queried;
      for (int attempt = 0; attempt < 50 && !missing.isEmpty(); attempt++) {
        if (attempt > 0) Thread.sleep(100);
        String scrape = vigil.get("/metrics", null).body();
        missing = new TreeSet<>(queried.stream().filter(name -> !served(scrape, name)).toList());
      }
      assertThat(missing).as("queried by the dashboard but not on /metrics").isEmpty();
    }
  }

  private static boolean served(String scrape, String name) {
    return Pattern.compile("(?m)^" + name + "[{ ]").matcher(scrape).find();
  }
}
