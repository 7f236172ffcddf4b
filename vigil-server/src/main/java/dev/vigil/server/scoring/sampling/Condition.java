package dev.vigil.server.scoring.sampling;

import dev.vigil.server.scoring.eval.Options;
import dev.vigil.server.scoring.eval.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code when} of a targeted sampling rule: every condition given must hold. Cheap checks on
 * what the span already carries (lengths, token counts, latency, cost, finish reason) and regexes
 * on the question or the answer ("sensitive topics"). {@code negative_feedback} cannot be seen on the
 * span: {@link #test} checks only the rest, and {@link Sampler} asks storage for the trace's feedback
 * (when reading spans) or is told of it (when negative feedback arrives later).
 */
public record Condition(
    Long outputCharsOver,
    Long outputTokensOver,
    Pattern inputMatches,
    Pattern outputMatches,
    Double latencyMsOver,
    Double costOver,
    List<String> finishReason,
    boolean negativeFeedback) {

  static final Set<String> KEYS = Set.of("output_chars_over", "output_tokens_over", "input_matches", "output_matches",
      "latency_ms_over", "cost_over", "finish_reason",
      "negative_feedback");

  static Condition from(Options o) {
    o.allowOnly("'when'", KEYS);
    if (!KEYS.stream().anyMatch(o::has)) o.problem(null, "'when' needs at least one of " + new java.util.TreeSet<>(KEYS));
    boolean negative = o.bool("negative_feedback", false);
    if (o.has("negative_feedback") && o.node("negative_feedback").isBoolean() && !negative) {
      o.problem("negative_feedback", "'negative_feedback' can only be true (leave it out to ignore feedback)");
    }
    List<Pattern> in = o.patterns("input_matches", 0);
    List<Pattern> out = o.patterns("output_matches", 0);
    return new Condition(o.whole("output_chars_over", 0, Long.MAX_VALUE / 2), o.whole("output_tokens_over", 0, Long.MAX_VALUE / 2),
        in.isEmpty() ? null : in.get(0), out.isEmpty() ? null : out.get(0), o.number("latency_ms_over", 0, 1e9),
        o.number("cost_over", 0, 1e9), o.strings("finish_reason"), negative);
  }

  /** Whether the span-side conditions hold ({@code negative_feedback} is not looked at here). */
  public boolean test(Subject s) {
    if (outputCharsOver != null && s.output().length() <= outputCharsOver) return false;
    if (outputTokensOver != null && (s.outputTokens() == null || s.outputTokens() <= outputTokensOver)) return false;
    if (inputMatches != null && !inputMatches.matcher(s.input()).find()) return false;
    if (outputMatches != null && !outputMatches.matcher(s.output()).find()) return false;
    if (latencyMsOver != null && s.latencyMs() <= latencyMsOver) return false;
    if (costOver != null && (s.cost() == null || s.cost() <= costOver)) return false;
    return finishReason.isEmpty() || s.finishReasons().stream().anyMatch(finishReason::contains);
  }

  /** Short words for a score's {@code sampled_by}: which conditions selected it. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (outputCharsOver != null) parts.add("output_chars_over");
    if (outputTokensOver != null) parts.add("output_tokens_over");
    if (inputMatches != null) parts.add("input_matches");
    if (outputMatches != null) parts.add("output_matches");
    if (latencyMsOver != null) parts.add("latency_ms_over");
    if (costOver != null) parts.add("cost_over");
    if (!finishReason.isEmpty()) parts.add("finish_reason");
    if (negativeFeedback) parts.add("negative_feedback");
    return String.join("+", parts);
  }
}
