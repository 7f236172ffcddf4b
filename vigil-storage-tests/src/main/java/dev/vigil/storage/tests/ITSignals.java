package dev.vigil.storage.tests;

import static dev.vigil.storage.tests.TestObjects.HOUR;
import static dev.vigil.storage.tests.TestObjects.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.ChangeEvent;
import dev.vigil.model.ChangeType;
import dev.vigil.model.Feedback;
import dev.vigil.model.FeedbackKind;
import dev.vigil.model.Score;
import dev.vigil.model.ScoreDataType;
import dev.vigil.model.ScoreSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scores, feedback and change events: stored once per id, read back whole. */
public abstract class ITSignals extends StorageTestBase {

  @Test
  public void scoresAreIdempotent() {
    String traceId = TestObjects.traceId();
    Score helpful = new Score("s1", traceId, null, "helpfulness", ScoreDataType.NUMERIC, 0.8, null, ScoreSource.API,
        "clear answer", T0, Map.of("rubric", "v1"));
    Score label = new Score("s2", traceId, TestObjects.spanId(), "tone", ScoreDataType.CATEGORICAL, null, "friendly",
        ScoreSource.ANNOTATION, null, T0 + 1, Map.of());

    assertThat(storage.signalStore().putScores(project, List.of(helpful, label))).containsExactlyInAnyOrder("s1", "s2");
    assertThat(storage.signalStore().putScores(project, List.of(helpful))).isEmpty();
    assertThat(storage.signalStore().scores(project, traceId)).containsExactly(helpful, label);
  }

  @Test
  public void aLargeBatchOfScoresRoundTripsAndStaysIdempotent() {
    String traceId = TestObjects.traceId();
    List<Score> batch = new java.util.ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      Map<String, String> meta = i % 7 == 0 ? Map.of() : Map.of("scorecard", "rules", "feature", "f" + (i % 3));
      batch.add(new Score("p" + i, traceId, i % 2 == 0 ? TestObjects.spanId() : null, "m" + (i % 6),
          i % 5 == 0 ? ScoreDataType.CATEGORICAL : ScoreDataType.BOOLEAN, i % 5 == 0 ? null : (double) (i % 2),
          i % 5 == 0 ? "refused" : null, ScoreSource.EVAL, i % 3 == 0 ? null : "why " + i, T0 + i, meta));
    }
    assertThat(storage.signalStore().putScores(project, batch)).hasSize(5000);
    List<Score> again = new java.util.ArrayList<>(batch.subList(4000, 5000));
    again.add(new Score("p-new", traceId, null, "m0", ScoreDataType.NUMERIC, 0.5, null, ScoreSource.API, null, T0, Map.of()));
    assertThat(storage.signalStore().putScores(project, again)).containsExactly("p-new");

