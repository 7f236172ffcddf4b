package dev.vigil.storage.tests;

import static dev.vigil.storage.tests.TestObjects.HOUR;
import static dev.vigil.storage.tests.TestObjects.MINUTE;
import static dev.vigil.storage.tests.TestObjects.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Cost;
import dev.vigil.model.CostSource;
import dev.vigil.model.LlmCall;
import dev.vigil.model.Span;
import dev.vigil.model.SpanKind;
import dev.vigil.model.SpanType;
import dev.vigil.model.StatusCode;
import dev.vigil.model.Usage;
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
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Long-range metrics a backend may answer from pre-aggregated rollups must agree with the raw scan:
 * counts, tokens and unpriced exactly, cost to rounding, percentiles within {@link #PERCENTILE_ERROR}
 * (relative). The raw answer is asked by the same query plus a no-op latency bound (≥ 0 ms), which no
 * rollup can serve. Data: random spans over four days, sent in several batches, one batch re-sent.
 */
public abstract class ITRollups extends StorageTestBase {
  /** The documented bound on rollup percentiles (docs/api.md), with a hair for floating point. */
  protected static final double PERCENTILE_ERROR = 0.02 + 1e-9;
  private static final long DAY = 24 * HOUR;
  private static final String[] FEATURES = {"chat", "search", "summarize"};
  private static final String[] MODELS = {"gpt-4o", "gpt-4o-mini", "claude-sonnet-4"};
  private static final String[] PROVIDERS = {"openai", "openai", "anthropic"};

  private final List<Span> spans = new ArrayList<>();
  private final long start = T0 - 3 * DAY - 17 * MINUTE;

  @BeforeEach
  void randomTraffic() {
    SplittableRandom random = new SplittableRandom(42);
    List<Span> batch = new ArrayList<>();
    for (int t = 0; t < 1200; t++) {
      long at = start + random.nextLong(4 * DAY);
      trace(random, at, batch);
      if (batch.size() > 400) {
        accept(batch);
        spans.addAll(batch);
        if (spans.size() < 900) accept(batch); // a retried batch is stored, and counted, once
        batch = new ArrayList<>();
      }
    }
    accept(batch);
    spans.addAll(batch);
  }

  private void trace(SplittableRandom random, long at, List<Span> out) {
    String traceId = TestObjects.traceId();
    String rootId = TestObjects.spanId();
    int f = random.nextInt(FEATURES.length);
    String user = random.nextInt(10) == 0 ? null : "user-" + random.nextInt(40);
    boolean failed = random.nextInt(15) == 0;
    out.add(Span.builder().traceId(traceId).spanId(rootId).name("POST /" + FEATURES[f]).kind(SpanKind.SERVER)
        .type(SpanType.CHAIN).startEpochNanos(at).endEpochNanos(at + 1 + random.nextLong(5_000_000_000L))
        .status(failed ? StatusCode.ERROR : StatusCode.OK).serviceName(FEATURES[f] + "-svc").feature(FEATURES[f])
        .userId(user).environment("production").tags(List.of("beta")).build());
    int calls = 1 + random.nextInt(3);
    for (int i = 0; i < calls; i++) {
      int m = random.nextInt(MODELS.length);
      long duration = (long) (400e6 * Math.exp(0.8 * random.nextGaussian()));
      long in = 100 + random.nextInt(2000);
      long outTokens = random.nextInt(500);
      Cost cost = random.nextInt(12) == 0 ? Cost.UNPRICED
          : new Cost(null, null, null, null, null, random.nextDouble() / 100, CostSource.TABLE);
      String finish = random.nextInt(20) == 0 ? "content_filter" : random.nextInt(10) == 0 ? "length" : "stop";
      boolean streaming = random.nextBoolean();
      LlmCall llm = new LlmCall("chat", PROVIDERS[m], MODELS[m], MODELS[m], new Usage(in, outTokens, null, null, null, false),
          cost, List.of(finish), streaming ? duration / 4 : null, streaming, null, Map.of());
      SpanType type = random.nextInt(8) == 0 ? SpanType.EMBEDDING : SpanType.LLM;
      out.add(Span.builder().traceId(traceId).spanId(TestObjects.spanId()).parentSpanId(rootId).name("chat")
          .kind(SpanKind.CLIENT).type(type).startEpochNanos(at + i).endEpochNanos(at + i + duration)
          .status(failed && i == 0 ? StatusCode.ERROR : StatusCode.OK).serviceName(FEATURES[f] + "-svc")
          .feature(FEATURES[f]).userId(user).promptVersion(random.nextBoolean() ? "v1" : "v2")
          .environment("production").llm(llm).build());
    }
  }

  private List<MetricRow> metrics(SpanFilter f, MetricScope scope, Duration bucket, List<Dimension> groups,
      MetricOrder order, int limit) {
    return storage.metricStore().query(project, new MetricQuery(f, scope, bucket, groups, order, limit));
  }

  /** The same question with a no-op latency bound, which only the raw scan answers. */
  private static SpanFilter raw(SpanFilter f) {
    return new SpanFilter(f.fromEpochNanos(), f.toEpochNanos(), f.equals(), f.tags(), f.errorsOnly(), 0.0, null,
        null, null, null, null, null);
  }

  private void assertAgrees(SpanFilter f, MetricScope scope, Duration bucket, List<Dimension> groups, MetricOrder order,
      int limit) {
    List<MetricRow> fast = metrics(f, scope, bucket, groups, order, limit);
    List<MetricRow> exact = metrics(raw(f), scope, bucket, groups, order, limit);
    assertThat(fast).as("rows of %s %s %s", scope, bucket, groups).hasSameSizeAs(exact).isNotEmpty();
    for (int i = 0; i < fast.size(); i++) assertRowAgrees(fast.get(i), exact.get(i));
  }

  private static void assertRowAgrees(MetricRow fast, MetricRow exact) {
    assertThat(fast.bucketStartEpochNanos()).isEqualTo(exact.bucketStartEpochNanos());
    assertThat(fast.group()).isEqualTo(exact.group());
    assertThat(fast.count()).isEqualTo(exact.count());
    assertThat(fast.errors()).isEqualTo(exact.errors());
    assertThat(fast.refusals()).isEqualTo(exact.refusals());
    assertThat(fast.inputTokens()).isEqualTo(exact.inputTokens());
    assertThat(fast.outputTokens()).isEqualTo(exact.outputTokens());
    assertThat(fast.unpriced()).isEqualTo(exact.unpriced());
    if (exact.cost() == null) assertThat(fast.cost()).isNull();
    else assertThat(fast.cost()).isCloseTo(exact.cost(), org.assertj.core.api.Assertions.within(1e-9));
    assertClose(fast.latencyP50Ms(), exact.latencyP50Ms());
    assertClose(fast.latencyP95Ms(), exact.latencyP95Ms());
    assertClose(fast.latencyP99Ms(), exact.latencyP99Ms());
    assertClose(fast.ttftP50Ms(), exact.ttftP50Ms());
    assertClose(fast.ttftP95Ms(), exact.ttftP95Ms());
  }

  private static void assertClose(Double fast, Double exact) {
    if (exact == null) {
      assertThat(fast).isNull();
      return;
    }
    assertThat(fast).isNotNull();
    assertThat(Math.abs(fast - exact)).isLessThanOrEqualTo(PERCENTILE_ERROR * Math.abs(exact) + 1e-9);
  }

  @Test
  public void longRangesWithRaggedEdgesAgreeWithTheRawScan() {
    SpanFilter range = SpanFilter.between(start + 13 * MINUTE, T0 + 5 * HOUR + 3 * MINUTE);
    for (MetricScope scope : MetricScope.values()) assertAgrees(range, scope, null, List.of(), MetricOrder.COUNT, 10);
    assertAgrees(range, MetricScope.LLM_CALLS, Duration.ofHours(1), List.of(Dimension.MODEL), MetricOrder.COUNT, 10);
    assertAgrees(range, MetricScope.LLM_CALLS, Duration.ofDays(1), List.of(Dimension.FEATURE), MetricOrder.COUNT, 20);
    assertAgrees(range, MetricScope.LLM_CALLS, Duration.ofHours(6), List.of(Dimension.PROVIDER, Dimension.STATUS),
        MetricOrder.ERRORS, 10);
    assertAgrees(range, MetricScope.LLM_CALLS, null, List.of(Dimension.MODEL, Dimension.FEATURE), MetricOrder.COST, 50);
    assertAgrees(range, MetricScope.SPANS, null, List.of(Dimension.TYPE, Dimension.SERVICE), MetricOrder.TOKENS, 50);
    assertAgrees(range, MetricScope.LLM_CALLS, null, List.of(Dimension.FEATURE), MetricOrder.P95_LATENCY, 10);
    assertAgrees(range, MetricScope.LLM_CALLS, null, List.of(Dimension.USER), MetricOrder.COST, 5);
    assertAgrees(range, MetricScope.LLM_CALLS, Duration.ofDays(1), List.of(Dimension.USER), MetricOrder.COST, 3);
    // ragged days mostly inside (20:00 to midnight, midnight to 03:00) and mostly outside the range
    assertAgrees(SpanFilter.between(T0 - 2 * DAY + 10 * HOUR, T0 + 17 * HOUR), MetricScope.LLM_CALLS, null,
        List.of(Dimension.USER), MetricOrder.TOKENS, 5);
    assertAgrees(SpanFilter.between(T0 - 2 * DAY - 8 * HOUR, T0 + 11 * HOUR), MetricScope.LLM_CALLS, null,
        List.of(Dimension.USER), MetricOrder.ERRORS, 45);
  }

  @Test
  public void rolledUpFiltersAgreeAndOthersAreExact() {
    SpanFilter range = SpanFilter.between(T0 - 2 * DAY + 7 * MINUTE, T0 + 59 * MINUTE);
    SpanFilter chatErrors = new SpanFilter(range.fromEpochNanos(), range.toEpochNanos(),
        Map.of(Dimension.FEATURE, List.of("chat", "search"), Dimension.ENVIRONMENT, List.of("production")),
        List.of(), true, null, null, null, null, null, null, null);
    assertAgrees(chatErrors, MetricScope.SPANS, Duration.ofHours(2), List.of(Dimension.MODEL), MetricOrder.COUNT, 10);
    SpanFilter okClaude = new SpanFilter(range.fromEpochNanos(), range.toEpochNanos(),
        Map.of(Dimension.MODEL, List.of("claude-sonnet-4")), List.of(), false, null, null, null, null, null, null, null);
    assertAgrees(okClaude, MetricScope.LLM_CALLS, null, List.of(), MetricOrder.COUNT, 10);

    // Conditions rollups do not key by: answered by the raw scan, percentiles exact.
    SpanFilter user = new SpanFilter(range.fromEpochNanos(), range.toEpochNanos(),
        Map.of(Dimension.USER, List.of("user-7")), List.of(), null, null, null, null, null, null, null, null);
    assertExact(user, MetricScope.LLM_CALLS, s -> "user-7".equals(s.userId()));
    SpanFilter v2 = new SpanFilter(range.fromEpochNanos(), range.toEpochNanos(),
        Map.of(Dimension.PROMPT_VERSION, List.of("v2")), List.of(), null, null, null, null, null, null, null, null);
    assertExact(v2, MetricScope.LLM_CALLS, s -> "v2".equals(s.promptVersion()));
    SpanFilter tagged = new SpanFilter(range.fromEpochNanos(), range.toEpochNanos(), Map.of(), List.of("beta"),
        null, null, null, null, null, null, null, null);
    assertExact(tagged, MetricScope.TRACES, s -> s.parentSpanId() == null);
    SpanFilter cheap = new SpanFilter(range.fromEpochNanos(), range.toEpochNanos(), Map.of(), List.of(), null,
        null, null, null, 0.005, null, null, null);
    assertExact(cheap, MetricScope.LLM_CALLS, s -> s.llm().cost().total() != null && s.llm().cost().total() <= 0.005);
    // five-minute buckets cannot be made of hours
    List<MetricRow> fiveMinutes = metrics(range, MetricScope.LLM_CALLS, Duration.ofMinutes(5), List.of(), MetricOrder.COUNT, 10);
    assertThat(fiveMinutes.stream().mapToLong(MetricRow::count).sum()).isEqualTo(expected(range, MetricScope.LLM_CALLS, s -> true).size());
  }

  @Test
  public void retentionCutsRollupsWhereItCutsSpans() {
    long cutoff = T0 - 2 * DAY + 5 * HOUR + 29 * MINUTE; // inside an hour, inside a day
    storage.retention().purgeBefore(project, cutoff);
    spans.removeIf(s -> s.startEpochNanos() < cutoff);
    SpanFilter everything = SpanFilter.between(start - DAY, T0 + 2 * DAY);
    List<MetricRow> total = metrics(everything, MetricScope.SPANS, null, List.of(), MetricOrder.COUNT, 10);
    assertThat(total.get(0).count()).isEqualTo(spans.size());
    assertAgrees(everything, MetricScope.LLM_CALLS, Duration.ofHours(1), List.of(Dimension.FEATURE), MetricOrder.COUNT, 10);
    assertAgrees(SpanFilter.between(cutoff - 3 * HOUR, T0), MetricScope.SPANS, Duration.ofDays(1), List.of(), MetricOrder.COUNT, 10);
    assertAgrees(everything, MetricScope.LLM_CALLS, null, List.of(Dimension.USER), MetricOrder.COUNT, 50);
  }

  private List<Span> expected(SpanFilter f, MetricScope scope, Predicate<Span> also) {
    return spans.stream().filter(s -> s.startEpochNanos() >= f.fromEpochNanos() && s.startEpochNanos() < f.toEpochNanos())
        .filter(s -> switch (scope) {
          case LLM_CALLS -> s.type() == SpanType.LLM || s.type() == SpanType.EMBEDDING;
          case TRACES -> s.parentSpanId() == null;
          case SPANS -> true;
        }).filter(also).toList();
  }

  /** Totals and percentiles computed here, as DuckDB's quantile_cont interpolates them. */
  private void assertExact(SpanFilter f, MetricScope scope, Predicate<Span> also) {
    List<Span> matching = expected(f, scope, also);
    MetricRow row = metrics(f, scope, null, List.of(), MetricOrder.COUNT, 10).get(0);
    assertThat(row.count()).isEqualTo(matching.size());
    double[] ms = matching.stream().mapToDouble(s -> s.durationNanos() / 1e6).sorted().toArray();
    assertThat(row.latencyP50Ms()).isCloseTo(quantile(ms, 0.5), org.assertj.core.api.Assertions.within(1e-6));
    assertThat(row.latencyP95Ms()).isCloseTo(quantile(ms, 0.95), org.assertj.core.api.Assertions.within(1e-6));
  }

  private static double quantile(double[] sorted, double q) {
    double rank = q * (sorted.length - 1);
    int lo = (int) Math.floor(rank);
    int hi = (int) Math.ceil(rank);
    return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
  }
}
