package dev.vigil.model;

import java.util.Map;
import java.util.Objects;

/**
 * Mutes notifications of the alerts it matches between {@code startsEpochNanos} and
 * {@code endsEpochNanos}. {@code matchers} are exact matches on the rule name (key {@code rule}) and
 * on notification labels (e.g. {@code feature=support-chat}); every matcher must hold. Alert state and
 * history carry on as usual while silenced: only the telling of people stops.
 */
public record Silence(
    String id,
    Map<String, String> matchers,
    long startsEpochNanos,
    long endsEpochNanos,
    String comment,
    String createdBy,
    long createdEpochNanos) {

  public Silence {
    Objects.requireNonNull(id, "id == null");
    matchers = Map.copyOf(Objects.requireNonNull(matchers, "matchers == null"));
    if (matchers.isEmpty()) throw new IllegalArgumentException("a silence needs at least one matcher");
    if (endsEpochNanos <= startsEpochNanos) throw new IllegalArgumentException("a silence must end after it starts");
  }

  public boolean activeAt(long epochNanos) {
    return startsEpochNanos <= epochNanos && epochNanos < endsEpochNanos;
  }

  /** Whether every matcher holds for the alert of {@code rule} with these {@code labels}. */
  public boolean matches(String rule, Map<String, String> labels) {
    for (Map.Entry<String, String> m : matchers.entrySet()) {
      String actual = m.getKey().equals("rule") ? rule : labels.get(m.getKey());
      if (!m.getValue().equals(actual)) return false;
    }
    return true;
  }
}
