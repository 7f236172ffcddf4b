package dev.vigil.server.scoring.pipeline;

import dev.vigil.model.Score;
import dev.vigil.server.scoring.eval.Evaluator;
import dev.vigil.server.scoring.eval.Subject;
import dev.vigil.storage.ScoringTask;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Runs jobs and sorts the results into scores to write and tasks to keep for a retry. */
final class Evaluations {
  private final EvaluationRunner runner;
  private final ScoringSettings settings;
  private final Counter scored;
  private final Counter notApplicable;
  private final Counter failed;
  private final InjectionAttempts injections;

  Evaluations(EvaluationRunner runner, ScoringSettings settings, MeterRegistry metrics) {
    this.runner = runner;
    this.settings = settings;
    this.scored = counter(metrics, "scored");
    this.notApplicable = counter(metrics, "not_applicable");
    this.failed = counter(metrics, "failed");
    this.injections = new InjectionAttempts(metrics);
  }

  private static Counter counter(MeterRegistry metrics, String result) {
    return Counter.builder("vigil.scoring.evaluations").tag("result", result)
        .description("Evaluations run by the scoring pipeline, by result").register(metrics);
  }

  /** Scores written, tasks that failed (again), and ids of retried tasks that now succeeded. */
  record Done(List<Score> scores, List<ScoringTask> failures, List<String> succeeded) {}

  Done run(long projectId, List<Job> jobs, long nowNanos) {
    List<Evaluator> evaluators = new ArrayList<>(jobs.size());
    List<Subject> subjects = new ArrayList<>(jobs.size());
    for (Job j : jobs) {
      evaluators.add(j.metric().evaluator().forProject(projectId));
      subjects.add(j.subject());
    }
    Set<Evaluator> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
    distinct.addAll(evaluators);
    distinct.forEach(Evaluator::prepare); // e.g. the embedding model loading: outside the evaluations' timeouts
    List<EvaluationRunner.Result> results = runner.runAll(evaluators, subjects);
    List<Score> scores = new ArrayList<>();
    List<ScoringTask> failures = new ArrayList<>();
    List<String> succeeded = new ArrayList<>();
    int nScored = 0;
    int nFailed = 0;
    int nNotApplicable = 0;
    for (int i = 0; i < jobs.size(); i++) {
      Job j = jobs.get(i);
      EvaluationRunner.Result r = results.get(i);
      if (r.failure() != null) {
        nFailed++;
        failures.add(ScoreFactory.failure(j.subject(), j.card(), j.metric(), r.failure(), r.retryAfter(), j.previous(), settings,
            nowNanos));
        continue;
      }
      if (j.previous() != null) succeeded.add(j.previous().id());
      if (r.outcome().applicable()) {
        nScored++;
        scores.add(ScoreFactory.score(j.subject(), j.card(), j.metric(), r.outcome(), j.sampledBy(), nowNanos));
        if (!r.outcome().passed() && InjectionAttempts.EVALUATOR.equals(j.metric().evaluator().type())) {
          injections.count(projectId, j.subject().feature());
        }
      } else {
        nNotApplicable++;
      }
    }
    scored.increment(nScored); // once a page, not once an evaluation
    failed.increment(nFailed);
    notApplicable.increment(nNotApplicable);
    return new Done(scores, failures, succeeded);
  }
}
