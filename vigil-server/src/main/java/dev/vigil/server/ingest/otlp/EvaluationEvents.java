package dev.vigil.server.ingest.otlp;

import dev.vigil.model.Score;
import dev.vigil.model.ScoreDataType;
import dev.vigil.model.ScoreSource;
import dev.vigil.model.Span;
import dev.vigil.model.SpanEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenTelemetry GenAI {@code gen_ai.evaluation.result} events (span events, or log records on
 * /v1/logs) as {@link Score}s with source {@code eval}. Attributes per the semantic conventions:
 * {@code gen_ai.evaluation.name} (required), {@code gen_ai.evaluation.score.value},
 * {@code gen_ai.evaluation.score.label}, {@code gen_ai.evaluation.explanation},
 * {@code gen_ai.response.id} and {@code error.type}. The score id is a hash of where and when the
 * event happened and what it evaluated, so an exporter's retry stores nothing twice.
 */
public final class EvaluationEvents {
  public static final String EVENT = "gen_ai.evaluation.result";
  static final String NAME = "gen_ai.evaluation.name";
  static final String VALUE = "gen_ai.evaluation.score.value";
  static final String LABEL = "gen_ai.evaluation.score.label";
  static final String EXPLANATION = "gen_ai.evaluation.explanation";
  static final String RESPONSE_ID = "gen_ai.response.id";
  static final String ERROR_TYPE = "error.type";
  private static final int MAX_NAME_CHARS = 1_000;

  private EvaluationEvents() {}

  /** Scores from the evaluation events on stored spans; a malformed event adds a message to {@code errors}. */
  public static List<Score> fromSpans(List<Span> spans, List<String> errors) {
    List<Score> out = new ArrayList<>();
    for (Span s : spans) {
      for (SpanEvent e : s.events()) {
        if (!EVENT.equals(e.name())) continue;
        long time = e.epochNanos() != 0 ? e.epochNanos() : s.endEpochNanos();
        try {
          out.add(score(s.traceId(), s.spanId(), time, e.attributes(), "span_event"));
        } catch (IllegalArgumentException ex) {
          errors.add("span " + s.spanId() + " event " + EVENT + ": " + ex.getMessage());
        }
      }
    }
    return out;
  }

  /** One event as a score; {@code spanId} may be null (a log record tied to the trace only). */
  static Score score(String traceId, String spanId, long epochNanos, Map<String, Object> attributes, String signal) {
    String name = AnyValues.text(attributes.get(NAME));
    if (name == null || name.isBlank()) throw new IllegalArgumentException(NAME + " is required");
    if (name.length() > MAX_NAME_CHARS) throw new IllegalArgumentException(NAME + " is longer than " + MAX_NAME_CHARS + " characters");
    Object rawValue = attributes.get(VALUE);
    String label = AnyValues.text(attributes.get(LABEL));
    if (label != null && label.isBlank()) label = null;
    String errorType = AnyValues.text(attributes.get(ERROR_TYPE));
    ScoreDataType type;
    Double value;
    if (rawValue instanceof Boolean b) {
      type = ScoreDataType.BOOLEAN;
      value = b ? 1d : 0d;
    } else if (rawValue != null) {
      type = ScoreDataType.NUMERIC;
      value = number(rawValue);
    } else if (label != null) {
      type = ScoreDataType.CATEGORICAL;
      value = null;
    } else if (errorType != null) {
      throw new IllegalArgumentException("the evaluation failed (" + ERROR_TYPE + " " + errorType + "): no score to store");
    } else {
      throw new IllegalArgumentException("needs " + VALUE + " or " + LABEL);
    }
    String responseId = AnyValues.text(attributes.get(RESPONSE_ID));
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("origin", "otel");
    metadata.put("otel.signal", signal);
    if (responseId != null) metadata.put(RESPONSE_ID, responseId);
    if (errorType != null) metadata.put(ERROR_TYPE, errorType);
    String id = "otel-" + hash(traceId + "/" + (spanId == null ? "" : spanId) + "/" + name + "/" + epochNanos + "/"
        + (responseId == null ? "" : responseId));
    return new Score(id, traceId, spanId, name, type, value, label, ScoreSource.EVAL,
        AnyValues.text(attributes.get(EXPLANATION)), epochNanos, metadata);
  }

  private static double number(Object raw) {
    double v;
    if (raw instanceof Number n) {
      v = n.doubleValue();
    } else {
      try {
        v = Double.parseDouble(String.valueOf(raw).strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(VALUE + " must be a number, got '" + raw + "'");
      }
    }
    if (!Double.isFinite(v)) throw new IllegalArgumentException(VALUE + " must be finite, got " + raw);
    return v;
  }

  private static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
