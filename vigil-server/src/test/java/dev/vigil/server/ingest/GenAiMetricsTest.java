package dev.vigil.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Cost;
import dev.vigil.model.CostSource;
import dev.vigil.model.LlmCall;
import dev.vigil.model.Span;
import dev.vigil.model.SpanKind;
import dev.vigil.model.SpanType;
import dev.vigil.model.StatusCode;
import dev.vigil.model.Usage;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Prometheus scrapes after spans are stored. */
class GenAiMetricsTest {
  private static final long T0 = 1_795_341_600_000_000_000L;
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final GenAiMetrics metrics = new GenAiMetrics(registry);

  private static Span call(String feature, String model, long millis, StatusCode status) {
    LlmCall llm = new LlmCall("chat", "openai", model, model, new Usage(1200L, 300L, null, null, null, false),
        new Cost(0.003, 0.003, null, null, null, 0.006, CostSource.TABLE), List.of("stop"), null, false, null, Map.of());
    return Span.builder().traceId("0af7651916cd43dd8448eb211c80319c").spanId("b7ad6b7169203331").name("chat")
        .kind(SpanKind.CLIENT).type(SpanType.LLM).startEpochNanos(T0).endEpochNanos(T0 + millis * 1_000_000L)
        .status(status).errorType(status == StatusCode.ERROR ? "RateLimitError" : null).feature(feature).llm(llm).build();
  }

  @Test
  void genAiHistogramsUnderTheSemanticConventionNames() {
    metrics.record(1, List.of(call("support-chat", "gpt-4o", 700, StatusCode.OK),
        call("support-chat", "gpt-4o", 3000, StatusCode.ERROR)));

    String scrape = registry.scrape();
    assertThat(scrape)
        .contains("gen_ai_client_token_usage_bucket{feature=\"support-chat\",gen_ai_operation_name=\"chat\","
            + "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\",gen_ai_token_type=\"input\",project=\"1\",le=\"4096.0\"} 2")
        .contains("gen_ai_client_operation_duration_seconds_bucket{error_type=\"\",feature=\"support-chat\"")
        .contains("error_type=\"RateLimitError\"")
        .contains("le=\"1.28\"")
        .contains("vigil_llm_calls_total{feature=\"support-chat\",gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\","
            + "gen_ai_request_model=\"gpt-4o\",project=\"1\",status=\"error\"} 1.0")
        .contains("vigil_llm_cost_usd_total{feature=\"support-chat\",gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\","
            + "gen_ai_request_model=\"gpt-4o\",project=\"1\"} 0.012");
  }

  @Test
  void spansWithoutAnLlmCallAreNotCounted() {
    Span tool = Span.builder().traceId("0af7651916cd43dd8448eb211c80319c").spanId("b7ad6b7169203332").name("search")
        .kind(SpanKind.INTERNAL).type(SpanType.TOOL).startEpochNanos(T0).endEpochNanos(T0 + 1).status(StatusCode.OK).build();
    metrics.record(1, List.of(tool));
    assertThat(registry.scrape()).doesNotContain("gen_ai_client");
  }

  @Test
  void labelSetsAreCappedSoAClientCannotExplodeTheScrape() {
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < GenAiMetrics.MAX_SERIES + 50; i++) spans.add(call("feature-" + i, "m", 10, StatusCode.OK));
    metrics.record(1, spans);

    assertThat(registry.find("vigil.llm.calls").counters()).hasSize(GenAiMetrics.MAX_SERIES + 1);
    assertThat(registry.get("vigil.llm.calls").tag("feature", GenAiMetrics.OTHER).counter().count()).isEqualTo(50);
  }

  @Test
  void theShippedGrafanaDashboardQueriesMetricsThatExist() throws Exception {
    metrics.record(1, List.of(call("support-chat", "gpt-4o", 700, StatusCode.ERROR)));
    String scrape = registry.scrape();
    var queries = dev.vigil.server.GrafanaDashboards.queriedMetrics("vigil-genai.json");

    assertThat(queries).hasSizeGreaterThanOrEqualTo(6);
    queries.forEach((expr, names) -> {
      assertThat(names).as(expr).isNotEmpty().allMatch(n -> n.startsWith("gen_ai_") || n.startsWith("vigil_"));
      for (String name : names) assertThat(scrape).as(expr).contains(name + "{");
    });
  }
}
