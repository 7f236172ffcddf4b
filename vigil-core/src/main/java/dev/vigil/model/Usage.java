package dev.vigil.model;

/**
 * Token counts of one LLM call, in OpenTelemetry's convention: {@code input} includes cache reads and
 * writes, {@code output} includes reasoning tokens. {@code null} means "not reported". {@code estimated}
 * is true when Vigil counted the tokens itself because the client sent none.
 */
public record Usage(
    Long input,
    Long output,
    Long cacheRead,
    Long cacheWrite,
    Long reasoning,
    boolean estimated) {

  public static final Usage NONE = new Usage(null, null, null, null, null, false);

  public boolean isEmpty() {
    return input == null && output == null;
  }

  public Long total() {
    if (input == null && output == null) return null;
    return (input == null ? 0 : input) + (output == null ? 0 : output);
  }
}
