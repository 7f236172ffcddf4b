package dev.vigil.server.demo;

import static dev.vigil.server.demo.Json.obj;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How the demo's users react to answers, as native-API feedback items. Explicit feedback is rare and
 * mostly positive; implicit signals (copying the answer, asking again, leaving) are common and
 * follow the outcome. Answers from prompt v2 of support-chat are worse in a way latency and error
 * rates cannot show — more follow-up questions, fewer thumbs up — the silent regression Vigil is for.
 * Has its own random stream, so the traces stay the same for a seed whether or not feedback is sent.
 */
final class UserReactions {
  private final SplittableRandom random;
  private final List<Map<String, Object>> pending = new ArrayList<>();

  UserReactions(long seed) {
    this.random = new SplittableRandom(seed ^ 0xFEEDBACCL);
  }

  /** Decides the reactions to one trace; they happen a few seconds to two minutes after it, never after {@code nowNanos}. */
  void react(ResourceSpans trace, Outcome outcome, String userId, long endNanos, long nowNanos) {
    Span root = trace.getScopeSpans(0).getSpans(0);
    String traceId = HexFormat.of().formatHex(root.getTraceId().toByteArray());
    boolean worse = promptVersion(trace, "v2");
    double followUp = switch (outcome) {
      case OK -> worse ? 0.20 : 0.07;
      case REFUSAL -> 0.35;
      case TRUNCATION -> 0.25;
      case ERROR -> 0.10;
    };
    double abandoned = outcome == Outcome.ERROR ? 0.40 : outcome == Outcome.REFUSAL ? 0.10 : 0.02;
    double copied = outcome == Outcome.OK ? (worse ? 0.06 : 0.12) : 0.0;
    double explicit = outcome == Outcome.OK ? 0.06 : 0.10;
    double thumbsUp = outcome == Outcome.OK ? (worse ? 0.62 : 0.88) : 0.15;
    long at = Math.min(nowNanos, endNanos + (long) (5e9 + random.nextDouble() * 115e9));
    if (chance(followUp)) add(traceId, "follow_up", userId, at, null, null);
    if (chance(abandoned)) add(traceId, "abandoned", userId, at, null, null);
    if (chance(copied)) add(traceId, "copied", userId, at, null, null);
    if (chance(explicit)) {
      boolean up = chance(thumbsUp);
      add(traceId, up ? "thumbs_up" : "thumbs_down", userId, at, null, null);
      if (!up && chance(0.3)) add(traceId, "comment", userId, at, null, pick(COMPLAINTS));
      if (chance(0.25)) add(traceId, "rating", userId, at, (double) (up ? 4 + random.nextInt(2) : 1 + random.nextInt(2)), null);
    }
  }

  /** The reactions decided so far, oldest first; empties the list. */
  List<Map<String, Object>> drain() {
    List<Map<String, Object>> out = List.copyOf(pending);
    pending.clear();
    return out;
  }

  private static final List<String> COMPLAINTS = List.of(
      "That did not answer my question.", "Too long, I just needed the steps.",
      "This is wrong for my plan.", "It keeps telling me to contact support.");

  private void add(String traceId, String kind, String userId, long atNanos, Double value, String comment) {
    pending.add(obj("type", "feedback", "id", "demo-" + traceId + "-" + kind, "trace_id", traceId, "kind", kind,
        "value", value, "comment", comment, "user_id", userId, "timestamp_unix_nano", Long.toString(atNanos)));
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }

  private String pick(List<String> items) {
    return items.get(random.nextInt(items.size()));
  }

  private static boolean promptVersion(ResourceSpans trace, String version) {
    for (ScopeSpans scope : trace.getScopeSpansList()) {
      for (Span s : scope.getSpansList()) {
        for (KeyValue kv : s.getAttributesList()) {
          if (kv.getKey().equals("gen_ai.prompt.version") && kv.getValue().getStringValue().equals(version)) return true;
        }
      }
    }
    return false;
  }
}
