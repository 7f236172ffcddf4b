package dev.vigil.storage.tests;

import static dev.vigil.storage.tests.TestObjects.HOUR;
import static dev.vigil.storage.tests.TestObjects.MINUTE;
import static dev.vigil.storage.tests.TestObjects.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Feedback;
import dev.vigil.model.FeedbackKind;
import dev.vigil.model.Span;
import dev.vigil.storage.Dimension;
import dev.vigil.storage.FeedbackCounts;
import dev.vigil.storage.FeedbackRateQuery;
import dev.vigil.storage.FeedbackRates;
import dev.vigil.storage.SpanFilter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Feedback rates: per trace of the window and slice, explicit and implicit kinds apart. */
public abstract class ITFeedbackRates extends StorageTestBase {
  private int ids;

  private String trace(long start, String feature, String model) {
    List<Span> spans = TestObjects.trace(start, feature, model);
    accept(spans);
    return spans.get(0).traceId();
  }

  private void feedback(String traceId, FeedbackKind kind, Double value) {
    String comment = kind == FeedbackKind.CORRECTION || kind == FeedbackKind.COMMENT ? "text" : null;
    storage.signalStore().putFeedback(project, List.of(new Feedback("f" + ids++, traceId, kind, value, comment, "u", T0)));
  }

  private FeedbackRates rates(SpanFilter filter) {
    return storage.signalStore().feedbackRates(project, FeedbackRateQuery.of(filter));
  }

  @Test
  public void ratesCountTracesAndPolarSignals() {
    String a = trace(T0, "support-chat", "gpt-4o");
    String b = trace(T0 + MINUTE, "support-chat", "gpt-4o");
    String c = trace(T0 + 2 * MINUTE, "support-chat", "gpt-4o");
    trace(T0 + 3 * MINUTE, "support-chat", "gpt-4o"); // no feedback at all
    feedback(a, FeedbackKind.THUMBS_UP, null);
    feedback(a, FeedbackKind.COPIED, null);
    feedback(b, FeedbackKind.RATING, 5.0); // positive at the default threshold of 4
    feedback(b, FeedbackKind.RATING, 2.0); // negative
    feedback(b, FeedbackKind.CORRECTION, null);
    feedback(c, FeedbackKind.ABANDONED, null);
    feedback(c, FeedbackKind.FOLLOW_UP, null);
    feedback(TestObjects.traceId(), FeedbackKind.THUMBS_DOWN, null); // a trace Vigil never saw: not counted

    FeedbackCounts t = rates(SpanFilter.between(T0 - HOUR, T0 + HOUR)).total();
    assertThat(t.traces()).isEqualTo(4);
    assertThat(t.tracesWithFeedback()).isEqualTo(3);
    assertThat(t.tracesWithExplicit()).isEqualTo(2);
    assertThat(t.positive()).isEqualTo(2);
    assertThat(t.negative()).isEqualTo(1);
    assertThat(t.positiveRate()).isEqualTo(2 / 3d);
    assertThat(t.coverage()).isEqualTo(0.5);
    assertThat(t.correctionRate()).isEqualTo(0.25);
    assertThat(t.followUpRate()).isEqualTo(0.25);
    assertThat(t.abandonmentRate()).isEqualTo(0.25);
    assertThat(t.copyRate()).isEqualTo(0.25);
    assertThat(t.items()).containsEntry(FeedbackKind.RATING, 2L).containsEntry(FeedbackKind.THUMBS_UP, 1L)
        .containsEntry(FeedbackKind.THUMBS_DOWN, 0L).containsEntry(FeedbackKind.COMMENT, 0L);

    FeedbackRates strict = storage.signalStore().feedbackRates(project,
        new FeedbackRateQuery(SpanFilter.between(T0 - HOUR, T0 + HOUR), null, 5.5));
    assertThat(strict.total().positive()).isEqualTo(1);
    assertThat(strict.total().negative()).isEqualTo(2);
  }

  @Test
  public void windowAndSliceChooseTheTraces() {
    String chat = trace(T0, "support-chat", "gpt-4o");
    String search = trace(T0, "search", "gpt-4o-mini");
    String late = trace(T0 + 2 * HOUR, "support-chat", "gpt-4o");
    feedback(chat, FeedbackKind.THUMBS_UP, null);
    feedback(search, FeedbackKind.THUMBS_DOWN, null);
    feedback(late, FeedbackKind.THUMBS_DOWN, null);

    SpanFilter window = SpanFilter.between(T0 - HOUR, T0 + HOUR);
    SpanFilter chatOnly = new SpanFilter(window.fromEpochNanos(), window.toEpochNanos(),
        Map.of(Dimension.FEATURE, List.of("support-chat")), List.of(), null, null, null, null, null, null, null, null);
    SpanFilter miniOnly = new SpanFilter(window.fromEpochNanos(), window.toEpochNanos(),
        Map.of(Dimension.MODEL, List.of("gpt-4o-mini-2024-08-06")), List.of(), null, null, null, null, null, null, null, null);

    assertThat(rates(window).total().traces()).isEqualTo(2);
    assertThat(rates(window).total().positiveRate()).isEqualTo(0.5);
    assertThat(rates(chatOnly).total().traces()).isEqualTo(1);
    assertThat(rates(chatOnly).total().positiveRate()).isEqualTo(1.0);
    // a model is on the LLM child span, not the root: the trace matches through any of its spans
    assertThat(rates(miniOnly).total().traces()).isEqualTo(1);
    assertThat(rates(miniOnly).total().positiveRate()).isEqualTo(0.0);
  }

  @Test
  public void bucketsFollowTheRootStart() {
    List<String> traces = new ArrayList<>();
    for (int i = 0; i < 3; i++) traces.add(trace(T0 + i * HOUR + MINUTE, "support-chat", "gpt-4o"));
    feedback(traces.get(0), FeedbackKind.ABANDONED, null);
    feedback(traces.get(2), FeedbackKind.THUMBS_UP, null);

    FeedbackRates r = storage.signalStore().feedbackRates(project,
        new FeedbackRateQuery(SpanFilter.between(T0, T0 + 3 * HOUR), Duration.ofHours(1), 4));
    assertThat(r.buckets()).extracting(FeedbackCounts::bucketStartEpochNanos).containsExactly(T0, T0 + HOUR, T0 + 2 * HOUR);
    assertThat(r.buckets()).extracting(FeedbackCounts::abandonmentRate).containsExactly(1.0, 0.0, 0.0);
    assertThat(r.buckets()).extracting(FeedbackCounts::positiveRate).containsExactly(null, null, 1.0);
    assertThat(r.total().traces()).isEqualTo(3);
    assertThat(r.total().abandonmentRate()).isEqualTo(1 / 3d);
  }

  @Test
  public void emptyWindowHasNoRatesAndOtherProjectsSeeNothing() {
    String a = trace(T0, "support-chat", "gpt-4o");
    feedback(a, FeedbackKind.THUMBS_UP, null);
    long other = storage.projectStore().createProject("other", null).id();

    FeedbackCounts none = storage.signalStore().feedbackRates(other,
        FeedbackRateQuery.of(SpanFilter.between(T0 - HOUR, T0 + HOUR))).total();
    assertThat(none.traces()).isZero();
    assertThat(none.positiveRate()).isNull();
    assertThat(none.coverage()).isNull();
    assertThatThrownBy(() -> new FeedbackRateQuery(new SpanFilter(T0, T0 + HOUR, Map.of(), List.of(), null, null, null,
        1.0, null, null, null, null), null, 4)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cost");
  }
}
