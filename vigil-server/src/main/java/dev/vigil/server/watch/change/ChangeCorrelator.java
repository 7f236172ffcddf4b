package dev.vigil.server.watch.change;

import dev.vigil.model.ChangeEvent;
import dev.vigil.storage.Dimension;
import dev.vigil.storage.SignalStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Names the changes that probably caused an alert: those in the lookback before the alert started,
 * ranked by recency (a half-life of {@code halfLife}) times their overlap with the alert's slice. A
 * change on the alert's own feature counts three times one with no feature; one whose model, prompt
 * or release is what the slice is filtered on counts twice more; a change on another feature counts
 * a fifth. Simple and explainable beats clever here: the on-call reads the ranking.
 */
public final class ChangeCorrelator {
  private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
  private static final Map<Dimension, String> ATTRIBUTES = Map.of(Dimension.MODEL, "model",
      Dimension.PROMPT_VERSION, "prompt_version", Dimension.PROMPT_NAME, "prompt_name", Dimension.RELEASE, "release");

  private final SignalStore signals;
  private final Duration lookback;
  private final Duration halfLife;

  public ChangeCorrelator(SignalStore signals, Duration lookback, Duration halfLife) {
    this.signals = signals;
    this.lookback = lookback;
    this.halfLife = halfLife;
  }

  /** Changes in [startedAt − lookback, startedAt], best suspect first. */
  public List<Suspect> rank(long projectId, Map<Dimension, List<String>> slice, long startedAtEpochNanos) {
    List<Suspect> out = new ArrayList<>();
    for (ChangeEvent c : signals.changes(projectId, startedAtEpochNanos - lookback.toNanos(), startedAtEpochNanos + 1)) {
      double age = Math.max(0, startedAtEpochNanos - c.epochNanos());
      double score = Math.pow(0.5, age / halfLife.toNanos()) * overlap(c, slice);
      out.add(new Suspect(c, score, describe(c)));
    }
    out.sort(Comparator.comparingDouble(Suspect::score).reversed().thenComparing(s -> -s.change().epochNanos()));
    return out;
  }

  static double overlap(ChangeEvent c, Map<Dimension, List<String>> slice) {
    List<String> features = slice.getOrDefault(Dimension.FEATURE, List.of());
    double w = 1;
    if (c.feature() != null && !features.isEmpty()) w = features.contains(c.feature()) ? 3 : 0.2;
    else if (c.feature() != null) w = 1.5; // the alert watches every feature: any feature's change may matter
    for (var e : ATTRIBUTES.entrySet()) {
      List<String> wanted = slice.getOrDefault(e.getKey(), List.of());
      String v = c.attributes().get(e.getValue());
      if (v != null && wanted.contains(v)) w *= 2;
    }
    return w;
  }

  /** e.g. "prompt support-answer v3 first seen 09:52 on support-chat". */
  public static String describe(ChangeEvent c) {
    String at = HHMM.format(Instant.ofEpochSecond(0, c.epochNanos()));
    String d = c.description() == null || c.description().isBlank() ? c.type().wireName() : c.description();
    if (ChangeDetector.SOURCE.equals(c.source()) && d.contains(" first seen on ")) {
      return d.replace(" first seen on ", " first seen " + at + " on ");
    }
    return c.type().wireName() + ": " + d + " at " + at + " UTC" + (c.feature() == null ? "" : " on " + c.feature());
  }
}
