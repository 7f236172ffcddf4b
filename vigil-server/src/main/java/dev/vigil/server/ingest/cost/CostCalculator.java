package dev.vigil.server.ingest.cost;

import dev.vigil.model.Cost;
import dev.vigil.model.CostSource;
import dev.vigil.model.LlmCall;
import dev.vigil.model.PriceOverride;
import dev.vigil.model.Usage;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prices one LLM call. In order: a cost the client REPORTED is kept as is; else the first matching
 * project override (source OVERRIDE) or the shipped table (source TABLE) gives the prices; a model found
 * in neither is {@link Cost#UNPRICED} — total null, never 0. A priced model whose call carries no token
 * counts gets {@link Cost#NONE}: nothing to multiply, so the cost is unknown rather than zero.
 *
 * <p>Usage is in OTel convention (input includes cache reads and writes, output includes reasoning), so
 * the buckets are split out before pricing. The Cost components are disjoint and add up to the total:
 * {@code input} is uncached input only, {@code output} excludes reasoning. A bucket the client did not
 * report is null. Embeddings bill input only. Tiers are chosen by total input tokens.
 */
public final class CostCalculator {
  private static final Logger log = LoggerFactory.getLogger(CostCalculator.class);
  private static final double PER_MILLION = 1_000_000d;

  private final PriceTable table;
  // overrides are per project and few; compiling their regex once keeps pricing allocation-light
  private final BoundedCache<String, Optional<Pattern>> overridePatterns = new BoundedCache<>(1_000);

  public CostCalculator(PriceTable table) {
    this.table = table;
  }

  public Cost cost(LlmCall call, List<PriceOverride> overrides) {
    return cost(call, overrides, isEmbedding(call.operation()));
  }

  Cost cost(LlmCall call, List<PriceOverride> overrides, boolean embedding) {
    if (call.cost().source() == CostSource.REPORTED) return call.cost();
    String model = call.model();
    if (model == null || model.isBlank()) return Cost.UNPRICED;
    Usage usage = call.usage();
    long input = tokens(usage.input());
    Rates rates = override(call.provider(), model, overrides);
    CostSource source = CostSource.OVERRIDE;
    if (rates == null) {
      Optional<ModelPrice> price = table.find(call.provider(), model);
      if (price.isEmpty()) return Cost.UNPRICED;
      rates = price.get().ratesFor(input);
      source = CostSource.TABLE;
    }
    return usage.isEmpty() ? Cost.NONE : compute(usage, rates, source, embedding);
  }

  static boolean isEmbedding(String operation) {
    return "embeddings".equalsIgnoreCase(operation) || "embedding".equalsIgnoreCase(operation);
  }

  static Cost compute(Usage usage, Rates rates, CostSource source, boolean embedding) {
    long cacheRead = tokens(usage.cacheRead());
    long cacheWrite = tokens(usage.cacheWrite());
    long reasoning = tokens(usage.reasoning());
    Double input = usage.input() == null ? null
        : usd(Math.max(0, tokens(usage.input()) - cacheRead - cacheWrite), rates.input());
    Double read = usage.cacheRead() == null ? null : usd(cacheRead, rates.cacheReadOrInput());
    Double write = usage.cacheWrite() == null ? null : usd(cacheWrite, rates.cacheWriteOrInput());
    Double output = embedding || usage.output() == null ? null
        : usd(Math.max(0, tokens(usage.output()) - reasoning), rates.output());
    Double thinking = embedding || usage.reasoning() == null ? null : usd(reasoning, rates.reasoningOrOutput());
    double total = sum(input) + sum(read) + sum(write) + sum(output) + sum(thinking);
    return new Cost(input, output, read, write, thinking, total, source);
  }

  private Rates override(String provider, String model, List<PriceOverride> overrides) {
    if (overrides == null || overrides.isEmpty()) return null;
    String name = model.strip();
    String normalized = ModelNames.normalize(name);
    for (PriceOverride o : overrides) {
      if (o.provider() != null && !o.provider().isBlank() && !o.provider().equalsIgnoreCase(provider)) continue;
      Optional<Pattern> pattern = overridePatterns.computeIfAbsent(o.modelPattern(), CostCalculator::compile);
      if (pattern.isPresent()
          && (pattern.get().matcher(name).matches() || pattern.get().matcher(normalized).matches())) {
        return Rates.of(o);
      }
    }
    return null;
  }

  private static Optional<Pattern> compile(String regex) {
    try {
      return Optional.of(Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    } catch (PatternSyntaxException e) {
      // settings should reject these; if one slips through it matches nothing rather than failing ingest
      log.warn("price override pattern does not compile, ignoring it: {}", e.getMessage());
      return Optional.empty();
    }
  }

  private static long tokens(Long count) {
    return count == null ? 0 : Math.max(0, count);
  }

  private static double usd(long tokens, double perMillion) {
    return tokens * perMillion / PER_MILLION;
  }

  private static double sum(Double part) {
    return part == null ? 0 : part;
  }
}
