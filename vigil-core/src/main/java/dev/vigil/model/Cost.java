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

  public boolean unpriced() {
    return source == CostSource.UNPRICED;
  }
}
