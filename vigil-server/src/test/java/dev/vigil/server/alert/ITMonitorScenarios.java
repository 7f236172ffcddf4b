package dev.vigil.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.AlertEvent;
import dev.vigil.model.AlertInstance;
import dev.vigil.model.AlertStatus;
import dev.vigil.model.ChangeEvent;
import dev.vigil.model.ChangeType;
import dev.vigil.model.Delivery;
import dev.vigil.server.TestClock;
import dev.vigil.server.alert.notify.Channel;
import dev.vigil.server.alert.notify.Notifications;
import dev.vigil.server.watch.change.ChangeDetector;
import dev.vigil.storage.ChartState;
import dev.vigil.storage.duckdb.DuckDbStorage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitors against generated traffic in real storage, time driven by a test clock: a quality drop
 * after a prompt change names that change, a cost spike and a latency shift (threshold, chart and
 * drift rules) fire their rules, a
 * chart's state survives a restart, and a week of stationary noise raises nothing.
 */
class ITMonitorScenarios {
  private static final Channel HOOK = new Channel.Webhook("hook", URI.create("http://127.0.0.1:1/"), "k");
  private static final Instant DAY = Instant.parse("2026-11-22T00:00:00Z");

  @TempDir
  Path dir;
  private final TestClock clock = new TestClock(DAY);
  private DuckDbStorage storage;
  private ExecutorService detection;
  private AlertEvaluator evaluator;
  private long project;
  private Traffic traffic;

  @BeforeEach
  void open() {
    openStorage();
    project = storage.projectStore().createProject("scenarios", null).id();
    traffic = new Traffic(storage, project, 7);
  }

  private void openStorage() {
    storage = DuckDbStorage.builder(dir).clock(clock).build();
    detection = Executors.newSingleThreadExecutor();
    storage.addListener(new ChangeDetector(storage.monitorStore(), storage.signalStore(), detection));
    evaluator = new AlertEvaluator(storage, new Notifications(storage.deliveryStore(), List.of(HOOK), clock), clock, null);
  }

  @AfterEach
  void close() throws InterruptedException {
    detection.shutdown();
    detection.awaitTermination(30, TimeUnit.SECONDS);
    storage.close();
  }

  private void restart() throws InterruptedException {
    close();
    openStorage();
    traffic = new Traffic(storage, project, 8);
  }

  private static AlertRule rule(String name, String condition, Duration window, int minSamples, Double budget) {
    return new AlertRule(name, Severity.WARNING, Condition.parse(condition), window, Map.of(), null, minSamples,
        List.of("hook"), null, null, budget);
  }

  /** Traffic of {@code shape} minute by minute until {@code until}, evaluating every {@code step}. */
  private void live(Traffic.Shape shape, Instant until, Duration step, List<AlertRule> rules) {
    while (clock.instant().isBefore(until)) {
      Instant from = clock.instant();
      traffic.run(from, from.plus(step), shape);
      storage.flush();
      clock.advance(step);
      evaluator.evaluate(project, rules);
    }
  }

  /** History without evaluation, then the clock at its end. */
  private void history(Traffic.Shape shape, Instant from, Instant to) {
    traffic.run(from, to, shape);
    storage.flush();
    if (clock.instant().isBefore(to)) clock.advance(Duration.between(clock.instant(), to));
  }

