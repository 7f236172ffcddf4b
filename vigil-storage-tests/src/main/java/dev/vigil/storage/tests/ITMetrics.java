package dev.vigil.storage.tests;

import static dev.vigil.storage.tests.TestObjects.HOUR;
import static dev.vigil.storage.tests.TestObjects.MINUTE;
import static dev.vigil.storage.tests.TestObjects.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.model.Cost;
import dev.vigil.model.LlmCall;
import dev.vigil.model.Span;
import dev.vigil.model.StatusCode;
import dev.vigil.storage.Dimension;
import dev.vigil.storage.MetricOrder;
import dev.vigil.storage.MetricQuery;
import dev.vigil.storage.MetricRow;
import dev.vigil.storage.MetricScope;
import dev.vigil.storage.SpanFilter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Window metrics: counts, rates, percentiles, tokens, cost; buckets; groups; scopes. */
public abstract class ITMetrics extends StorageTestBase {

  /**
   * 100 gpt-4o calls with latencies 10..1000 ms in the first minute (every 10th an error, every 20th a
   * content-filter refusal), and 10 claude calls, unpriced, in the second minute.
   */
  @BeforeEach
  void calls() {
    List<Span> spans = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      String traceId = TestObjects.traceId();
      long start = T0 + i * 100_000_000L;
      Span.Builder b = TestObjects.llm(traceId, null, start, "gpt-4o").endEpochNanos(start + i * 10_000_000L)
          .status(i % 10 == 0 ? StatusCode.ERROR : StatusCode.OK);
      if (i % 20 == 0) {
        LlmCall call = b.build().llm();
        b.llm(new LlmCall(call.operation(), call.provider(), call.requestModel(), call.responseModel(), call.usage(),
            call.cost(), List.of("content_filter"), call.timeToFirstTokenNanos(), false, null, Map.of()));
      }
      spans.add(b.build());
    }
    for (int i = 0; i < 10; i++) {
      String traceId = TestObjects.traceId();
      Span.Builder b = TestObjects.llm(traceId, null, T0 + MINUTE + i * 1000, "claude-sonnet-4");
      LlmCall call = b.build().llm();
      spans.add(b.llm(call.withCost(Cost.UNPRICED)).build());
    }
    accept(spans);
  }

  private List<MetricRow> query(Duration bucket, List<Dimension> groups, MetricScope scope) {
    return storage.metricStore().query(project,
        new MetricQuery(SpanFilter.between(T0, T0 + HOUR), scope, bucket, groups, MetricOrder.COUNT, 10));
  }

  @Test
  public void wholeRangeTotals() {
    MetricRow row = query(null, List.of(), MetricScope.LLM_CALLS).get(0);
    assertThat(row.count()).isEqualTo(110);
    assertThat(row.errors()).isEqualTo(10);
    assertThat(row.refusals()).isEqualTo(5);
    assertThat(row.inputTokens()).isEqualTo(110 * 1200);
    assertThat(row.cost()).isCloseTo(100 * 0.00575, within(1e-9));
    assertThat(row.unpriced()).isEqualTo(10);
    assertThat(row.errorRate()).isCloseTo(10 / 110d, within(1e-12));
    assertThat(row.ttftP50Ms()).isEqualTo(180.0);
  }

  @Test
  public void percentilesPerGroupAndBucket() {
    List<MetricRow> rows = query(Duration.ofMinutes(1), List.of(Dimension.PROVIDER, Dimension.MODEL), MetricScope.LLM_CALLS);
    assertThat(rows).hasSize(2);
    MetricRow gpt = rows.get(0);
    assertThat(gpt.bucketStartEpochNanos()).isEqualTo(T0);
    assertThat(gpt.group()).containsEntry(Dimension.MODEL, "gpt-4o-2024-08-06").containsEntry(Dimension.PROVIDER, "openai");
    assertThat(gpt.count()).isEqualTo(100);
    assertThat(gpt.latencyP50Ms()).isCloseTo(505.0, within(0.01)); // 10..1000 step 10
    assertThat(gpt.latencyP95Ms()).isCloseTo(950.5, within(0.01));
    assertThat(gpt.latencyP99Ms()).isCloseTo(990.1, within(0.01));
    MetricRow claude = rows.get(1);
    assertThat(claude.bucketStartEpochNanos()).isEqualTo(T0 + MINUTE);
    assertThat(claude.count()).isEqualTo(10);
    assertThat(claude.cost()).isNull();
    assertThat(claude.unpriced()).isEqualTo(10);
  }

  @Test
  public void topGroupsOnly() {
    List<MetricRow> rows = storage.metricStore().query(project, new MetricQuery(SpanFilter.between(T0, T0 + HOUR),
        MetricScope.LLM_CALLS, null, List.of(Dimension.MODEL), MetricOrder.COUNT, 1));
    assertThat(rows).singleElement().satisfies(r -> assertThat(r.group().get(Dimension.MODEL)).isEqualTo("gpt-4o-2024-08-06"));
  }

  @Test
  public void topGroupsAreRankedOverTheWholeRange() {
    // gpt-4o: 100 calls in minute one, some failing; claude: 10 slower, unpriced calls in minute two
    assertThat(topModel(MetricOrder.COUNT)).isEqualTo("gpt-4o-2024-08-06");
    assertThat(topModel(MetricOrder.COST)).isEqualTo("gpt-4o-2024-08-06");
    assertThat(topModel(MetricOrder.ERRORS)).isEqualTo("gpt-4o-2024-08-06");
    assertThat(topModel(MetricOrder.TOKENS)).isEqualTo("gpt-4o-2024-08-06");
    assertThat(topModel(MetricOrder.P95_LATENCY)).isEqualTo("claude-sonnet-4-2024-08-06");
    List<MetricRow> byUser = storage.metricStore().query(project, new MetricQuery(SpanFilter.between(T0, T0 + HOUR),
        MetricScope.LLM_CALLS, Duration.ofMinutes(1), List.of(Dimension.USER), MetricOrder.COUNT, 1));
    assertThat(byUser).extracting(MetricRow::count).containsExactly(100L, 10L);
    assertThat(byUser).allSatisfy(r -> assertThat(r.group()).containsEntry(Dimension.USER, "user-1"));
  }

  /** The one model kept with limit 1, in every per-minute bucket it has rows in. */
  private String topModel(MetricOrder order) {
    List<MetricRow> rows = storage.metricStore().query(project, new MetricQuery(SpanFilter.between(T0, T0 + HOUR),
        MetricScope.LLM_CALLS, Duration.ofMinutes(1), List.of(Dimension.MODEL), order, 1));
    assertThat(rows).extracting(r -> r.group().get(Dimension.MODEL)).containsOnly(rows.get(0).group().get(Dimension.MODEL));
    return rows.get(0).group().get(Dimension.MODEL);
  }

  @Test
  public void scopeAndFilterNarrowTheRows() {
    assertThat(query(null, List.of(), MetricScope.TRACES).get(0).count()).isEqualTo(110); // every call is a root here
    SpanFilter errors = new SpanFilter(T0, T0 + HOUR, Map.of(Dimension.MODEL, List.of("gpt-4o-2024-08-06")), List.of(),
        true, null, null, null, null, null, null, null);
    MetricRow row = storage.metricStore().query(project, new MetricQuery(errors, null, null, List.of(), null, 10)).get(0);
    assertThat(row.count()).isEqualTo(10);
    assertThat(row.errors()).isEqualTo(10);
  }

  @Test
  public void emptyRangeHasNoRows() {
    List<MetricRow> rows = storage.metricStore().query(project,
        new MetricQuery(SpanFilter.between(T0 - 2 * HOUR, T0 - HOUR), null, Duration.ofMinutes(5), List.of(), null, 10));
    assertThat(rows).isEmpty();
  }
}
