package dev.vigil.server.query;

import dev.vigil.storage.FeedbackCounts;
import java.util.Locale;

/**
 * Explicit feedback comes from the users who stayed: when many users abandon while the few who rate
 * are pleased, the positive rate flatters the product. Warns when, over enough data, abandonment is at
 * least {@link #MIN_ABANDONMENT} while the explicit positive rate is at least {@link #MIN_POSITIVE}.
 * Thresholds are documented in docs/scorecards.md.
 */
public final class SurvivorshipCheck {
  public static final double MIN_ABANDONMENT = 0.20;
  public static final double MIN_POSITIVE = 0.80;
  public static final long MIN_TRACES = 20;
  public static final long MIN_POLAR = 5;

  private SurvivorshipCheck() {}

  /** The warning's message, or null when there is nothing to warn about. */
  public static String warning(FeedbackCounts c) {
    Double abandoned = c.abandonmentRate();
    Double positive = c.positiveRate();
    if (abandoned == null || positive == null || c.traces() < MIN_TRACES || c.positive() + c.negative() < MIN_POLAR) {
      return null;
    }
    if (abandoned < MIN_ABANDONMENT || positive < MIN_POSITIVE) return null;
    return String.format(Locale.ROOT, "possible survivorship bias: %.0f%% of explicit feedback is positive, but %.0f%% "
        + "of traces were abandoned and only %.0f%% got explicit feedback; the users who left did not rate, "
        + "so read the positive rate together with the abandonment rate",
        positive * 100, abandoned * 100, c.coverage() * 100);
  }
}
