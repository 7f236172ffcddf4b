package dev.vigil.server.alert;

import dev.vigil.server.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.AlertEvent;
import dev.vigil.model.AlertInstance;
import dev.vigil.model.AlertStatus;
import dev.vigil.model.Delivery;
import dev.vigil.model.Span;
import dev.vigil.model.StatusCode;
import dev.vigil.server.alert.notify.Channel;
import dev.vigil.server.alert.notify.Notifications;
import dev.vigil.storage.Dimension;
import dev.vigil.storage.duckdb.DuckDbStorage;
import dev.vigil.storage.tests.TestObjects;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules over real stored traffic on the embedded store, with a hand-moved clock. */
class AlertEvaluatorTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final Channel HOOK = new Channel.Webhook("hook", URI.create("http://127.0.0.1:1/"), "k");

  @TempDir
  Path dir;
  private final TestClock clock = new TestClock(T0);
  private DuckDbStorage storage;
  private long project;

  @BeforeEach
  void open() {
    storage = DuckDbStorage.builder(dir).build();
    project = storage.projectStore().createProject("alerts", null).id();
  }

  @AfterEach
  void close() {
    storage.close();
  }

  private AlertEvaluator evaluator() {
    return new AlertEvaluator(storage,
        new Notifications(storage.deliveryStore(), List.of(HOOK), clock), clock, "http://127.0.0.1:4318");
  }

  private static AlertRule errorRule(Dimension groupBy, Duration renotify) {
    return new AlertRule("support-errors", Severity.CRITICAL, Condition.parse("error_rate > 0.1 for 2m"),
        Duration.ofMinutes(5), Map.of(), groupBy, 10, List.of("hook"), "https://runbooks.example/errors", renotify);
  }

  /** {@code n} calls of {@code feature} at {@code at}, the first {@code failing} of them failed. */
  private void calls(Instant at, String feature, int n, int failing) {
    List<Span> spans = new ArrayList<>();
    long start = at.getEpochSecond() * 1_000_000_000L;
    for (int i = 0; i < n; i++) {
      spans.add(TestObjects.llm(TestObjects.traceId(), null, start + i, "gpt-4o").feature(feature)
          .status(i < failing ? StatusCode.ERROR : StatusCode.OK).build());
    }
    storage.spanConsumer().accept(project, spans, List.of());
    storage.flush();
  }

  private List<Delivery> deliveries() {
    return storage.deliveryStore().deliveries(project, 100);
  }

  @Test
  void pendingThenFiringAfterTheForDurationThenResolved() {
    List<AlertRule> rules = List.of(errorRule(null, null));
    calls(T0.minusSeconds(120), "support-chat", 20, 0);
    evaluator().evaluate(project, rules);
    assertThat(storage.alertStore().instances(project)).isEmpty();

    calls(T0.plusSeconds(30), "support-chat", 10, 10); // 10 of 30 calls fail
    clock.advance(Duration.ofMinutes(1));
    evaluator().evaluate(project, rules);
    assertThat(storage.alertStore().instances(project)).singleElement()
        .satisfies(a -> assertThat(a.status()).isEqualTo(AlertStatus.PENDING));
    assertThat(deliveries()).isEmpty();

    clock.advance(Duration.ofMinutes(1));
    evaluator().evaluate(project, rules); // pending for 1 of 2 minutes
    assertThat(deliveries()).isEmpty();

    clock.advance(Duration.ofMinutes(1));
    evaluator().evaluate(project, rules);
    AlertInstance firing = storage.alertStore().instances(project).get(0);
    assertThat(firing.status()).isEqualTo(AlertStatus.FIRING);
    assertThat(firing.value()).isCloseTo(1 / 3d, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(deliveries()).singleElement().satisfies(d -> {
      assertThat(d.channel()).isEqualTo("hook");
      assertThat(d.payload()).contains("\"firing\":true").contains("error_rate is 0.3333 over the last 5m");
    });

    clock.advance(Duration.ofSeconds(20));
    evaluator().evaluate(project, rules); // still firing: nobody is paged twice
    assertThat(deliveries()).hasSize(1);

    clock.advance(Duration.ofMinutes(10)); // the window holds no calls any more
    evaluator().evaluate(project, rules);
    assertThat(storage.alertStore().instances(project)).isEmpty();
    assertThat(deliveries()).hasSize(2);
    assertThat(deliveries().get(0).payload()).contains("\"firing\":false");
    assertThat(storage.alertStore().history(project, 10)).extracting(AlertEvent::status)
        .containsExactly(AlertStatus.RESOLVED, AlertStatus.FIRING, AlertStatus.PENDING);
  }

  @Test
  void aRestartNeitherForgetsAFiringAlertNorPagesAgain() {
    List<AlertRule> rules = List.of(errorRule(null, null));
    calls(T0.minusSeconds(10), "support-chat", 20, 10);
    evaluator().evaluate(project, rules);
    clock.advance(Duration.ofMinutes(2));
    evaluator().evaluate(project, rules);
    assertThat(deliveries()).hasSize(1);

    storage.close();
    storage = DuckDbStorage.builder(dir).build();
    clock.advance(Duration.ofSeconds(30));
    evaluator().evaluate(project, rules);

    assertThat(storage.alertStore().instances(project)).singleElement()
        .satisfies(a -> assertThat(a.status()).isEqualTo(AlertStatus.FIRING));
    assertThat(deliveries()).hasSize(1);
  }

  @Test
  void oneAlertPerGroupAndOnlyForTheBadOne() {
    List<AlertRule> rules = List.of(errorRule(Dimension.FEATURE, null));
    calls(T0.minusSeconds(10), "support-chat", 20, 8);
    calls(T0.minusSeconds(10), "summarize", 20, 1);
    evaluator().evaluate(project, rules);
    clock.advance(Duration.ofMinutes(2));
    evaluator().evaluate(project, rules);

    assertThat(storage.alertStore().instances(project)).singleElement()
        .satisfies(a -> assertThat(a.group()).isEqualTo("support-chat"));
    assertThat(deliveries()).singleElement()
        .satisfies(d -> assertThat(d.payload()).contains("support-errors/support-chat").contains("\"feature\":\"support-chat\""));
  }

  @Test
  void tooFewCallsAreNotJudged() {
    calls(T0.minusSeconds(10), "support-chat", 5, 5); // every call failed, but 5 < min_samples 10
    List<AlertRule> rules = List.of(errorRule(null, null));
    evaluator().evaluate(project, rules);
    clock.advance(Duration.ofMinutes(3));
    evaluator().evaluate(project, rules);
    assertThat(storage.alertStore().instances(project)).isEmpty();
  }

  @Test
  void remindersAtTheRenotifyInterval() {
    List<AlertRule> rules = List.of(errorRule(null, Duration.ofMinutes(3)));
    for (int minute = 0; minute <= 8; minute++) {
      calls(T0.plusSeconds(60L * minute - 10), "support-chat", 20, 10);
      evaluator().evaluate(project, rules);
      clock.advance(Duration.ofMinutes(1));
    }
    // fired at 2m, reminded at 5m and 8m
    assertThat(deliveries()).hasSize(3).allSatisfy(d -> assertThat(d.payload()).contains("\"firing\":true"));
  }

  @Test
  void conditionsParseAndExplainThemselves() {
    assertThat(Condition.parse("latency_p95_ms >= 2500 for 10m").toString()).isEqualTo("latency_p95_ms >= 2500.0 for 10m");
  }

  @Test
  void sameHourBaselineComparesWithTheSameWindowOfEarlierWeeks() {
    AlertRule quiet = new AlertRule("traffic-drop", Severity.WARNING, Condition.parse("count < 0.5 * baseline 14d same hour"),
        Duration.ofMinutes(10), Map.of(), null, 1, List.of("hook"), null, null);
    calls(T0.minus(Duration.ofDays(7)).minusSeconds(60), "support-chat", 40, 0);  // last week, this hour: 40
    calls(T0.minus(Duration.ofDays(14)).minusSeconds(60), "support-chat", 20, 0); // two weeks ago: 20 → baseline 30
    calls(T0.minus(Duration.ofDays(3)).minusSeconds(60), "support-chat", 500, 0); // another hour: not part of it
    calls(T0.minusSeconds(60), "support-chat", 14, 0);
    evaluator().evaluate(project, List.of(quiet));
    assertThat(storage.alertStore().instances(project)).singleElement()
        .satisfies(a -> assertThat(a.status()).isEqualTo(AlertStatus.FIRING));
    assertThat(deliveries().get(0).payload()).contains("count is 14 over the last 10m (baseline 30, same hour of earlier weeks)");
  }

  @Test
  void feedbackRatesJoinTheTracesOfTheSlice() {
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < 6; i++) spans.add(TestObjects.llm(TestObjects.traceId(), null, nanos(T0.minusSeconds(30)) + i, "gpt-4o").build());
    storage.spanConsumer().accept(project, spans, List.of());
    storage.flush();
    List<dev.vigil.model.Feedback> feedback = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      feedback.add(new dev.vigil.model.Feedback("f" + i, spans.get(i).traceId(),
          i < 2 ? dev.vigil.model.FeedbackKind.THUMBS_UP : dev.vigil.model.FeedbackKind.THUMBS_DOWN, null, null, null, nanos(T0)));
    }
    storage.signalStore().putFeedback(project, feedback);
    AlertRule unhappy = new AlertRule("unhappy", Severity.WARNING, Condition.parse("feedback.positive_rate < 0.5"),
        Duration.ofMinutes(5), Map.of(), null, 5, List.of("hook"), null, null);
    evaluator().evaluate(project, List.of(unhappy));
    assertThat(storage.alertStore().instances(project)).singleElement()
        .satisfies(a -> assertThat(a.value()).isCloseTo(1 / 3d, org.assertj.core.data.Offset.offset(1e-9)));
  }

  @Test
  void behaviouralFeedbackRatesAreShareOfTheSlicesTraces() {
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < 8; i++) spans.add(TestObjects.llm(TestObjects.traceId(), null, nanos(T0.minusSeconds(30)) + i, "gpt-4o").build());
    storage.spanConsumer().accept(project, spans, List.of());
    storage.flush();
    List<dev.vigil.model.Feedback> feedback = new ArrayList<>();
    for (int i = 0; i < 3; i++) { // 3 of 8 traces abandoned, one of them twice: traces count, not signals
      feedback.add(new dev.vigil.model.Feedback("a" + i, spans.get(i).traceId(), dev.vigil.model.FeedbackKind.ABANDONED,
          null, null, null, nanos(T0)));
    }
    feedback.add(new dev.vigil.model.Feedback("a-again", spans.get(0).traceId(), dev.vigil.model.FeedbackKind.ABANDONED,
        null, null, null, nanos(T0)));
    storage.signalStore().putFeedback(project, feedback);
    AlertRule leaving = new AlertRule("leaving", Severity.WARNING, Condition.parse("feedback.abandonment_rate > 0.3"),
        Duration.ofMinutes(5), Map.of(), null, 8, List.of("hook"), null, null);
    AlertRule fewTraces = new AlertRule("few", Severity.WARNING, Condition.parse("feedback.abandonment_rate > 0.3"),
        Duration.ofMinutes(5), Map.of(), null, 9, List.of("hook"), null, null);
    evaluator().evaluate(project, List.of(leaving, fewTraces));
    assertThat(storage.alertStore().instances(project)).singleElement().satisfies(a -> {
      assertThat(a.rule()).isEqualTo("leaving"); // min_samples counts traces: 8 meets 8, not 9
      assertThat(a.value()).isCloseTo(3 / 8d, org.assertj.core.data.Offset.offset(1e-9));
    });
  }

  private static long nanos(Instant i) {
    return i.getEpochSecond() * 1_000_000_000L;
  }
}
