package dev.vigil.server.ingest.otlp;

import java.util.Locale;
import java.util.Map;

/**
 * Provider names normalized to OTel's well-known lower-case values. Old semconv names, OpenLLMetry's
 * capitalised vendor names and OpenInference's hosting names all map here; unknown names are kept,
 * lower-cased.
 */
final class Providers {
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("vertex_ai", "gcp.vertex_ai"),
      Map.entry("vertexai", "gcp.vertex_ai"),
      Map.entry("vertex", "gcp.vertex_ai"),
      Map.entry("gemini", "gcp.gemini"),
      Map.entry("google", "gcp.gen_ai"),
      Map.entry("google_genai", "gcp.gen_ai"),
      Map.entry("az.ai.inference", "azure.ai.inference"),
      Map.entry("az.ai.openai", "azure.ai.openai"),
      Map.entry("azure", "azure.ai.openai"),
      Map.entry("azure_openai", "azure.ai.openai"),
      Map.entry("xai", "x_ai"),
      Map.entry("mistralai", "mistral_ai"),
      Map.entry("mistral", "mistral_ai"),
      Map.entry("aws", "aws.bedrock"),
      Map.entry("bedrock", "aws.bedrock"),
      Map.entry("aws_bedrock", "aws.bedrock"),
      Map.entry("watsonx", "ibm.watsonx.ai"),
      Map.entry("moonshot", "moonshot_ai"));

  private static final String[] KEYS = {"gen_ai.provider.name", "gen_ai.system", "llm.provider", "llm.system"};

  private Providers() {}

  /** gen_ai.provider.name, then the deprecated gen_ai.system, then OpenInference hosting and system. */
  static String of(SpanAttributes a) {
    return normalize(a.text(KEYS));
  }

  static String normalize(String raw) {
    if (raw == null || raw.isBlank()) return null;
    String lower = raw.trim().toLowerCase(Locale.ROOT);
    return ALIASES.getOrDefault(lower, lower);
  }
}
