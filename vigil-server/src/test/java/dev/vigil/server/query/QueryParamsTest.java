package dev.vigil.server.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.storage.Dimension;
import dev.vigil.storage.MetricScope;
import dev.vigil.storage.SpanFilter;
import dev.vigil.storage.TraceSort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryParamsTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  static QueryParams params(Map<String, List<String>> p) {
    return new QueryParams(p, CLOCK);
  }

  @Test
  void defaultWindowIsTheLastDay() {
    SpanFilter f = params(Map.of()).filter();
    assertThat(f.toEpochNanos()).isEqualTo(NOW.getEpochSecond() * 1_000_000_000L);
    assertThat(f.toEpochNanos() - f.fromEpochNanos()).isEqualTo(Duration.ofDays(1).toNanos());
  }

  @Test
  void filtersSortsAndLists() {
    var q = params(Map.of("model", List.of("gpt-4o,gpt-4o-mini"), "user", List.of("a", "b"), "tag", List.of("vip"),
        "errors", List.of("true"), "min_latency_ms", List.of("250"), "q", List.of("refund"),
        "from", List.of("2026-11-21T00:00:00Z"), "to", List.of("1795428000000"), "sort", List.of("costliest"),
        "limit", List.of("20"))).traceQuery();
    assertThat(q.filter().values(Dimension.MODEL)).containsExactly("gpt-4o", "gpt-4o-mini");
    assertThat(q.filter().values(Dimension.USER)).containsExactly("a", "b");
    assertThat(q.filter().tags()).containsExactly("vip");
    assertThat(q.filter().errorsOnly()).isTrue();
    assertThat(q.filter().minLatencyMs()).isEqualTo(250.0);
    assertThat(q.filter().text()).isEqualTo("refund");
    assertThat(q.filter().toEpochNanos()).isEqualTo(1_795_428_000_000L * 1_000_000L);
    assertThat(q.sort()).isEqualTo(TraceSort.COSTLIEST);
    assertThat(q.limit()).isEqualTo(20);
  }

  @Test
  void metricQuery() {
    var q = params(Map.of("bucket", List.of("5m"), "group_by", List.of("model,feature"), "scope", List.of("traces"))).metricQuery();
    assertThat(q.bucket()).isEqualTo(Duration.ofMinutes(5));
    assertThat(q.groupBy()).containsExactly(Dimension.MODEL, Dimension.FEATURE);
    assertThat(q.scope()).isEqualTo(MetricScope.TRACES);
  }

  @Test
  void mistakesAreNamed() {
    assertThatThrownBy(() -> params(Map.of("modle", List.of("x"))).traceQuery()).hasMessageContaining("'modle'");
    assertThatThrownBy(() -> params(Map.of("errors", List.of("maybe"))).filter()).hasMessageContaining("true or false");
    assertThatThrownBy(() -> params(Map.of("min_cost", List.of("-1"))).filter()).hasMessageContaining("non-negative");
    assertThatThrownBy(() -> params(Map.of("from", List.of("2026-11-23T00:00:00Z"))).filter()).hasMessageContaining("before");
    assertThatThrownBy(() -> params(Map.of("sort", List.of("x"))).traceQuery()).hasMessageContaining("[newest, oldest, slowest, costliest]");
    assertThatThrownBy(() -> params(Map.of("limit", List.of("9999"))).traceQuery()).hasMessageContaining("between 1 and 500");
    assertThatThrownBy(() -> params(Map.of("group_by", List.of("colour"))).metricQuery()).hasMessageContaining("unknown dimension");
    assertThatThrownBy(() -> params(Map.of("bucket", List.of("1w"))).metricQuery()).hasMessageContaining("bucket");
    assertThatThrownBy(() -> params(Map.of("q", List.of("a", "b"))).filter()).hasMessageContaining("more than once");
  }
}
