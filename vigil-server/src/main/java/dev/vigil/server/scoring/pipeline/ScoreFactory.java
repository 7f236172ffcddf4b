package dev.vigil.server.scoring.pipeline;

import dev.vigil.model.Score;
import dev.vigil.model.ScoreSource;
import dev.vigil.server.scoring.eval.Outcome;
import dev.vigil.server.scoring.eval.Subject;
import dev.vigil.server.scoring.scorecard.Scorecard;
import dev.vigil.storage.ScoringTask;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scores and failed tasks with deterministic ids: the same subject, scorecard version, metric and
 * evaluator version always give the same id, so writing a score again (a retry, a replay after a
 * crash) is a no-op and a trace is never scored twice for the same thing. A score is dated by its
 * subject's start, so it ages out with its trace.
 */
final class ScoreFactory {
  private ScoreFactory() {}

  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  });
  private static final int MAX_SHARED_MAPS = 4096;
  /** The pipeline's own metadata, one instance per distinct map: a page's scores share a handful. */
  private static final Map<MetaKey, Map<String, String>> SHARED = new ConcurrentHashMap<>();

  private record MetaKey(String card, String version, String evaluator, int evaluatorVersion, String target, String feature,
      String sampledBy, long second) {}

  /** What follows the trace and span ids in an id's key, as UTF-8: the same for every subject of a metric. */
  private record Suffix(String card, String version, String metric, String evaluator, int evaluatorVersion) {}

  private static final Map<Suffix, byte[]> SUFFIXES = new ConcurrentHashMap<>();
  private static final byte[] NUL = {0};
  private static final HexFormat HEX = HexFormat.of();

  /**
   * SHA-256 of the NUL-joined trace id, span id, scorecard, its version, metric, evaluator and its
   * version. The constant tail is encoded once per metric, not per score (it was a string join and an
   * encoding of ~100 characters a score).
   */
  static String id(String traceId, String spanId, Scorecard card, Scorecard.Metric metric) {
    Suffix key = new Suffix(card.name(), card.version(), metric.name(), metric.evaluator().type(),
        metric.evaluator().version());
    byte[] suffix = SUFFIXES.get(key);
    if (suffix == null) {
      if (SUFFIXES.size() >= MAX_SHARED_MAPS) SUFFIXES.clear();
      suffix = String.join("\u0000", "", key.card(), key.version(), key.metric(), key.evaluator(),
          Integer.toString(key.evaluatorVersion())).getBytes(StandardCharsets.UTF_8);
      SUFFIXES.put(key, suffix);
    }
    MessageDigest md = SHA256.get();
    md.update(traceId.getBytes(StandardCharsets.UTF_8));
    md.update(NUL);
    md.update(spanId.getBytes(StandardCharsets.UTF_8));
    md.update(suffix);
    return "ev_" + HEX.formatHex(md.digest(), 0, 16);
  }

  static Score score(Subject s, Scorecard card, Scorecard.Metric metric, Outcome o, String sampledBy, long nowNanos) {
    // to the second: a page's scores then share their maps with the pages around it (stored once)
    long second = Math.floorDiv(nowNanos, 1_000_000_000L);
    Map<String, String> meta;
    if (o.metadata().isEmpty()) {
      MetaKey key = new MetaKey(card.name(), card.version(), metric.evaluator().type(), metric.evaluator().version(),
          card.target().wireName(), s.feature(), sampledBy, second);
      meta = SHARED.get(key);
      if (meta == null) {
        if (SHARED.size() >= MAX_SHARED_MAPS) SHARED.clear();
        meta = Map.copyOf(metadata(s, card, metric, o, sampledBy, second));
        SHARED.put(key, meta);
      }
    } else {
      meta = metadata(s, card, metric, o, sampledBy, second);
    }
    return new Score(id(s.traceId(), s.spanId(), card, metric), s.traceId(), s.spanId(), metric.name(), o.dataType(),
        o.value(), o.label(), ScoreSource.EVAL, o.explanation(), s.startEpochNanos(), meta);
  }

  private static Map<String, String> metadata(Subject s, Scorecard card, Scorecard.Metric metric, Outcome o, String sampledBy,
      long second) {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("scorecard", card.name());
    meta.put("scorecard_version", card.version());
    meta.put("evaluator", metric.evaluator().type());
    meta.put("evaluator_version", Integer.toString(metric.evaluator().version()));
    meta.put("target", card.target().wireName());
    meta.put("feature", s.feature());
    if (sampledBy != null) meta.put("sampled_by", sampledBy);
    meta.put("scored_at", java.time.Instant.ofEpochSecond(second).toString());
    o.metadata().forEach(meta::putIfAbsent); // the evaluator's own facts (judge, tokens, cost) never hide the pipeline's
    return meta;
  }

  /**
   * A first failure, or the next one of {@code previous}; dead once attempts run out. The next attempt
   * waits the backoff, or the provider's Retry-After ({@code retryAfter}, may be null) when longer.
   */
  static ScoringTask failure(Subject s, Scorecard card, Scorecard.Metric metric, String reason, java.time.Duration retryAfter,
      ScoringTask previous, ScoringSettings settings, long nowNanos) {
    int attempts = previous == null ? 1 : previous.attempts() + 1;
    boolean dead = attempts >= settings.maxAttempts();
    long wait = settings.backoffNanos(attempts);
    if (retryAfter != null) wait = Math.max(wait, Math.min(retryAfter.toNanos(), java.time.Duration.ofHours(1).toNanos()));
    return new ScoringTask(id(s.traceId(), s.spanId(), card, metric), s.traceId(), s.spanId(), s.startEpochNanos(),
        card.name(), card.version(), metric.name(), attempts, reason,
        previous == null ? nowNanos : previous.firstFailedEpochNanos(),
        dead ? nowNanos : nowNanos + wait, dead);
  }

  /** A task that cannot be retried at all (its scorecard or span is gone): dead at once. */
  static ScoringTask dead(ScoringTask t, String reason, long nowNanos) {
    return new ScoringTask(t.id(), t.traceId(), t.spanId(), t.spanStartEpochNanos(), t.scorecard(), t.scorecardVersion(),
        t.metric(), t.attempts(), reason, t.firstFailedEpochNanos(), nowNanos, true);
  }
}
