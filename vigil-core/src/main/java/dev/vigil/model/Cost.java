package dev.vigil.model;

/**
 * Cost of one LLM call in USD. {@code total} is {@code null} when the price is unknown
 * ({@link CostSource#UNPRICED}), never a silent 0. The parts do not overlap and add up to the total:
 * {@code input} is uncached input only (cache reads and writes are their own parts) and {@code output}
 * excludes {@code reasoning}.
 */
public record Cost(
    Double input,
    Double output,
    Double cacheRead,
    Double cacheWrite,
    Double reasoning,
    Double total,
    CostSource source) {

  public static final Cost NONE = new Cost(null, null, null, null, null, null, CostSource.NONE);
  public static final Cost UNPRICED = new Cost(null, null, null, null, null, null, CostSource.UNPRICED);

  /**
   * A cost the client reported, in this model's non-overlapping parts. A missing total is the sum of
   * the parts given; nothing given at all is {@link #NONE}.
   */
  public static Cost reported(Double input, Double output, Double cacheRead, Double cacheWrite, Double reasoning,
      Double total) {
    if (total == null) {
      if (input == null && output == null && cacheRead == null && cacheWrite == null && reasoning == null) return NONE;
      total = 0.0;
      for (Double part : new Double[] {input, output, cacheRead, cacheWrite, reasoning}) {
        if (part != null) total += part;
      }
    }
    return new Cost(input, output, cacheRead, cacheWrite, reasoning, total, CostSource.REPORTED);
  }

  public boolean unpriced() {
    return source == CostSource.UNPRICED;
  }
}
