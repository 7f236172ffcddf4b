package dev.vigil.storage.tests;

import static dev.vigil.storage.tests.TestObjects.HOUR;
import static dev.vigil.storage.tests.TestObjects.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Score;
import dev.vigil.model.ScoreDataType;
import dev.vigil.model.ScoreSource;
import dev.vigil.storage.ReviewItem;
import dev.vigil.storage.ReviewItem.State;
import dev.vigil.storage.ReviewQueue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Annotation queues: items in order, states that move, per-project isolation, and the score reads of review. */
public abstract class ITReviewStore extends StorageTestBase {

  @Test
  public void queueKeepsItsOrderAndStates() {
    List<String> traces = List.of(TestObjects.traceId(), TestObjects.traceId(), TestObjects.traceId());
    ReviewQueue q = new ReviewQueue("q1", "worst answers", "support-chat", "{\"from\":\"filter\"}", T0);
    storage.reviewStore().createQueue(project, q, traces);

    assertThat(storage.reviewStore().queue(project, "q1")).contains(q);
    assertThat(storage.reviewStore().items(project, "q1")).extracting(ReviewItem::traceId).containsExactlyElementsOf(traces);
    assertThat(storage.reviewStore().nextPending(project, "q1").orElseThrow().traceId()).isEqualTo(traces.get(0));

    assertThat(storage.reviewStore().setState(project, "q1", traces.get(0), State.SKIPPED, T0 + 1)).isTrue();
    assertThat(storage.reviewStore().setState(project, "q1", traces.get(1), State.DONE, T0 + 2)).isTrue();
    assertThat(storage.reviewStore().setState(project, "q1", TestObjects.traceId(), State.DONE, T0 + 2)).isFalse();

    assertThat(storage.reviewStore().nextPending(project, "q1").orElseThrow().traceId()).isEqualTo(traces.get(2));
    assertThat(storage.reviewStore().item(project, "q1", traces.get(1)))
        .contains(new ReviewItem("q1", traces.get(1), 1, State.DONE, T0 + 2));
    assertThat(storage.reviewStore().progress(project, "q1")).isEqualTo(new ReviewItem.Progress(1, 1, 1));

    storage.reviewStore().setState(project, "q1", traces.get(2), State.DONE, T0 + 3);
    assertThat(storage.reviewStore().nextPending(project, "q1")).isEmpty();
    reopen();
    assertThat(storage.reviewStore().progress(project, "q1")).isEqualTo(new ReviewItem.Progress(0, 2, 1));
  }

  @Test
  public void queuesAreListedNewestFirstAndDeletedWithTheirItems() {
    storage.reviewStore().createQueue(project, new ReviewQueue("a", "first", null, null, T0), List.of(TestObjects.traceId()));
    storage.reviewStore().createQueue(project, new ReviewQueue("b", "second", null, null, T0 + 1), List.of());
    assertThat(storage.reviewStore().queues(project)).extracting(ReviewQueue::id).containsExactly("b", "a");
    assertThatThrownBy(() -> storage.reviewStore().createQueue(project, new ReviewQueue("a", "again", null, null, T0), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exists");

    assertThat(storage.reviewStore().deleteQueue(project, "a")).isTrue();
    assertThat(storage.reviewStore().deleteQueue(project, "a")).isFalse();
    assertThat(storage.reviewStore().items(project, "a")).isEmpty();
    assertThat(storage.reviewStore().queues(project)).extracting(ReviewQueue::id).containsExactly("b");
  }

  @Test
  public void queuesBelongToOneProject() {
    long other = storage.projectStore().createProject("other", null).id();
    String trace = TestObjects.traceId();
    storage.reviewStore().createQueue(project, new ReviewQueue("q", "mine", null, null, T0), List.of(trace));
    assertThat(storage.reviewStore().queues(other)).isEmpty();
    assertThat(storage.reviewStore().queue(other, "q")).isEmpty();
    assertThat(storage.reviewStore().items(other, "q")).isEmpty();
    assertThat(storage.reviewStore().setState(other, "q", trace, State.DONE, T0)).isFalse();
    assertThat(storage.reviewStore().deleteQueue(other, "q")).isFalse();
    assertThat(storage.reviewStore().progress(project, "q")).isEqualTo(new ReviewItem.Progress(1, 0, 0));
  }

  @Test
  public void lowestScoredTracesAreTheWorstFirstWithinTheRange() {
    String bad = TestObjects.traceId();
    String mid = TestObjects.traceId();
    String good = TestObjects.traceId();
    String old = TestObjects.traceId();
    storage.signalStore().putScores(project, List.of(
        eval("1", bad, "quality", 1.0, "card", T0), eval("2", bad, "quality", 5.0, "card", T0 + 1),
        eval("3", mid, "quality", 3.0, "card", T0), eval("4", good, "quality", 5.0, "card", T0),
        eval("5", old, "quality", 0.0, "card", T0 - 2 * HOUR), eval("6", good, "quality", 0.0, "other", T0),
        eval("7", good, "tone", 0.0, "card", T0),
        new Score("8", mid, null, "quality", ScoreDataType.NUMERIC, 0.0, null, ScoreSource.ANNOTATION, null, T0, Map.of("scorecard", "card"))));

    assertThat(storage.reviewStore().lowestScoredTraces(project, "quality", "card", T0 - HOUR, T0 + HOUR, 10))
        .containsExactly(bad, mid, good);
    assertThat(storage.reviewStore().lowestScoredTraces(project, "quality", "card", T0 - HOUR, T0 + HOUR, 2))
        .containsExactly(bad, mid);
    assertThat(storage.reviewStore().lowestScoredTraces(project, "quality", null, T0 - HOUR, T0 + HOUR, 1))
        .containsExactly(good); // 'other' scored it 0
    long other = storage.projectStore().createProject("other", null).id();
    assertThat(storage.reviewStore().lowestScoredTraces(other, "quality", null, T0 - HOUR, T0 + HOUR, 10)).isEmpty();
  }

  @Test
  public void reviewedScoresAreThoseOfAnnotatedTraces() {
    String annotated = TestObjects.traceId();
    String unannotated = TestObjects.traceId();
    Score evalScore = eval("e1", annotated, "answered", 1.0, "card", T0);
    Score human = new Score("h1", annotated, null, "answered", ScoreDataType.BOOLEAN, 0.0, "fail", ScoreSource.ANNOTATION,
        "it dodged", T0, Map.of("scorecard", "card", "queue", "q"));
    storage.signalStore().putScores(project, List.of(evalScore, human, eval("e2", unannotated, "answered", 1.0, "card", T0),
        eval("e3", annotated, "answered", 1.0, "other-card", T0)));

    assertThat(storage.reviewStore().reviewedScores(project, "card")).containsExactlyInAnyOrder(evalScore, human);
    assertThat(storage.reviewStore().reviewedScores(project, "other-card")).isEmpty();
    long other = storage.projectStore().createProject("other", null).id();
    assertThat(storage.reviewStore().reviewedScores(other, "card")).isEmpty();
  }

  private static Score eval(String id, String traceId, String name, double value, String scorecard, long time) {
    return new Score(id, traceId, TestObjects.spanId(), name, ScoreDataType.NUMERIC, value, null, ScoreSource.EVAL, null, time,
        Map.of("scorecard", scorecard, "evaluator", "llm_judge"));
  }
}
