package dev.vigil.server.scoring.pipeline;

import dev.vigil.model.Span;
import dev.vigil.server.scoring.eval.Subject;
import dev.vigil.server.scoring.sampling.Sampler;
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
 * and goes straight to the dead letters, with the reason. Tasks with no attempts yet were queued by
 * negative feedback ({@link NegativeFeedback}); their rule is checked again before they run.
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
    List<String> dropped = new ArrayList<>();
    for (ScoringTask t : due) {
      Optional<Scorecard> card = scorecards.get(projectId, t.scorecard());
      Scorecard.Metric metric = card.map(c -> c.metric(t.metric())).orElse(null);
      boolean queued = t.attempts() == 0; // never run: queued by negative feedback, not a failure
      if (card.isEmpty() || !card.get().version().equals(t.scorecardVersion()) || metric == null) {
        if (queued) {
          dropped.add(t.id()); // the rule that wanted it is gone; nothing failed
          continue;
        }
        hopeless.add(ScoreFactory.dead(t, "scorecard '" + t.scorecard() + "' version " + t.scorecardVersion()
            + " with metric '" + t.metric() + "' is no longer defined; last error: " + t.lastError(), nowNanos));
        continue;
      }
      Subject subject = subject(projectId, card.get(), t);
      if (subject == null && queued) {
        dropped.add(t.id());
        continue;
      }
      if (subject == null) {
        hopeless.add(ScoreFactory.dead(t, "the span is no longer stored; last error: " + t.lastError(), nowNanos));
        continue;
      }
      String sampledBy = "retry";
      if (queued) {
        Sampler.Decision d = Sampler.afterNegativeFeedback(card.get().name(), card.get().sampling(), subject);
        if (!d.sampled()) {
          dropped.add(t.id());
          continue;
        }
        sampledBy = d.reason();
      }
      jobs.add(new Job(card.get(), metric, subject, sampledBy, t));
    }
    Evaluations.Done done = evaluations.run(projectId, jobs, nowNanos);
    List<ScoringTask> update = new ArrayList<>(done.failures());
    update.addAll(hopeless);
    List<String> finished = new ArrayList<>(done.succeeded());
    finished.addAll(dropped);
    storage.scoringStore().updateTasks(projectId, done.scores(), update, finished);
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
