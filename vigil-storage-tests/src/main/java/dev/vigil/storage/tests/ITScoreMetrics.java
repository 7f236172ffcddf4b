package dev.vigil.storage.tests;

import static dev.vigil.storage.tests.TestObjects.HOUR;
import static dev.vigil.storage.tests.TestObjects.MINUTE;
import static dev.vigil.storage.tests.TestObjects.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.model.Score;
import dev.vigil.model.ScoreDataType;
import dev.vigil.model.ScoreSource;
import dev.vigil.model.Span;
import dev.vigil.storage.Dimension;
import dev.vigil.storage.ScoreMetricQuery;
import dev.vigil.storage.ScoreMetrics;
import dev.vigil.storage.SpanFilter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Score aggregates: buckets, percentiles, pass rates, distributions, slices by span dimensions. */
public abstract class ITScoreMetrics extends StorageTestBase {
  private int ids;

  private Score numeric(Span span, double value, long at) {
    return new Score("n" + ids++, span.traceId(), span.spanId(), "relevance", ScoreDataType.NUMERIC, value, null,
        ScoreSource.EVAL, "why " + value, at, Map.of());
  }

  private Score check(Span span, boolean passed, long at) {
    return new Score("b" + ids++, span.traceId(), span.spanId(), "policy", ScoreDataType.BOOLEAN, passed ? 1.0 : 0.0,
        passed ? "pass" : "fail", ScoreSource.EVAL, null, at, Map.of());
  }

  private static SpanFilter range() {
    return SpanFilter.between(T0, T0 + 2 * HOUR);
  }

  @Test
  public void bucketsMeanPercentilesAndThresholdShares() {
    List<Span> trace = TestObjects.trace(T0, "support-chat", "gpt-4o");
    accept(trace);
    Span llm = trace.get(2);
    List<Score> scores = new ArrayList<>();
    for (int v = 1; v <= 10; v++) scores.add(numeric(llm, v, T0 + v * MINUTE)); // first hour: 1..10
    scores.add(numeric(llm, 2, T0 + HOUR + MINUTE));                             // second hour: 2, 4
    scores.add(numeric(llm, 4, T0 + HOUR + 2 * MINUTE));
    scores.add(numeric(llm, 9, T0 + 3 * HOUR));                                  // outside the range
    storage.signalStore().putScores(project, scores);

    ScoreMetrics m = storage.scoreMetricStore().query(project,
        new ScoreMetricQuery(range(), "relevance", Duration.ofHours(1), null, 7.0, 20, 5));

    assertThat(m.rows()).hasSize(2);
    ScoreMetrics.Row first = m.rows().get(0);
    assertThat(first.bucketStartEpochNanos()).isEqualTo(T0);
    assertThat(first.group()).isNull();
    assertThat(first.count()).isEqualTo(10);
    assertThat(first.mean()).isCloseTo(5.5, within(1e-9));
    assertThat(first.p50()).isCloseTo(5.5, within(1e-9));
    assertThat(first.p90()).isCloseTo(9.1, within(1e-9));
    assertThat(first.passRate()).isCloseTo(0.4, within(1e-9));   // 7, 8, 9, 10
    assertThat(first.belowShare()).isCloseTo(0.6, within(1e-9));
    ScoreMetrics.Row second = m.rows().get(1);
    assertThat(second.bucketStartEpochNanos()).isEqualTo(T0 + HOUR);
    assertThat(second.count()).isEqualTo(2);
    assertThat(second.mean()).isCloseTo(3.0, within(1e-9));
    assertThat(second.belowShare()).isEqualTo(1.0);

    // 12 values from 1 to 10 in 5 bins of width 1.8; the top edge is inclusive
    assertThat(m.histogram()).extracting(ScoreMetrics.Bin::count).containsExactly(3L, 3L, 2L, 2L, 2L);
    assertThat(m.histogram().get(0).from()).isEqualTo(1.0);
    assertThat(m.histogram().get(4).to()).isEqualTo(10.0);
    assertThat(m.labels()).isEmpty();
  }

  @Test
  public void oneBucketForTheRangeWithoutThresholdHasNoNumericPassRate() {
    List<Span> trace = TestObjects.trace(T0, "support-chat", "gpt-4o");
    accept(trace);
    storage.signalStore().putScores(project, List.of(numeric(trace.get(2), 3, T0 + MINUTE),
        numeric(trace.get(2), 5, T0 + HOUR + MINUTE)));

    ScoreMetrics m = storage.scoreMetricStore().query(project, ScoreMetricQuery.of(range(), "relevance", null));

    assertThat(m.rows()).singleElement().satisfies(r -> {
      assertThat(r.bucketStartEpochNanos()).isEqualTo(T0);
      assertThat(r.count()).isEqualTo(2);
      assertThat(r.p50()).isEqualTo(4.0);
      assertThat(r.passRate()).isNull();
      assertThat(r.belowShare()).isNull();
    });
  }

