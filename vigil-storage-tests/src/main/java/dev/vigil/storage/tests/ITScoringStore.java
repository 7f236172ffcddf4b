package dev.vigil.storage.tests;

import static dev.vigil.storage.tests.TestObjects.SECOND;
import static dev.vigil.storage.tests.TestObjects.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Content;
import dev.vigil.model.Message;
import dev.vigil.model.Score;
import dev.vigil.model.ScoreDataType;
import dev.vigil.model.ScoreSource;
import dev.vigil.model.Span;
import dev.vigil.model.SpanAttachment;
import dev.vigil.storage.ScoringCheckpoint;
import dev.vigil.storage.ScoringStore;
import dev.vigil.storage.ScoringTask;
import dev.vigil.storage.SpanFeed;
import dev.vigil.storage.StoredScorecard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scoring queue (spans read from a cursor), its checkpoint, failed tasks and API scorecards. */
public abstract class ITScoringStore extends StorageTestBase {

  private ScoringStore scoring() {
    return storage.scoringStore();
  }

  @Test
  public void feedReadsEveryStoredSpanInStorageOrder() {
    List<Span> stored = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      List<Span> trace = TestObjects.trace(T0 + i * SECOND, "support-chat", "gpt-4o");
      accept(trace);
      stored.addAll(trace);
    }
    List<Span> read = new ArrayList<>();
    String cursor = null;
    for (int pages = 0; pages < 20; pages++) {
      SpanFeed page = scoring().spansAfter(project, cursor, 2);
      if (page.spans().isEmpty()) {
        assertThat(page.nextCursor()).isEqualTo(cursor); // caught up: the cursor stays
        break;
      }
      read.addAll(page.spans());
      cursor = page.nextCursor();
    }
    assertThat(read).containsExactlyElementsOf(stored);
    assertThat(scoring().backlog(project, cursor).spans()).isZero();
    assertThat(scoring().backlog(project, null).spans()).isEqualTo(12);
  }

  @Test
  public void headIsPastEverythingQueryable() {
    assertThat(scoring().head(project)).isNull();
    List<Span> trace = TestObjects.trace(T0, "support-chat", "gpt-4o");
    accept(trace);

    String head = scoring().head(project);
    assertThat(scoring().spansAfter(project, head, 100).spans()).isEmpty();
    assertThat(scoring().spansAfter(project, null, 100).nextCursor()).isEqualTo(head);
    accept(TestObjects.trace(T0 + SECOND, "support-chat", "gpt-4o"));
    assertThat(scoring().spansAfter(project, head, 100).spans()).isNotEmpty();
  }

  @Test
  public void feedContinuesFromASavedCursorAfterReopening() {
    List<Span> first = TestObjects.trace(T0, "support-chat", "gpt-4o");
    accept(first);
    SpanFeed page = scoring().spansAfter(project, null, 100);
    assertThat(page.spans()).containsExactlyElementsOf(first);
    scoring().commit(project, new ScoringCheckpoint(page.nextCursor(), "{\"k\":1}", T0), List.of(), List.of(), List.of());
    List<Span> second = TestObjects.trace(T0 + SECOND, "support-chat", "gpt-4o");
    accept(second);
    assertThat(scoring().backlog(project, page.nextCursor()).spans()).isEqualTo(3);

    reopen();

    ScoringCheckpoint saved = scoring().checkpoint(project).orElseThrow();
    assertThat(saved.state()).isEqualTo("{\"k\":1}");
    SpanFeed rest = scoring().spansAfter(project, saved.cursor(), 100);
    assertThat(rest.spans()).containsExactlyElementsOf(second);
    assertThat(scoring().spansAfter(project, rest.nextCursor(), 100).spans()).isEmpty();
  }

  @Test
  public void aPagesScoresAreWrittenWithItsCheckpointAndAReplayAddsNone() {
    List<Span> trace = TestObjects.trace(T0, "support-chat", "gpt-4o");
    accept(trace);
    SpanFeed page = scoring().spansAfter(project, null, 100);
    List<Score> scores = new java.util.ArrayList<>();
    for (Span s : trace) {
      scores.add(new Score("ev-" + s.spanId(), s.traceId(), s.spanId(), "policy", ScoreDataType.BOOLEAN, 1.0, null,
          ScoreSource.EVAL, null, s.startEpochNanos(), Map.of("scorecard", "rules")));
    }
    ScoringTask failed = task("t-fail", trace.get(0).traceId(), 1, T0 + SECOND, false);
    ScoringCheckpoint at = new ScoringCheckpoint(page.nextCursor(), null, T0);
    scoring().commit(project, at, scores, List.of(failed), List.of());

    assertThat(storage.signalStore().scores(project, trace.get(0).traceId())).containsExactlyInAnyOrderElementsOf(scores);
    assertThat(scoring().checkpoint(project).orElseThrow().cursor()).isEqualTo(page.nextCursor());
    assertThat(scoring().dueTasks(project, T0 + SECOND, 10)).containsExactly(failed);

    scoring().commit(project, at, scores, List.of(), List.of()); // the same page once more, as after a crash
    scoring().updateTasks(project, scores.subList(0, 1), List.of(), List.of("t-fail")); // and a retry of one of them
    assertThat(storage.signalStore().scores(project, trace.get(0).traceId())).hasSize(scores.size());
    assertThat(scoring().taskCounts(project)).isEqualTo(new ScoringStore.TaskCounts(0, 0));
  }

  @Test
  public void feedCarriesContentThatArrivedAsLogEvents() {
    String traceId = TestObjects.traceId();
    Span bare = TestObjects.llm(traceId, null, T0, "gpt-4o").content(Content.EMPTY).piiCounts(Map.of()).build();
    attach(List.of(new SpanAttachment(traceId, bare.spanId(), T0 + 1, "gen_ai.choice", List.of(),
        List.of(Message.of("assistant", "It ships today.")), Map.of(), Map.of())));
    accept(List.of(bare));

    Span read = scoring().spansAfter(project, null, 10).spans().get(0);

    assertThat(read.content().outputText()).isEqualTo("It ships today.");
  }

  @Test
  public void projectsHaveTheirOwnFeed() {
    long other = storage.projectStore().createProject("other", null).id();
    accept(TestObjects.trace(T0, "support-chat", "gpt-4o"));
    assertThat(scoring().spansAfter(other, null, 10).spans()).isEmpty();
    assertThat(scoring().checkpoint(other)).isEmpty();
  }

  @Test
  public void failedTasksWaitForTheirTimeThenDieVisibly() {
    String traceId = TestObjects.traceId();
    ScoringTask waiting = task("t1", traceId, 1, T0 + 10 * SECOND, false);
    ScoringTask dead = task("t2", traceId, 5, T0, true);
    scoring().commit(project, new ScoringCheckpoint("c", null, T0), List.of(), List.of(waiting, dead), List.of());

    assertThat(scoring().dueTasks(project, T0, 10)).isEmpty();
    assertThat(scoring().dueTasks(project, T0 + 10 * SECOND, 10)).containsExactly(waiting);
    assertThat(scoring().deadLetters(project, 10)).containsExactly(dead);
    assertThat(scoring().taskCounts(project)).isEqualTo(new ScoringStore.TaskCounts(1, 1));

    ScoringTask again = task("t1", traceId, 2, T0 + 60 * SECOND, false);
    scoring().updateTasks(project, List.of(), List.of(again), List.of());
    assertThat(scoring().dueTasks(project, T0 + 60 * SECOND, 10)).containsExactly(again);
    scoring().updateTasks(project, List.of(), List.of(), List.of("t1"));
    assertThat(scoring().taskCounts(project)).isEqualTo(new ScoringStore.TaskCounts(0, 1));
  }

  @Test
  public void scorecardsArePerProject() {
    long other = storage.projectStore().createProject("other", null).id();
    scoring().putScorecard(project, new StoredScorecard("support", "name: support\n", T0));
    scoring().putScorecard(project, new StoredScorecard("support", "name: support\nversion: 2\n", T0 + 1));
    assertThat(scoring().scorecards(project)).containsExactly(new StoredScorecard("support", "name: support\nversion: 2\n", T0 + 1));
    assertThat(scoring().scorecards(other)).isEmpty();
    assertThat(scoring().deleteScorecard(other, "support")).isFalse();
    assertThat(scoring().deleteScorecard(project, "support")).isTrue();
    assertThat(scoring().scorecards(project)).isEmpty();
  }

  private static ScoringTask task(String id, String traceId, int attempts, long next, boolean dead) {
    return new ScoringTask(id, traceId, TestObjects.spanId(), T0, "support", "v1", "no_advice", attempts,
        "timed out after 5000 ms", T0, next, dead);
  }
}
