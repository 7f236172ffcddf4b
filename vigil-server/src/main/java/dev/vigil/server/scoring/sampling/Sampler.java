package dev.vigil.server.scoring.sampling;

import dev.vigil.server.scoring.eval.Subject;
import dev.vigil.storage.Dimension;
import java.util.function.Predicate;

/**
 * Decides whether a scorecard scores a subject. The base decision is a pure function of the trace
 * id (hashed with the scorecard's name as seed), so every span of a trace gets the same answer in
 * every process, and scorecards sample independently. On top of it, in order: errors (always, unless
 * the scorecard says otherwise), targeted rules at their own rates (on the same hash, so a trace
 * sampled at a low rate is also sampled at any higher one), then the stratum minimum: until a stratum
 * has {@code min_per_stratum} sampled subjects in the current window, its subjects are taken whatever
 * the hash. Windows follow the subjects' own start times, so a replay decides the same way.
 */
public final class Sampler {

  /** Whether to score, and why (recorded on the scores as {@code sampled_by}). */
  public record Decision(boolean sampled, String reason) {
    static final Decision SKIP = new Decision(false, null);
  }

  private Sampler() {}

  public static Decision decide(String card, SamplingPolicy p, Subject s, StratumCounts counts) {
    return decide(card, p, s, counts, traceId -> false);
  }

  /**
   * As above; {@code negativeFeedback} tells whether a trace has negative feedback already, and is
   * asked only for a {@code negative_feedback} rule whose rate and other conditions hold.
   */
  public static Decision decide(String card, SamplingPolicy p, Subject s, StratumCounts counts, Predicate<String> negativeFeedback) {
    Decision d = base(card, p, s, negativeFeedback);
    if (p.stratifyBy() == null || p.minPerStratum() <= 0) return d;
    String stratum = stratum(p.stratifyBy(), s);
    long window = Math.floorDiv(s.startEpochNanos(), p.window().toNanos());
    if (d.sampled()) {
      counts.add(card, window, stratum);
      return d;
    }
    int so = counts.count(card, window, stratum);
    if (so < 0 || so >= p.minPerStratum()) return d;
    counts.add(card, window, stratum);
    return new Decision(true, "stratum:" + stratum);
  }

  private static Decision base(String card, SamplingPolicy p, Subject s, Predicate<String> negativeFeedback) {
    if (p.errorsAlways() && s.error()) return new Decision(true, "error");
    double u = TraceHash.unit(card, s.traceId());
    for (SamplingPolicy.Target t : p.targeted()) {
      if (u < t.rate() && t.when().test(s) && (!t.when().negativeFeedback() || negativeFeedback.test(s.traceId()))) {
        return new Decision(true, "targeted:" + t.when().describe());
      }
    }
    return u < p.rate() ? new Decision(true, "rate") : Decision.SKIP;
  }

  /**
   * Negative feedback arrived for the subject's trace after it was read: sampled by the first
   * {@code negative_feedback} rule that takes it (same hash), unless reading it without the
   * feedback already sampled it (then it is scored already). The stratum minimum is not replayed
   * here; a subject it took has scores, which the caller checks.
   */
  public static Decision afterNegativeFeedback(String card, SamplingPolicy p, Subject s) {
    if (base(card, p, s, traceId -> false).sampled()) return Decision.SKIP;
    double u = TraceHash.unit(card, s.traceId());
    for (SamplingPolicy.Target t : p.targeted()) {
      if (t.when().negativeFeedback() && u < t.rate() && t.when().test(s)) return new Decision(true, "targeted:" + t.when().describe());
    }
    return Decision.SKIP;
  }

  /** Whether any targeted rule asks for negative feedback. */
  public static boolean wantsNegativeFeedback(SamplingPolicy p) {
    return p.targeted().stream().anyMatch(t -> t.when().negativeFeedback());
  }

  /** The subject's value of a dimension; "" when it has none, so missing values form one stratum. */
  static String stratum(Dimension d, Subject s) {
    var span = s.span();
    String v = switch (d) {
      case FEATURE -> s.feature();
      case SERVICE -> span.serviceName();
      case MODEL -> s.model();
      case PROVIDER -> span.llm() == null ? null : span.llm().provider();
      case TYPE -> span.type().wireName();
      case USER -> span.userId();
      case SESSION -> span.sessionId();
      case PROMPT_NAME -> span.promptName();
      case PROMPT_VERSION -> span.promptVersion();
      case ENVIRONMENT -> span.environment();
      case RELEASE -> span.release();
      case FINISH_REASON -> s.finishReasons().isEmpty() ? null : s.finishReasons().get(0);
      case STATUS -> s.error() ? "error" : "ok";
      case NAME -> span.name();
    };
    return v == null ? "" : v;
  }
}