  @Test
  public void booleanPassRateAndLabelCounts() {
    List<Span> trace = TestObjects.trace(T0, "support-chat", "gpt-4o");
    accept(trace);
    Span llm = trace.get(2);
    storage.signalStore().putScores(project, List.of(check(llm, true, T0 + MINUTE), check(llm, true, T0 + 2 * MINUTE),
        check(llm, true, T0 + 3 * MINUTE), check(llm, false, T0 + 4 * MINUTE)));

    ScoreMetrics m = storage.scoreMetricStore().query(project, ScoreMetricQuery.of(range(), "policy", null));

    assertThat(m.rows()).singleElement().satisfies(r -> {
      assertThat(r.passRate()).isEqualTo(0.75);
      assertThat(r.mean()).isEqualTo(0.75);
    });
    assertThat(m.labels()).containsExactly(Map.entry("pass", 3L), Map.entry("fail", 1L));
    assertThat(m.histogram()).isEmpty();
  }

  @Test
  public void slicesAndGroupsBySpanDimensions() {
    List<Span> chat = TestObjects.trace(T0, "support-chat", "gpt-4o");
    List<Span> search = TestObjects.trace(T0 + MINUTE, "search", "gpt-4o-mini");
    accept(project, concat(chat, search));
    Score chatLlm = numeric(chat.get(2), 8, T0 + 5 * MINUTE);
    Score searchLlm = numeric(search.get(2), 2, T0 + 6 * MINUTE);
    // a score without a span id belongs to the trace's root span
    Score searchTrace = new Score("t1", search.get(0).traceId(), null, "relevance", ScoreDataType.NUMERIC, 4.0, null,
        ScoreSource.API, null, T0 + 7 * MINUTE, Map.of());
    storage.signalStore().putScores(project, List.of(chatLlm, searchLlm, searchTrace));

    SpanFilter onlySearch = new SpanFilter(T0, T0 + 2 * HOUR, Map.of(Dimension.FEATURE, List.of("search")), List.of(),
        null, null, null, null, null, null, null, null);
    ScoreMetrics sliced = storage.scoreMetricStore().query(project, ScoreMetricQuery.of(onlySearch, "relevance", null));
    assertThat(sliced.rows()).singleElement().satisfies(r -> {
      assertThat(r.count()).isEqualTo(2);
      assertThat(r.mean()).isEqualTo(3.0);
    });

    // the index keeps the response model
    SpanFilter gpt4o = new SpanFilter(T0, T0 + 2 * HOUR, Map.of(Dimension.MODEL, List.of("gpt-4o-2024-08-06")), List.of(),
        null, null, null, null, null, null, null, null);
    assertThat(storage.scoreMetricStore().query(project, ScoreMetricQuery.of(gpt4o, "relevance", null)).rows())
        .singleElement().satisfies(r -> assertThat(r.mean()).isEqualTo(8.0));

    ScoreMetrics grouped = storage.scoreMetricStore().query(project,
        new ScoreMetricQuery(range(), "relevance", null, Dimension.FEATURE, null, 20, 10));
    assertThat(grouped.rows()).extracting(ScoreMetrics.Row::group, ScoreMetrics.Row::count)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("search", 2L), org.assertj.core.groups.Tuple.tuple("support-chat", 1L));

