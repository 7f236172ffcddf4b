package dev.vigil.bench.jmh;

import dev.vigil.model.Cost;
import dev.vigil.model.LlmCall;
import dev.vigil.model.PriceOverride;
import dev.vigil.model.Usage;
import dev.vigil.server.ingest.cost.CostCalculator;
import dev.vigil.server.ingest.cost.ModelPrice;
import dev.vigil.server.ingest.cost.PriceTable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pricing runs once per LLM call on the ingest path. Measures the steady state: a price lookup and a
 * full cost computation for a model whose lookup is already memoized.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CostBenchmark {
  private PriceTable table;
  private CostCalculator calculator;
  private LlmCall call;
  private final List<PriceOverride> overrides = List.of();

  @Setup
  public void setUp() {
    table = PriceTable.loadDefault();
    calculator = new CostCalculator(table);
    call = new LlmCall("chat", "openai", "gpt-4o", "gpt-4o-2024-08-06",
        new Usage(1_200L, 350L, 1_024L, null, null, false), null, null, null, false, null, null);
    calculator.cost(call, overrides); // warm the memo
  }

  @Benchmark
  public Optional<ModelPrice> lookup() {
    return table.find("openai", "gpt-4o-2024-08-06");
  }

  @Benchmark
  public Cost lookupAndCost() {
    return calculator.cost(call, overrides);
  }
}
