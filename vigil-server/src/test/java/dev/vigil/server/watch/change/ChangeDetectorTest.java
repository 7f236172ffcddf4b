package dev.vigil.server.watch.change;

import static dev.vigil.storage.tests.TestObjects.MINUTE;
import static dev.vigil.storage.tests.TestObjects.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.ChangeEvent;
import dev.vigil.model.ChangeType;
import dev.vigil.model.Span;
import dev.vigil.storage.Dimension;
import dev.vigil.storage.duckdb.DuckDbStorage;
import dev.vigil.storage.tests.TestObjects;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detection and ranking of changes over the real store. */
class ChangeDetectorTest {
  @TempDir
  Path dir;
  private DuckDbStorage storage;
  private long project;

  @BeforeEach
  void open() {
    storage = DuckDbStorage.builder(dir).build();
    project = storage.projectStore().createProject("changes", null).id();
  }

  @AfterEach
  void close() {
    storage.close();
  }

  private ChangeDetector detector() {
    return new ChangeDetector(storage.monitorStore(), storage.signalStore(), Runnable::run);
  }

  private static Span call(long start, String feature, String model, String prompt, String release) {
    return TestObjects.llm(TestObjects.traceId(), null, start, model).feature(feature).promptVersion(prompt).release(release).build();
  }

  @Test
  void aFeaturesFirstValuesAreItsStartingPointAndLaterNewOnesAreChanges() {
    assertThat(detector().observe(project, List.of(call(T0, "support-chat", "gpt-4o", "v2", "r1"),
        call(T0 + 1, "support-chat", "gpt-4o", "v2", "r1")))).isEmpty();

    List<ChangeEvent> found = detector().observe(project, List.of(call(T0 + 5 * MINUTE, "support-chat", "gpt-4o", "v2", "r1"),
        call(T0 + 3 * MINUTE, "support-chat", "gpt-4o", "v3", "r2"), call(T0 + 9 * MINUTE, "support-chat", "gpt-4o", "v3", "r2"),
        call(T0 + 4 * MINUTE, "summarize", "gpt-4o-mini", "s1", "r2")));
    assertThat(found).extracting(ChangeEvent::type, ChangeEvent::epochNanos, ChangeEvent::description)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(ChangeType.PROMPT_VERSION, T0 + 3 * MINUTE, "prompt support-answer v3 first seen on support-chat"),
            org.assertj.core.groups.Tuple.tuple(ChangeType.DEPLOYMENT, T0 + 3 * MINUTE, "release r2 first seen on support-chat"));
    assertThat(found).allSatisfy(c -> assertThat(c.source()).isEqualTo("detected"));
    assertThat(storage.signalStore().changes(project, 0, Long.MAX_VALUE)).hasSize(2);