    List<Score> read = storage.signalStore().scores(project, traceId);
    assertThat(read).hasSize(5001);
    assertThat(read).containsAll(batch);
  }

  @Test
  public void evaluatorScoresRepeatedInALaterBatchAreDroppedAndAnApiScoreStaysUniqueAcrossTimes() {
    String traceId = TestObjects.traceId();
    Map<String, String> meta = Map.of("scorecard", "rules", "scored_at", "2026-11-22T00:00:00Z");
    List<Score> first = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) first.add(eval("e" + i, traceId, T0 + i * HOUR, meta));
    assertThat(storage.signalStore().putScores(project, first)).hasSize(10);

    // a replayed page: some repeats, some new, spread over other times, sharing the stored map
    List<Score> replay = List.of(first.get(3), eval("e10", traceId, T0 + 20 * HOUR, meta), first.get(9),
        eval("e11", traceId, T0 - HOUR, Map.of("scorecard", "rules", "scored_at", "2026-11-22T00:00:01Z")));
    assertThat(storage.signalStore().putScores(project, replay)).containsExactlyInAnyOrder("e10", "e11");

    Score api = new Score("a1", traceId, null, "helpfulness", ScoreDataType.NUMERIC, 0.5, null, ScoreSource.API, null,
        T0, Map.of());
    assertThat(storage.signalStore().putScores(project, List.of(api))).containsExactly("a1");
    Score resentLater = new Score("a1", traceId, null, "helpfulness", ScoreDataType.NUMERIC, 0.9, null, ScoreSource.API,
        null, T0 + 5 * HOUR, Map.of());
    assertThat(storage.signalStore().putScores(project, List.of(resentLater))).isEmpty();

    List<Score> read = storage.signalStore().scores(project, traceId);
    assertThat(read).hasSize(13).contains(api).doesNotContain(resentLater);
    assertThat(read.stream().filter(s -> s.id().equals("e11")).findFirst().orElseThrow().metadata())
        .containsEntry("scored_at", "2026-11-22T00:00:01Z");
    assertThat(read.stream().filter(s -> s.id().equals("e10")).findFirst().orElseThrow().metadata()).isEqualTo(meta);
  }

  @Test
  public void retentionKeepsTheMetadataOfTheScoresItKeeps() {
    String traceId = TestObjects.traceId();
    Map<String, String> shared = Map.of("scorecard", "rules");
    Map<String, String> onlyOld = Map.of("scorecard", "old");
    Score old = eval("old", traceId, T0 - 48 * HOUR, onlyOld);
    Score oldShared = eval("old-shared", traceId, T0 - 48 * HOUR, shared);
    Score kept = eval("kept", traceId, T0, shared);
    storage.signalStore().putScores(project, List.of(old, oldShared, kept));

    storage.retention().purgeBefore(project, T0 - HOUR);

    assertThat(storage.signalStore().scores(project, traceId)).containsExactly(kept);
    Score again = eval("new-old-map", traceId, T0 + 1, onlyOld); // a map stored again after its last score went
    assertThat(storage.signalStore().putScores(project, List.of(again))).containsExactly("new-old-map");
    assertThat(storage.signalStore().scores(project, traceId)).containsExactly(kept, again);
  }

  private static Score eval(String id, String traceId, long time, Map<String, String> meta) {
    return new Score(id, traceId, TestObjects.spanId(), "policy", ScoreDataType.BOOLEAN, 1.0, null, ScoreSource.EVAL, null,
        time, meta);
  }

  @Test
  public void feedbackIsIdempotent() {
    String traceId = TestObjects.traceId();
    Feedback down = new Feedback("f1", traceId, FeedbackKind.THUMBS_DOWN, null, "wrong plan", "u1", T0);
    Feedback rating = new Feedback("f2", traceId, FeedbackKind.RATING, 4.0, null, "u1", T0 + 1);
    assertThat(storage.signalStore().putFeedback(project, List.of(down, rating))).hasSize(2);
    assertThat(storage.signalStore().putFeedback(project, List.of(down, rating))).isEmpty();
    assertThat(storage.signalStore().feedback(project, traceId)).containsExactly(down, rating);
  }

  @Test
  public void changesInTimeOrderWithinRange() {
    ChangeEvent deploy = new ChangeEvent("c1", ChangeType.DEPLOYMENT, "support-chat", "release 2026.11.2", "api", T0,
        Map.of("git.sha", "abc123"));
    ChangeEvent prompt = new ChangeEvent("c2", ChangeType.PROMPT_VERSION, "support-chat", "support-answer v2", "auto",
        T0 + HOUR, Map.of());
    storage.signalStore().putChanges(project, List.of(prompt, deploy));
    assertThat(storage.signalStore().putChanges(project, List.of(deploy))).isEmpty();

    assertThat(storage.signalStore().changes(project, T0 - HOUR, T0 + 2 * HOUR)).containsExactly(deploy, prompt);
    assertThat(storage.signalStore().changes(project, T0 + 1, T0 + 2 * HOUR)).containsExactly(prompt);
  }
}
