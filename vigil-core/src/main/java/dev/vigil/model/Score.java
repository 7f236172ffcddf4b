package dev.vigil.model;

import java.util.Map;
import java.util.Objects;

/** A quality score attached to a trace (and optionally one span of it). Idempotent on {@code id}. */
public record Score(
    String id,
    String traceId,
    String spanId,
    String name,
    ScoreDataType dataType,
    Double value,
    String label,
    ScoreSource source,
    String comment,
    long epochNanos,
    Map<String, String> metadata) {

  public Score {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(name, "name == null");
    dataType = dataType == null ? ScoreDataType.NUMERIC : dataType;
    source = source == null ? ScoreSource.API : source;
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }
}
