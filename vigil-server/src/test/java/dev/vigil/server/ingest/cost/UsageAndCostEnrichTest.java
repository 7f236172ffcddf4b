package dev.vigil.server.ingest.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.model.Content;
import dev.vigil.model.Cost;
import dev.vigil.model.CostSource;
import dev.vigil.model.LlmCall;
import dev.vigil.model.Message;
import dev.vigil.model.PiiMode;
import dev.vigil.model.PriceOverride;
import dev.vigil.model.ProjectSettings;
import dev.vigil.model.Span;
import dev.vigil.model.SpanType;
import dev.vigil.model.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageAndCostEnrichTest {
  private static final double EPS = 1e-12;
  private final UsageAndCost enricher = new UsageAndCost(PriceTable.loadDefault());

  @Test
  void spansWithoutAModelCallAreReturnedAsIs() {
    Span tool = span(SpanType.TOOL, null, new Content(null, null, null, "{\"q\":1}", "42"));
    assertThat(enricher.enrich(tool, ProjectSettings.DEFAULTS)).isSameAs(tool);
  }

  @Test
  void pricesReportedUsageAndIsIdempotent() {
    Span span = span(SpanType.LLM, call("gpt-4o", usage(1_000L, 500L)), Content.EMPTY);
    Span priced = enricher.enrich(span, ProjectSettings.DEFAULTS);
    assertThat(priced).isNotSameAs(span);
    assertThat(priced.llm().usage()).isEqualTo(span.llm().usage());
    assertThat(priced.llm().cost().source()).isEqualTo(CostSource.TABLE);
    assertThat(priced.llm().cost().total()).isCloseTo(0.0025 + 0.005, within(EPS));
    assertThat(enricher.enrich(priced, ProjectSettings.DEFAULTS)).isSameAs(priced);
  }

  @Test
  void estimatesMissingUsageFromContentThenPrices() {
    Content content = new Content(List.of(Message.of("user", "hello world")),
        List.of(Message.of("assistant", "hello world")), null, null, null);
    Span priced = enricher.enrich(span(SpanType.LLM, call("gpt-4o", null), content), null);
    Usage usage = priced.llm().usage();
    assertThat(usage.estimated()).isTrue();
    assertThat(usage.input()).isEqualTo(2 + 3);
    assertThat(usage.output()).isEqualTo(2);
    assertThat(priced.llm().cost().total()).isCloseTo(5 * 2.5 / 1e6 + 2 * 10 / 1e6, within(EPS));
  }

  @Test
  void noUsageAndNoContentLeavesTheSpanAlone() {
    Span span = span(SpanType.LLM, call("gpt-4o", null), Content.EMPTY);
    assertThat(enricher.enrich(span, ProjectSettings.DEFAULTS)).isSameAs(span);
    assertThat(span.llm().cost()).isSameAs(Cost.NONE);
  }

  @Test
  void unknownModelsAreMarkedUnpriced() {
    Span priced = enricher.enrich(span(SpanType.LLM, call("my-own-finetune", usage(10L, 10L)), Content.EMPTY), null);
    assertThat(priced.llm().cost()).isSameAs(Cost.UNPRICED);
  }

  @Test
  void appliesTheProjectsOverridesAndKeepsReportedCosts() {
    ProjectSettings settings = new ProjectSettings(30, PiiMode.MASK, List.of(),
        List.of(new PriceOverride("my-own-.*", null, 1.0, 2.0, null, null, null)), null);
    Span priced = enricher.enrich(span(SpanType.LLM, call("my-own-finetune", usage(1_000L, 1_000L)), Content.EMPTY),
        settings);
    assertThat(priced.llm().cost().source()).isEqualTo(CostSource.OVERRIDE);
    assertThat(priced.llm().cost().total()).isCloseTo(0.003, within(EPS));

    Cost reported = new Cost(null, null, null, null, null, 0.5, CostSource.REPORTED);
    Span span = span(SpanType.LLM, call("gpt-4o", usage(1L, 1L)).withCost(reported), Content.EMPTY);
    assertThat(enricher.enrich(span, settings)).isSameAs(span);
  }

  @Test
  void embeddingSpansBillInputOnly() {
    LlmCall call = new LlmCall(null, "openai", "text-embedding-3-large", null, usage(1_000L, 5L), null, null,
        null, false, null, null);
    Span priced = enricher.enrich(span(SpanType.EMBEDDING, call, Content.EMPTY), null);
    assertThat(priced.llm().cost().output()).isNull();
    assertThat(priced.llm().cost().total()).isCloseTo(1_000 * 0.13 / 1e6, within(EPS));
  }

  private static Span span(SpanType type, LlmCall call, Content content) {
    return Span.builder().traceId("0af7651916cd43dd8448eb211c80319c").spanId("b7ad6b7169203331")
        .startEpochNanos(1_700_000_000_000_000_000L).type(type).llm(call).content(content).build();
  }

  private static LlmCall call(String model, Usage usage) {
    return new LlmCall("chat", "openai", model, null, usage, null, null, null, false, null, null);
  }

  private static Usage usage(Long input, Long output) {
    return new Usage(input, output, null, null, null, false);
  }
}