  /** Change detection runs off the storage thread; wait for what it must have found. */
  private static void await(BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 300 && !condition.getAsBoolean(); i++) Thread.sleep(100);
    assertThat(condition.getAsBoolean()).as("change detected").isTrue();
  }

  private List<ChangeEvent> changes() {
    return storage.signalStore().changes(project, 0, Long.MAX_VALUE);
  }

  private List<Delivery> deliveries() {
    return storage.deliveryStore().deliveries(project, 1000);
  }

  private AlertStatus status(String rule) {
    return storage.alertStore().instances(project).stream().filter(a -> a.rule().equals(rule)).map(AlertInstance::status)
        .findFirst().orElse(null);
  }

  @Test
  void aQualityDropAfterAPromptChangeNamesThatChange() throws InterruptedException {
    Traffic.Shape support = Traffic.SUPPORT;
    Traffic.Shape summarize = new Traffic.Shape("summarize", "gpt-4o-mini", "s1", 2, 900, 0.01, 0.001, 8.0);
    clock.advance(Duration.ofHours(6));
    history(support, DAY.plus(Duration.ofHours(6)), at("09:30"));
    history(summarize, DAY.plus(Duration.ofHours(6)), at("09:30"));
    storage.signalStore().putChanges(project, List.of(new ChangeEvent("api-1", ChangeType.CONFIG, "support-chat",
        "temperature 0.2 -> 0.4", "api", nanos(at("08:30")), Map.of())));
    AlertRule quality = new AlertRule("answer-quality", Severity.CRITICAL,
        Condition.parse("answer_relevance.p50 < 7 and trend decreasing over 30m for 5m"), Duration.ofMinutes(15),
        Map.of(dev.vigil.storage.Dimension.FEATURE, List.of("support-chat")), null, 20, List.of("hook"), null, null);

    live(support, at("09:40"), Duration.ofMinutes(1), List.of(quality));
    traffic.run(at("09:40"), at("09:41"), summarize.withModel("claude-sonnet-4", 0.002)); // a change elsewhere
    live(support, at("09:52"), Duration.ofMinutes(1), List.of(quality));
    assertThat(storage.alertStore().instances(project)).isEmpty();

    live(support.withPrompt("v3", 6.0), at("09:53"), Duration.ofMinutes(1), List.of(quality));
    await(() -> changes().stream().anyMatch(c -> c.type() == ChangeType.PROMPT_VERSION));
    live(support.withPrompt("v3", 6.0), at("10:10"), Duration.ofMinutes(1), List.of(quality));

    assertThat(changes()).filteredOn(c -> ChangeDetector.SOURCE.equals(c.source()))
        .extracting(ChangeEvent::type, ChangeEvent::feature)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(ChangeType.MODEL_VERSION, "summarize"),
            org.assertj.core.groups.Tuple.tuple(ChangeType.PROMPT_VERSION, "support-chat"));
    assertThat(status("answer-quality")).isEqualTo(AlertStatus.FIRING);
    assertThat(deliveries()).singleElement().satisfies(d -> assertThat(d.payload())
        .contains("\"suspect\":\"prompt support-answer v3 first seen 09:52 on support-chat\"")
        .contains("answer_relevance.p50 is").contains("Mann-Kendall"));
    AlertEvent fired = storage.alertStore().history(project, 50).stream().filter(e -> e.status() == AlertStatus.FIRING)
        .findFirst().orElseThrow();
    assertThat(fired.message()).contains("probable cause: prompt support-answer v3 first seen 09:52 on support-chat")
        .contains("other suspects: config: temperature 0.2 -> 0.4 at 08:30 UTC on support-chat");
  }

  @Test
  void aCostSpikeFiresTheBudgetAndBaselineRules() {
    List<AlertRule> rules = List.of(rule("spend", "daily_cost > 1.2 * budget", Duration.ofMinutes(5), 10, 40.0),
        rule("cost-spike", "cost > 3 * baseline 1d for 5m", Duration.ofMinutes(10), 10, null));
    history(Traffic.SUPPORT, DAY, at("09:50"));
    live(Traffic.SUPPORT, at("10:00"), Duration.ofMinutes(1), rules);
    assertThat(storage.alertStore().instances(project)).isEmpty();

    live(Traffic.SUPPORT.withModel("gpt-4.5", 0.3), at("10:40"), Duration.ofMinutes(1), rules);
    assertThat(status("spend")).isEqualTo(AlertStatus.FIRING);
    assertThat(status("cost-spike")).isEqualTo(AlertStatus.FIRING);
    assertThat(deliveries()).hasSize(2).allSatisfy(d -> assertThat(d.payload())
        .contains("model gpt-4.5 first seen 10:00 on support-chat"));
    assertThat(deliveries()).anySatisfy(d -> assertThat(d.payload()).contains("daily_cost is").contains("(budget 40)"));
  }

  @Test
  void aLatencyShiftFiresTheEwmaRuleAndTheChartSurvivesARestart() throws InterruptedException {
    AlertRule ewma = rule("latency-chart", "ewma(latency_p95_ms) out of control", Duration.ofMinutes(5), 10, null);
    AlertRule baseline = rule("latency-baseline", "latency_p95_ms > 1.5 * baseline 1d for 10m", Duration.ofMinutes(10), 10, null);
    AlertRule drift = rule("latency-drift", "psi(latency_ms) > 0.25", Duration.ofHours(1), 200, null);
    List<AlertRule> rules = List.of(ewma, baseline, drift);
    String chartKey = "latency-chart\n\n" + ewma.condition().clauses().get(0);
    history(Traffic.SUPPORT, DAY, at("10:00"));
    live(Traffic.SUPPORT, at("11:00"), Duration.ofMinutes(5), rules);
    assertThat(storage.alertStore().instances(project)).isEmpty();
    ChartState before = storage.monitorStore().chart(project, chartKey).orElseThrow();
    assertThat(before.observations()).isGreaterThan(100); // warmed up from the history, judging since

    restart();
    assertThat(storage.monitorStore().chart(project, chartKey)).contains(before);
    evaluator.evaluate(project, rules); // same moment again: no window is observed twice
    assertThat(storage.monitorStore().chart(project, chartKey)).contains(before);

    live(Traffic.SUPPORT.withLatency(2400), at("11:30"), Duration.ofMinutes(5), rules);
    assertThat(status("latency-chart")).isEqualTo(AlertStatus.FIRING);
    assertThat(status("latency-baseline")).isEqualTo(AlertStatus.FIRING);
    assertThat(status("latency-drift")).isEqualTo(AlertStatus.FIRING);
    assertThat(deliveries()).anySatisfy(d -> assertThat(d.payload()).contains("psi(latency_ms) is"));
    ChartState after = storage.monitorStore().chart(project, chartKey).orElseThrow();
    assertThat(after.observations()).isEqualTo(before.observations() + 6);
    assertThat(after.mean()).isEqualTo(before.mean());
    assertThat(deliveries()).anySatisfy(d -> assertThat(d.payload()).contains("ewma(latency_p95_ms) is").contains("outside the limits"));
  }

  /** Evaluated every 30 minutes (each evaluation costs real queries); the charts still observe every window. */
  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void aWeekOfStationaryNoisyTrafficRaisesNoAlert() {
    List<AlertRule> rules = List.of(
        rule("latency-chart", "ewma(latency_p95_ms) out of control", Duration.ofMinutes(15), 20, null),
        rule("quality-chart", "ewma(answer_relevance.mean) out of control", Duration.ofMinutes(15), 20, null),
        rule("errors", "error_rate > 0.1 for 10m", Duration.ofMinutes(10), 20, null),
        rule("slow", "latency_p95_ms > 1.5 * baseline 1d for 15m", Duration.ofMinutes(15), 20, null),
        rule("quality-trend", "answer_relevance.p50 < 7 and trend decreasing over 30m for 5m", Duration.ofMinutes(15), 20, null));
    Traffic.Shape shape = new Traffic.Shape("support-chat", "gpt-4o", "v2", 3, 1200, 0.02, 0.006, 8.3);
    for (int day = 0; day < 7; day++) {
      Instant start = DAY.plus(Duration.ofDays(day));
      traffic.run(start, start.plus(Duration.ofDays(1)), shape);
      storage.flush();
      for (int step = 0; step < 48; step++) {
        clock.advance(Duration.ofMinutes(30));
        evaluator.evaluate(project, rules);
      }
    }
    assertThat(storage.alertStore().history(project, 1000)).filteredOn(e -> e.status() == AlertStatus.FIRING).isEmpty();
    assertThat(deliveries()).isEmpty();
    // not vacuous: both charts warmed up and judged most of the week
    for (AlertRule r : rules.subList(0, 2)) {
      ChartState s = storage.monitorStore().chart(project, r.name() + "\n\n" + r.condition().clauses().get(0)).orElseThrow();
      assertThat(s.observations()).as(r.name()).isGreaterThan(600);
    }
  }

  private static Instant at(String hhmm) {
    return Instant.parse("2026-11-22T" + hhmm + ":00Z");
  }

  private static long nanos(Instant i) {
    return i.getEpochSecond() * 1_000_000_000L;
  }
}
