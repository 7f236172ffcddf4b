package dev.vigil.server.scoring.sampling;

import dev.vigil.server.scoring.eval.Subject;
import dev.vigil.storage.Dimension;

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
    Decision d = base(card, p, s);
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

  private static Decision base(String card, SamplingPolicy p, Subject s) {
    if (p.errorsAlways() && s.error()) return new Decision(true, "error");
    double u = TraceHash.unit(card, s.traceId());
    for (SamplingPolicy.Target t : p.targeted()) {
      if (u < t.rate() && t.when().test(s)) return new Decision(true, "targeted:" + t.when().describe());
    }
    return u < p.rate() ? new Decision(true, "rate") : Decision.SKIP;
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
