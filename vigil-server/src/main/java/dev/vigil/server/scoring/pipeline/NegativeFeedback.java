package dev.vigil.server.scoring.pipeline;

import dev.vigil.model.Feedback;
import dev.vigil.model.Span;
import dev.vigil.server.scoring.eval.Subject;
import dev.vigil.server.scoring.sampling.Sampler;
import dev.vigil.server.scoring.scorecard.Scorecard;
import dev.vigil.storage.FeedbackRateQuery;
import dev.vigil.storage.ScoringTask;
import dev.vigil.storage.Storage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Targeted rules on negative feedback. Feedback usually comes after scoring has read the trace, so
 * when it is stored the subjects it makes eligible are queued as scoring tasks with no attempts
 * yet; the {@link Retrier} runs them off the request path, durably, with the same score ids.
 */
final class NegativeFeedback {
  static final String QUEUED = "queued: negative feedback on the trace";

  private NegativeFeedback() {}

  /** Thumbs down, a correction, or a rating below the positive threshold of the feedback rates. */
  static boolean isNegative(Feedback f) {
    return switch (f.kind()) {
      case THUMBS_DOWN, CORRECTION -> true;
      case RATING -> f.value() != null && f.value() < FeedbackRateQuery.DEFAULT_POSITIVE_RATING;
      default -> false;
    };
  }

  static boolean any(List<Feedback> feedback) {
    return feedback.stream().anyMatch(NegativeFeedback::isNegative);
  }

  /** Tasks for the stored subjects the feedback makes eligible and that have no scores of the card yet. */
  static List<ScoringTask> tasks(Storage storage, long projectId, List<Feedback> feedback, List<Scorecard> cards, long nowNanos) {
    List<Scorecard> wanting = cards.stream().filter(c -> Sampler.wantsNegativeFeedback(c.sampling())).toList();
    Set<String> traces = new LinkedHashSet<>();
    for (Feedback f : feedback) if (isNegative(f)) traces.add(f.traceId());
    List<ScoringTask> tasks = new ArrayList<>();
    if (wanting.isEmpty()) return tasks;
    for (String traceId : traces) {
      List<Span> trace = storage.spanStore().getTrace(projectId, traceId);
      if (trace.isEmpty()) continue; // not stored yet: the read of its spans looks the feedback up
      Set<String> scored = new java.util.HashSet<>();
      storage.signalStore().scores(projectId, traceId).forEach(s -> scored.add(s.metadata().get("scorecard") + "\u0000"
          + s.metadata().get("scorecard_version")));
      for (Scorecard card : wanting) {
        if (scored.contains(card.name() + "\u0000" + card.version())) continue;
        for (Span span : trace) {
          Subject subject = subject(card, span, trace);
          if (subject == null || !Sampler.afterNegativeFeedback(card.name(), card.sampling(), subject).sampled()) continue;
          for (Scorecard.Metric m : card.metrics()) {
            tasks.add(new ScoringTask(ScoreFactory.id(traceId, span.spanId(), card, m), traceId, span.spanId(),
                subject.startEpochNanos(), card.name(), card.version(), m.name(), 0, QUEUED, nowNanos, nowNanos, false));
          }
        }
      }
    }
    return tasks;
  }

  private static Subject subject(Scorecard card, Span span, List<Span> trace) {
    if (!card.appliesTo(span.feature())) return null;
    if (card.target() == Scorecard.Target.LLM_CALL) return Subject.isCall(span) ? Subject.ofCall(span) : null;
    return span.isRoot() ? Subject.ofTrace(span, trace) : null;
  }
}
