package dev.vigil.storage.tests;

import static dev.vigil.storage.tests.TestObjects.HOUR;
import static dev.vigil.storage.tests.TestObjects.SECOND;
import static dev.vigil.storage.tests.TestObjects.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.LlmCall;
import dev.vigil.model.Score;
import dev.vigil.model.ScoreDataType;
import dev.vigil.model.ScoreSource;
import dev.vigil.model.Span;
import dev.vigil.model.Usage;
import dev.vigil.storage.Dimension;
import dev.vigil.storage.SampleField;
import dev.vigil.storage.SampleStore;
import dev.vigil.storage.SpanFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sampled span values, category counts and score values of a slice, for drift and variant tests. */
public abstract class ITSamples extends StorageTestBase {
  List<Span> alpha = new ArrayList<>();
  List<Span> beta = new ArrayList<>();

  /**
   * Feature alpha: 60 traces (root + LLM call with 100 + i input tokens, i ms·10 latency, finish
   * "length" for every 4th, none for every 10th); feature beta: 20 traces with 5000 input tokens.
   */
  @BeforeEach
  void calls() {
    for (int i = 0; i < 60; i++) alpha.addAll(trace("alpha", i, 100 + i, i % 10 == 9 ? null : i % 4 == 0 ? "length" : "stop"));
    for (int i = 0; i < 20; i++) beta.addAll(trace("beta", i, 5000, "stop"));
    List<Span> all = new ArrayList<>(alpha);
    all.addAll(beta);
    accept(all);
  }

  static List<Span> trace(String feature, int i, long inputTokens, String finish) {
    long start = T0 + i * SECOND;
    Span root = TestObjects.root(TestObjects.traceId(), start, feature).build();
    Span.Builder b = TestObjects.llm(root.traceId(), root.spanId(), start + 1000, "gpt-4o").feature(feature)
        .endEpochNanos(start + 1000 + (i + 1) * 10_000_000L);
    LlmCall c = b.build().llm();
    b.llm(new LlmCall(c.operation(), c.provider(), c.requestModel(), c.responseModel(),
        new Usage(inputTokens, 50L, null, null, null, false), c.cost(), finish == null ? List.of() : List.of(finish),
        c.timeToFirstTokenNanos(), false, null, Map.of()));
    return List.of(root, b.build());
  }

  static SpanFilter feature(String f) {
    return new SpanFilter(T0, T0 + HOUR, Map.of(Dimension.FEATURE, List.of(f)), List.of(), null, null, null, null,
        null, null, null, null);
  }

  @Test
  public void valuesOfLlmCallsInTheSlice() {
    SampleStore.Sample s = storage.sampleStore().values(project, feature("alpha"), SampleField.INPUT_TOKENS, 1000);
    assertThat(s.total()).isEqualTo(60); // the root spans are not LLM calls
    assertThat(s.sampled()).isFalse();
    double[] sorted = s.values().clone();
    Arrays.sort(sorted);
    assertThat(sorted[0]).isEqualTo(100);
    assertThat(sorted[59]).isEqualTo(159);
    SampleStore.Sample latency = storage.sampleStore().values(project, feature("beta"), SampleField.LATENCY_MS, 1000);
    assertThat(latency.values()).hasSize(20).contains(10.0, 200.0);
  }

  @Test
  public void pastTheLimitAUniformSampleAndTheTrueCount() {
    SampleStore.Sample s = storage.sampleStore().values(project, feature("alpha"), SampleField.INPUT_TOKENS, 10);
    assertThat(s.values()).hasSize(10);
    assertThat(s.total()).isEqualTo(60);
    assertThat(s.sampled()).isTrue();
    assertThat(Arrays.stream(s.values()).distinct().count()).isEqualTo(10); // without replacement
    assertThat(Arrays.stream(s.values()).allMatch(v -> v >= 100 && v <= 159)).isTrue();
    assertThatThrownBy(() -> storage.sampleStore().values(project, feature("alpha"), SampleField.COST, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  public void categoryCountsWithMissingValuesNamed() {
    Map<String, Long> counts = storage.sampleStore().counts(project, feature("alpha"), Dimension.FINISH_REASON, 10);
    // every 10th (i = 9, 19, …) has none; of the others, i divisible by 4 is "length"
    assertThat(counts).containsExactly(Map.entry("stop", 39L), Map.entry("length", 15L), Map.entry(SampleStore.NONE, 6L));
    assertThat(storage.sampleStore().counts(project, feature("alpha"), Dimension.FINISH_REASON, 1)).hasSize(1);
  }

  @Test
  public void scoresOfTheSliceByTraceOrSpan() {
    List<Score> scores = new ArrayList<>();
    for (int i = 0; i < 60; i += 2) { // trace-level scores on alpha's traces
      scores.add(score("a" + i, alpha.get(i).traceId(), null, "helpfulness", ScoreDataType.NUMERIC, i / 60.0));
    }
    for (int i = 1; i < 40; i += 2) { // span-level boolean scores on beta's LLM calls
      scores.add(score("b" + i, beta.get(i).traceId(), beta.get(i).spanId(), "correct", ScoreDataType.BOOLEAN, 1.0));
      scores.add(score("c" + i, beta.get(i).traceId(), beta.get(i).spanId(), "helpfulness", ScoreDataType.NUMERIC, 0.95));
    }
    scores.add(new Score("cat", alpha.get(0).traceId(), null, "tone", ScoreDataType.CATEGORICAL, null, "rude",
        ScoreSource.API, null, T0, Map.of()));
    scores.add(score("elsewhere", TestObjects.traceId(), null, "helpfulness", ScoreDataType.NUMERIC, 0.0));
    storage.signalStore().putScores(project, scores);

    SampleStore.Sample alphaHelp = storage.sampleStore().scores(project, feature("alpha"), "helpfulness", 1000);
    assertThat(alphaHelp.total()).isEqualTo(30);
    assertThat(alphaHelp.values()).contains(0.0, 58 / 60.0).doesNotContain(0.95);
    assertThat(storage.sampleStore().scores(project, feature("beta"), "helpfulness", 1000).values())
        .hasSize(20).containsOnly(0.95);
    assertThat(storage.sampleStore().scoreNames(project, feature("beta"), 10)).containsExactly(
        new SampleStore.ScoreName("correct", "boolean", 20), new SampleStore.ScoreName("helpfulness", "numeric", 20));
    assertThat(storage.sampleStore().scoreNames(project, feature("alpha"), 10))
        .extracting(SampleStore.ScoreName::name).containsExactly("helpfulness"); // not the categorical one
  }

  @Test
  public void anotherProjectSeesNothing() {
    long other = storage.projectStore().createProject("other", null).id();
    accept(other, trace("alpha", 1, 999, "stop"));
    assertThat(storage.sampleStore().values(other, feature("alpha"), SampleField.INPUT_TOKENS, 100).values())
        .containsExactly(999.0);
    assertThat(storage.sampleStore().values(project, feature("alpha"), SampleField.INPUT_TOKENS, 100).values())
        .doesNotContain(999.0);
    assertThat(storage.sampleStore().counts(other, feature("alpha"), Dimension.MODEL, 10)).containsExactly(Map.entry("gpt-4o-2024-08-06", 1L)); // the response model
  }

  static Score score(String id, String traceId, String spanId, String name, ScoreDataType type, double value) {
    return new Score(id, traceId, spanId, name, type, value, null, ScoreSource.API, null, T0, Map.of());
  }
}
