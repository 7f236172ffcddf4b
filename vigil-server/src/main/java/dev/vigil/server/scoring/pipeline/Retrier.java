package dev.vigil.server.scoring.pipeline;

import dev.vigil.model.Span;
import dev.vigil.server.scoring.eval.Subject;
import dev.vigil.server.scoring.scorecard.Scorecard;
import dev.vigil.server.scoring.scorecard.ScorecardRegistry;
import dev.vigil.storage.ScoringTask;
import dev.vigil.storage.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs failed evaluations again once their backoff has passed, with the scorecard version they were
 * sampled under. A task whose scorecard changed or whose span retention removed can never succeed
 * and goes straight to the dead letters, with the reason.
 */
final class Retrier {
  private static final int BATCH = 200;

  private final Storage storage;
  private final ScorecardRegistry scorecards;
  private final Evaluations evaluations;

  Retrier(Storage storage, ScorecardRegistry scorecards, Evaluations evaluations) {
    this.storage = storage;
    this.scorecards = scorecards;
    this.evaluations = evaluations;
  }

  /** @return how many tasks were due */
  int run(long projectId, long nowNanos) {
    List<ScoringTask> due = storage.scoringStore().dueTasks(projectId, nowNanos, BATCH);
    if (due.isEmpty()) return 0;
    List<Job> jobs = new ArrayList<>();
    List<ScoringTask> hopeless = new ArrayList<>();
    for (ScoringTask t : due) {
      Optional<Scorecard> card = scorecards.get(projectId, t.scorecard());
      Scorecard.Metric metric = card.map(c -> c.metric(t.metric())).orElse(null);
      if (card.isEmpty() || !card.get().version().equals(t.scorecardVersion()) || metric == null) {
        hopeless.add(ScoreFactory.dead(t, "scorecard '" + t.scorecard() + "' version " + t.scorecardVersion()
            + " with metric '" + t.metric() + "' is no longer defined; last error: " + t.lastError(), nowNanos));
        continue;
      }
      Subject subject = subject(projectId, card.get(), t);
      if (subject == null) {
        hopeless.add(ScoreFactory.dead(t, "the span is no longer stored; last error: " + t.lastError(), nowNanos));
        continue;
      }
      jobs.add(new Job(card.get(), metric, subject, "retry", t));
    }
    Evaluations.Done done = evaluations.run(projectId, jobs, nowNanos);
    storage.signalStore().putScores(projectId, done.scores());
    List<ScoringTask> update = new ArrayList<>(done.failures());
    update.addAll(hopeless);
    storage.scoringStore().updateTasks(projectId, update, done.succeeded());
    return due.size();
  }

  private Subject subject(long projectId, Scorecard card, ScoringTask t) {
    if (card.target() == Scorecard.Target.LLM_CALL) {
      return storage.spanStore().getSpan(projectId, t.traceId(), t.spanId()).map(Subject::ofCall).orElse(null);
    }
    List<Span> trace = storage.spanStore().getTrace(projectId, t.traceId());
    return trace.stream().filter(s -> s.spanId().equals(t.spanId())).findFirst().map(root -> Subject.ofTrace(root, trace)).orElse(null);
  }
}
