package dev.vigil.server.scoring.pipeline;

import dev.vigil.model.Span;
import dev.vigil.server.scoring.eval.Subject;
import dev.vigil.server.scoring.sampling.Sampler;
import dev.vigil.server.scoring.sampling.StratumCounts;
import dev.vigil.server.scoring.scorecard.Scorecard;
import dev.vigil.storage.ScoringCheckpoint;
import dev.vigil.storage.SpanFeed;
import dev.vigil.storage.Storage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pass over the next page of a project's spans: pick the subjects each scorecard judges, sample
 * them, evaluate, then write the scores and advance the cursor together with the sampling state and
 * the failures in one commit: a crash before it replays the page, and scores are idempotent anyway.
 */
final class PageScorer {
  private final Storage storage;
  private final Evaluations evaluations;
  private final int batchSpans;

  PageScorer(Storage storage, Evaluations evaluations, int batchSpans) {
    this.storage = storage;
    this.evaluations = evaluations;
    this.batchSpans = batchSpans;
  }

  /** What one pass did; {@code spansRead} 0 means the project is caught up. */
  record Pass(ScoringCheckpoint checkpoint, int spansRead, int scores, int failures) {}

  Pass run(long projectId, ScoringCheckpoint from, List<Scorecard> cards, long nowNanos) {
    SpanFeed page = storage.scoringStore().spansAfter(projectId, from.cursor(), batchSpans);
    if (page.spans().isEmpty()) return new Pass(from, 0, 0, 0);
    StratumCounts counts = StratumCounts.parse(from.state());
    Set<String> names = new HashSet<>();
    cards.forEach(c -> names.add(c.name()));
    counts.retain(names);
    List<Job> jobs = jobs(projectId, page.spans(), cards, counts);
    Evaluations.Done done = evaluations.run(projectId, jobs, nowNanos);
    ScoringCheckpoint next = new ScoringCheckpoint(page.nextCursor(), counts.toJson(), nowNanos);
    storage.scoringStore().commit(projectId, next, done.scores(), done.failures(), List.of());
    return new Pass(next, page.spans().size(), done.scores().size(), done.failures().size());
  }

  private List<Job> jobs(long projectId, List<Span> spans, List<Scorecard> cards, StratumCounts counts) {
    List<Job> jobs = new ArrayList<>();
    Map<String, List<Span>> traces = new HashMap<>();
    Map<String, Boolean> negative = new HashMap<>(); // asked only for a negative_feedback rule that would take the subject
    java.util.function.Predicate<String> hasNegativeFeedback = id -> negative.computeIfAbsent(id,
        t -> NegativeFeedback.any(storage.signalStore().feedback(projectId, t)));
    for (Span span : spans) {
      for (Scorecard card : cards) {
        if (!card.appliesTo(span.feature())) continue;
        Subject subject;
        if (card.target() == Scorecard.Target.LLM_CALL) {
          if (!Subject.isCall(span)) continue;
          subject = Subject.ofCall(span);
        } else {
          if (!span.isRoot()) continue;
          subject = Subject.ofTrace(span, traces.computeIfAbsent(span.traceId(),
              id -> storage.spanStore().getTrace(projectId, id)));
        }
        Sampler.Decision d = Sampler.decide(card.name(), card.sampling(), subject, counts, hasNegativeFeedback);
        if (!d.sampled()) continue;
        for (Scorecard.Metric m : card.metrics()) jobs.add(new Job(card, m, subject, d.reason(), null));
      }
    }
    return jobs;
  }
}
