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

  /** The worst of several verdicts: drifted beats insufficient data beats stable. */
  static Verdict worst(Iterable<Verdict> verdicts) {
    Verdict out = STABLE;
    for (Verdict v : verdicts) {
      if (v == DRIFTED) return DRIFTED;
      if (v == INSUFFICIENT_DATA) out = INSUFFICIENT_DATA;
    }
    return out;
  }
}
