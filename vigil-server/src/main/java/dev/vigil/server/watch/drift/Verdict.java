package dev.vigil.server.watch.drift;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a drift test concluded; thresholds are in each test's class and in docs/drift.md. */
public enum Verdict {
  STABLE, DRIFTED, INSUFFICIENT_DATA;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A signal's verdict from its tests': drifted if any test says so, else stable if any could tell. */
  static Verdict combine(Iterable<Verdict> verdicts) {
    Verdict out = INSUFFICIENT_DATA;
    for (Verdict v : verdicts) {
      if (v == DRIFTED) return DRIFTED;
      if (v == STABLE) out = STABLE;
    }
    return out;
  }
}
