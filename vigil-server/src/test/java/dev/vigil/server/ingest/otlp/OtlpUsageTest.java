package dev.vigil.server.ingest.otlp;

import static dev.vigil.server.ingest.otlp.ProtoSpans.one;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Cost;
import dev.vigil.model.CostSource;
import dev.vigil.model.Usage;
import org.junit.jupiter.api.Test;

class OtlpUsageTest {
  private static Usage usage(Object... keyValues) {
    Object[] all = new Object[keyValues.length + 2];
    all[0] = "gen_ai.request.model";
    all[1] = "m";
    System.arraycopy(keyValues, 0, all, 2, keyValues.length);
    return one(all).llm().usage();
  }

  @Test
  void otelNewNames() {
    assertThat(usage("gen_ai.usage.input_tokens", 100L, "gen_ai.usage.output_tokens", 50L,
        "gen_ai.usage.cache_read.input_tokens", 60L, "gen_ai.usage.cache_creation.input_tokens", 10L,
        "gen_ai.usage.reasoning.output_tokens", 20L))
        .isEqualTo(new Usage(100L, 50L, 60L, 10L, 20L, false));
    assertThat(usage("gen_ai.usage.input_tokens", 100L, "gen_ai.usage.cache_write.input_tokens", 30L).cacheWrite())
        .isEqualTo(30L);
  }

  @Test
  void otelOldNamesAndOpenLlmetry() {
    assertThat(usage("gen_ai.usage.prompt_tokens", 25L, "gen_ai.usage.completion_tokens", 18L,
        "gen_ai.usage.cache_read_input_tokens", 5L, "gen_ai.usage.cache_creation_input_tokens", 7L,
        "gen_ai.usage.reasoning_tokens", 3L))
        .isEqualTo(new Usage(25L, 18L, 5L, 7L, 3L, false));
  }

  @Test
  void openInference() {
    assertThat(usage("llm.token_count.prompt", 412L, "llm.token_count.completion", 28L, "llm.token_count.total", 440L,
        "llm.token_count.prompt_details.cache_read", 256L, "llm.token_count.prompt_details.cache_write", 4L,
        "llm.token_count.completion_details.reasoning", 9L))
        .isEqualTo(new Usage(412L, 28L, 256L, 4L, 9L, false));
  }

  @Test
  void integersArriveAsDoublesOrStrings() {
    assertThat(usage("gen_ai.usage.input_tokens", 12.0, "gen_ai.usage.output_tokens", "7"))
        .isEqualTo(new Usage(12L, 7L, null, null, null, false));
    assertThat(usage("gen_ai.usage.input_tokens", " 12.0 ", "gen_ai.usage.output_tokens", "seven").output()).isNull();
  }

  @Test
  void totalFillsInTheMissingSide() {
    assertThat(usage("gen_ai.usage.prompt_tokens", 25L, "llm.usage.total_tokens", 43L).output()).isEqualTo(18L);
    assertThat(usage("gen_ai.usage.completion_tokens", 18L, "llm.token_count.total", 43L).input()).isEqualTo(25L);
    assertThat(usage("llm.usage.total_tokens", 43L)).isEqualTo(Usage.NONE);
  }

  @Test
  void inputReportedWithoutCacheIsMadeInclusive() {
    // Anthropic-style: 20 fresh input tokens next to 1500 written to and 300 read from the cache
    Usage u = usage("gen_ai.usage.input_tokens", 20L, "gen_ai.usage.cache_creation.input_tokens", 1500L,
        "gen_ai.usage.cache_read.input_tokens", 300L, "gen_ai.usage.output_tokens", 5L,
        "gen_ai.usage.reasoning.output_tokens", 40L);
    assertThat(u.input()).isEqualTo(1820L);
    assertThat(u.output()).isEqualTo(45L);
  }

  @Test
  void noUsageIsNone() {
    assertThat(usage()).isEqualTo(Usage.NONE);
  }

  @Test
  void costOnlyWhenReported() {
    assertThat(one("gen_ai.request.model", "m", "gen_ai.usage.input_tokens", 5L).llm().cost()).isEqualTo(Cost.NONE);
    Cost reported = one("openinference.span.kind", "LLM", "llm.cost.prompt", 0.5, "llm.cost.completion", 0.25,
        "llm.cost.prompt_details.cache_read", 0.1).llm().cost();
    assertThat(reported.source()).isEqualTo(CostSource.REPORTED);
    assertThat(reported.total()).isEqualTo(0.75);
    assertThat(reported.cacheRead()).isEqualTo(0.1);
    Cost langfuse = one("langfuse.observation.type", "generation",
        "langfuse.observation.cost_details", "{\"input\":0.001,\"output\":0.002,\"total\":0.003}").llm().cost();
    assertThat(langfuse).isEqualTo(new Cost(0.001, 0.002, null, null, null, 0.003, CostSource.REPORTED));
  }
}
