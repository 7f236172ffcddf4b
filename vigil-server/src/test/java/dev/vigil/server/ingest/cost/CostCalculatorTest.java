package dev.vigil.server.ingest.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.model.Cost;
import dev.vigil.model.CostSource;
import dev.vigil.model.LlmCall;
import dev.vigil.model.PriceOverride;
import dev.vigil.model.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostCalculatorTest {
  private static final double EPS = 1e-12;
  private final CostCalculator calculator = new CostCalculator(PriceTable.loadDefault());

  @Test
  void splitsCacheReadsOutOfOpenAiInput() {
    // gpt-4o: $2.50 in, $1.25 cached in, $10 out per 1M; 1000 input tokens of which 400 were cached
    Cost cost = calculator.cost(call("openai", "gpt-4o", usage(1000L, 500L, 400L, null, null)), List.of());
    assertThat(cost.source()).isEqualTo(CostSource.TABLE);
    assertThat(cost.input()).isCloseTo(600 * 2.5 / 1e6, within(EPS));     // 0.0015
    assertThat(cost.cacheRead()).isCloseTo(400 * 1.25 / 1e6, within(EPS)); // 0.0005
    assertThat(cost.output()).isCloseTo(500 * 10 / 1e6, within(EPS));     // 0.005
    assertThat(cost.cacheWrite()).isNull();
    assertThat(cost.reasoning()).isNull();
    assertThat(cost.total()).isCloseTo(0.007, within(EPS));
  }

  @Test
  void pricesAnthropicCacheReadsAndWritesSeparately() {
    // claude-sonnet-4: $3 in, $0.30 cache read, $3.75 cache write, $15 out; input 10k = 2k + 6k read + 2k write
    Cost cost = calculator.cost(
        call("anthropic", "claude-sonnet-4-20250514", usage(10_000L, 1_000L, 6_000L, 2_000L, null)), List.of());
    assertThat(cost.input()).isCloseTo(0.006, within(EPS));
    assertThat(cost.cacheRead()).isCloseTo(0.0018, within(EPS));
    assertThat(cost.cacheWrite()).isCloseTo(0.0075, within(EPS));
    assertThat(cost.output()).isCloseTo(0.015, within(EPS));
    assertThat(cost.total()).isCloseTo(0.0303, within(EPS));
  }

  @Test
  void splitsReasoningOutOfOutput() {
    // o3-mini: $1.10 in, $4.40 out and reasoning; 3000 output tokens of which 2500 reasoning
    Cost cost = calculator.cost(call("openai", "o3-mini", usage(2_000L, 3_000L, null, null, 2_500L)), List.of());
    assertThat(cost.input()).isCloseTo(0.0022, within(EPS));
    assertThat(cost.output()).isCloseTo(0.0022, within(EPS));
    assertThat(cost.reasoning()).isCloseTo(0.011, within(EPS));
    assertThat(cost.total()).isCloseTo(0.0154, within(EPS));
  }

  @Test
  void overrideWithoutCachePriceBillsCacheAtInputAndHasItsOwnReasoningPrice() {
    PriceOverride own = new PriceOverride("acme-.*", null, 1.0, 2.0, null, null, 8.0);
    Cost cost = calculator.cost(call("acme", "acme-large", usage(1_000L, 400L, 200L, null, 100L)), List.of(own));
    assertThat(cost.source()).isEqualTo(CostSource.OVERRIDE);
    assertThat(cost.input()).isCloseTo(800 * 1.0 / 1e6, within(EPS));
    assertThat(cost.cacheRead()).isCloseTo(200 * 1.0 / 1e6, within(EPS));
    assertThat(cost.output()).isCloseTo(300 * 2.0 / 1e6, within(EPS));
    assertThat(cost.reasoning()).isCloseTo(100 * 8.0 / 1e6, within(EPS));
    assertThat(cost.total()).isCloseTo(0.0024, within(EPS));
  }

  @Test
  void overridesWinOverTheTable() {
    PriceOverride negotiated = new PriceOverride("gpt-4o", null, 1.0, 4.0, 0.5, null, null);
    Cost cost = calculator.cost(call("openai", "openai/gpt-4o", usage(1_000L, 1_000L, null, null, null)),
        List.of(negotiated));
    assertThat(cost.source()).isEqualTo(CostSource.OVERRIDE);
    assertThat(cost.total()).isCloseTo(0.001 + 0.004, within(EPS));
  }

  @Test
  void overridesForAnotherProviderOrWithBrokenRegexAreIgnored() {
    List<PriceOverride> overrides = List.of(
        new PriceOverride("gpt-4o", "azure.ai.openai", 1.0, 1.0, null, null, null),
        new PriceOverride("gpt-4o(", null, 1.0, 1.0, null, null, null));
    Cost cost = calculator.cost(call("openai", "gpt-4o", usage(1_000L, 0L, null, null, null)), overrides);
    assertThat(cost.source()).isEqualTo(CostSource.TABLE);
    assertThat(cost.total()).isCloseTo(0.0025, within(EPS));
  }

  @Test
  void reportedCostIsKept() {
    Cost reported = new Cost(null, null, null, null, null, 0.123, CostSource.REPORTED);
    LlmCall call = call("openai", "gpt-4o", usage(1_000L, 1_000L, null, null, null)).withCost(reported);
    assertThat(calculator.cost(call, List.of(new PriceOverride(".*", null, 9, 9, null, null, null))))
        .isSameAs(reported);
  }

  @Test
  void unknownModelIsUnpricedNeverZero() {
    Cost cost = calculator.cost(call("openai", "my-own-finetune", usage(1_000L, 1_000L, null, null, null)), List.of());
    assertThat(cost).isSameAs(Cost.UNPRICED);
    assertThat(cost.total()).isNull();
    assertThat(calculator.cost(call("openai", null, usage(1L, 1L, null, null, null)), List.of()))
        .isSameAs(Cost.UNPRICED);
  }

  @Test
  void knownModelWithoutTokensHasNoCost() {
    Cost cost = calculator.cost(call("openai", "gpt-4o", Usage.NONE), List.of());
    assertThat(cost).isSameAs(Cost.NONE);
    assertThat(cost.total()).isNull();
  }

  @Test
  void longContextTierAppliesAboveItsThreshold() {
    // claude-sonnet-4-5 above 200k input: $6 in, $0.60 cache read, $22.50 out
    Cost big = calculator.cost(
        call("anthropic", "claude-sonnet-4-5", usage(250_000L, 1_000L, 50_000L, null, null)), List.of());
    assertThat(big.input()).isCloseTo(200_000 * 6.0 / 1e6, within(EPS));
    assertThat(big.cacheRead()).isCloseTo(50_000 * 0.6 / 1e6, within(EPS));
    assertThat(big.output()).isCloseTo(1_000 * 22.5 / 1e6, within(EPS));
    assertThat(big.total()).isCloseTo(1.2525, within(EPS));

    Cost atThreshold = calculator.cost(
        call("anthropic", "claude-sonnet-4-5", usage(200_000L, 0L, null, null, null)), List.of());
    assertThat(atThreshold.total()).isCloseTo(0.6, within(EPS)); // not above 200k: base $3
  }

  @Test
  void embeddingsBillInputOnly() {
    LlmCall call = new LlmCall("embeddings", "openai", "text-embedding-3-small", null,
        usage(1_000L, 7L, null, null, null), null, null, null, false, null, null);
    Cost cost = calculator.cost(call, List.of());
    assertThat(cost.input()).isCloseTo(1_000 * 0.02 / 1e6, within(EPS));
    assertThat(cost.output()).isNull();
    assertThat(cost.total()).isCloseTo(0.00002, within(EPS));
  }

  @Test
  void inconsistentCountsAreFlooredNotNegative() {
    Cost cost = calculator.cost(call("openai", "gpt-4o", usage(100L, 10L, 300L, null, null)), List.of());
    assertThat(cost.input()).isZero();
    assertThat(cost.cacheRead()).isCloseTo(300 * 1.25 / 1e6, within(EPS));
    assertThat(cost.total()).isPositive();
  }

  static LlmCall call(String provider, String model, Usage usage) {
    return new LlmCall("chat", provider, model, null, usage, null, null, null, false, null, null);
  }

  static Usage usage(Long input, Long output, Long cacheRead, Long cacheWrite, Long reasoning) {
    return new Usage(input, output, cacheRead, cacheWrite, reasoning, false);
  }
}