    // a restarted detector (empty cache) replaying the same spans adds nothing
    assertThat(detector().observe(project, List.of(call(T0 + 3 * MINUTE, "support-chat", "gpt-4o", "v3", "r2")))).isEmpty();
    assertThat(storage.signalStore().changes(project, 0, Long.MAX_VALUE)).hasSize(2);
  }

  @Test
  void itPicksTheEarliestSpanOfEachDistinctFeatureModelPromptAndRelease() {
    Span early = call(T0 + 1, "support-chat", "gpt-4o", "v2", "r1");
    Span otherModel = call(T0 + 7, "support-chat", "gpt-4o-mini", "v2", "r1");
    List<Span> request = List.of(call(T0 + 5, "support-chat", "gpt-4o", "v2", "r1"), early,
        call(T0 + 9, "support-chat", "gpt-4o", "v2", "r1"), otherModel, call(T0 + 8, "support-chat", "gpt-4o-mini", "v2", "r1"));
    assertThat(detector().pick(request)).containsExactlyInAnyOrder(early, otherModel);
  }

  @Test
  void observingItsPicksFindsWhatObservingEverySpanFinds() {
    long everySpan = storage.projectStore().createProject("every span", null).id();
    List<Span> first = List.of(call(T0, "support-chat", "gpt-4o", "v2", "r1"), call(T0 + 1, "summarize", "gpt-4o-mini", "s1", "r1"));
    List<Span> second = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      second.add(call(T0 + (40 - i) * MINUTE, "support-chat", i % 3 == 0 ? "gpt-4o" : "gpt-4.1", "v" + (2 + i % 2), "r" + (1 + i % 4)));
      second.add(call(T0 + (50 + i) * MINUTE, "summarize", "gpt-4o-mini", "s" + (1 + i % 5), "r1"));
    }
    ChangeDetector detector = detector();
    detector.observe(everySpan, first);
    detector.observe(project, detector.pick(first));
    List<ChangeEvent> fromEverySpan = detector.observe(everySpan, second);
    List<ChangeEvent> fromPicks = detector.observe(project, detector.pick(second));
    assertThat(fromEverySpan).hasSize(9); // 1 model, 1 prompt version, 3 releases, 4 summarize prompts
    assertThat(fromPicks).extracting(ChangeEvent::type, ChangeEvent::epochNanos, ChangeEvent::description, ChangeEvent::attributes)
        .containsExactlyInAnyOrderElementsOf(fromEverySpan.stream()
            .map(c -> org.assertj.core.groups.Tuple.tuple(c.type(), c.epochNanos(), c.description(), c.attributes())).toList());
  }

  @Test
  void spansStoredWhileTheExecutorIsShutDownAreStillLookedAt() {
    java.util.concurrent.ExecutorService stopped = java.util.concurrent.Executors.newSingleThreadExecutor();
    stopped.shutdown(); // the server is stopping while the store indexes what it still holds
    ChangeDetector detector = new ChangeDetector(storage.monitorStore(), storage.signalStore(), stopped);
    detector.onStored(project, List.of(call(T0, "support-chat", "gpt-4o", "v2", "r1")));
    detector.onStored(project, List.of(call(T0 + MINUTE, "support-chat", "gpt-4o", "v3", "r1")));
    assertThat(storage.signalStore().changes(project, 0, Long.MAX_VALUE)).extracting(ChangeEvent::description)
        .containsExactly("prompt support-answer v3 first seen on support-chat");
  }

  @Test
  void theCorrelatorPrefersRecentChangesOnTheAlertsSlice() {
    storage.signalStore().putChanges(project, List.of(
        new ChangeEvent("a", ChangeType.PROMPT_VERSION, "support-chat", "prompt support-answer v3 first seen on support-chat",
            "detected", T0 - 10 * MINUTE, Map.of("prompt_version", "v3")),
        new ChangeEvent("b", ChangeType.MODEL_VERSION, "summarize", "model x first seen on summarize", "detected", T0 - 2 * MINUTE, Map.of()),
        new ChangeEvent("c", ChangeType.DEPLOYMENT, null, "api 2026.11.3", "api", T0 - 3 * 60 * MINUTE, Map.of()),
        new ChangeEvent("d", ChangeType.CONFIG, "support-chat", "too old", "api", T0 - 25 * 60 * MINUTE, Map.of()),
        new ChangeEvent("e", ChangeType.CONFIG, "support-chat", "after the start", "api", T0 + MINUTE, Map.of())));
    ChangeCorrelator correlator = new ChangeCorrelator(storage.signalStore(), Duration.ofHours(24), Duration.ofHours(2));
    List<Suspect> ranked = correlator.rank(project, Map.of(Dimension.FEATURE, List.of("support-chat")), T0);
    assertThat(ranked).extracting(s -> s.change().id()).containsExactly("a", "c", "b");
    assertThat(ranked.get(0).text()).isEqualTo("prompt support-answer v3 first seen 09:50 on support-chat");
    assertThat(ranked.get(1).text()).isEqualTo("deployment: api 2026.11.3 at 07:00 UTC");
  }
}