    ScoreMetrics top = storage.scoreMetricStore().query(project,
        new ScoreMetricQuery(range(), "relevance", null, Dimension.FEATURE, null, 1, 10));
    assertThat(top.rows()).extracting(ScoreMetrics.Row::group).containsExactly("search");
  }

  @Test
  public void scopedToProjectAndName() {
    List<Span> trace = TestObjects.trace(T0, "support-chat", "gpt-4o");
    accept(trace);
    storage.signalStore().putScores(project, List.of(numeric(trace.get(2), 3, T0 + MINUTE)));
    long other = storage.projectStore().createProject("other", null).id();

    assertThat(storage.scoreMetricStore().query(other, ScoreMetricQuery.of(range(), "relevance", null)).rows()).isEmpty();
    assertThat(storage.scoreMetricStore().query(project, ScoreMetricQuery.of(range(), "other", null)).rows()).isEmpty();
  }

  @Test
  public void aTraceLevelScoreCountsOnceForEverySliceItsTraceIsIn() {
    List<Span> v2 = TestObjects.trace(T0, "support-chat", "gpt-4o"); // the prompt version is on the LLM call only
    Span v3 = TestObjects.llm(TestObjects.traceId(), null, T0 + MINUTE, "gpt-4o").promptVersion("v3").build();
    List<Span> all = new ArrayList<>(v2);
    all.add(v3);
    accept(project, all);
    storage.signalStore().putScores(project, List.of(numeric(v2.get(2), 8, T0 + 2 * MINUTE),
        new Score("t-v2", v2.get(0).traceId(), null, "relevance", ScoreDataType.NUMERIC, 6.0, null, ScoreSource.API, null,
            T0 + 3 * MINUTE, Map.of()),
        new Score("t-v3", v3.traceId(), null, "relevance", ScoreDataType.NUMERIC, 4.0, null, ScoreSource.API, null,
            T0 + 3 * MINUTE, Map.of())));

    SpanFilter promptV2 = new SpanFilter(T0, T0 + 2 * HOUR, Map.of(Dimension.PROMPT_VERSION, List.of("v2")), List.of(),
        null, null, null, null, null, null, null, null);
    assertThat(storage.scoreMetricStore().series(project, ScoreMetricQuery.of(promptV2, "relevance", null)))
        .singleElement().satisfies(r -> {
          assertThat(r.count()).isEqualTo(2); // the trace-level 6 through the trace's LLM call, and the call's 8
          assertThat(r.mean()).isEqualTo(7.0);
        });
    // the trace-level score meets three support-chat spans of its trace and still counts once
    SpanFilter chat = new SpanFilter(T0, T0 + 2 * HOUR, Map.of(Dimension.FEATURE, List.of("support-chat")), List.of(),
        null, null, null, null, null, null, null, null);
    assertThat(storage.scoreMetricStore().series(project, ScoreMetricQuery.of(chat, "relevance", null)))
        .singleElement().satisfies(r -> assertThat(r.count()).isEqualTo(3));
    assertThat(storage.scoreMetricStore().series(project,
        new ScoreMetricQuery(range(), "relevance", null, Dimension.PROMPT_VERSION, null, 20, 1)))
        .extracting(ScoreMetrics.Row::group, ScoreMetrics.Row::count)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("v2", 2L), org.assertj.core.groups.Tuple.tuple("v3", 1L));
  }

  /** What alert rules read: min, the counts each aggregate rests on, and the rows without the distribution. */
  @Test
  public void seriesHasMinValuedAndPassableCounts() {
    List<Span> trace = TestObjects.trace(T0, "support-chat", "gpt-4o");
    accept(trace);
    Span llm = trace.get(2);
    List<Score> scores = new ArrayList<>();
    double[] values = {9, 3, 7, 5, 10, 6};
    for (int i = 0; i < values.length; i++) scores.add(numeric(llm, values[i], T0 + (i + 1) * MINUTE));
    // a label without a value: it can pass or fail but has no value to average
    scores.add(new Score("c1", llm.traceId(), llm.spanId(), "relevance", ScoreDataType.CATEGORICAL, null, "fail",
        ScoreSource.ANNOTATION, null, T0 + 10 * MINUTE, Map.of()));
    storage.signalStore().putScores(project, scores);

    ScoreMetricQuery passAt = new ScoreMetricQuery(range(), "relevance", null, null, 0.5, 1, 1);
    assertThat(storage.scoreMetricStore().series(project, passAt)).singleElement().satisfies(r -> {
      assertThat(r.count()).isEqualTo(7);
      assertThat(r.valued()).isEqualTo(6);
      assertThat(r.passable()).isEqualTo(7);
      assertThat(r.passRate()).isCloseTo(6 / 7.0, within(1e-9));
      assertThat(r.min()).isEqualTo(3.0);
      assertThat(r.p50()).isCloseTo(6.5, within(1e-9)); // between 6 and 7
      assertThat(r.p90()).isCloseTo(9.5, within(1e-9)); // 9 + 0.5·(10 − 9)
      assertThat(r.mean()).isCloseTo(40 / 6.0, within(1e-9));
    });
    ScoreMetricQuery below6 = new ScoreMetricQuery(range(), "relevance", null, null, 6.0, 1, 1);
    assertThat(storage.scoreMetricStore().series(project, below6)).singleElement()
        .satisfies(r -> assertThat(r.belowShare()).isCloseTo(2 / 6.0, within(1e-9))); // 3 and 5; 6 is not below 6
    assertThat(storage.scoreMetricStore().series(project, below6))
        .isEqualTo(storage.scoreMetricStore().query(project, below6).rows());
  }

  private static List<Span> concat(List<Span> a, List<Span> b) {
    List<Span> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
