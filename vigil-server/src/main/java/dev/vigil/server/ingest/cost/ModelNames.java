package dev.vigil.server.ingest.cost;

import java.util.Locale;
import java.util.Set;

/** Model-name clean-up shared by price lookup and token estimation. */
final class ModelNames {

  /**
   * Routing prefixes that gateways and SDKs put before the vendor's own model id ("openai/gpt-4o",
   * LiteLLM's "bedrock/…", the Gemini API's "models/gemini-2.5-pro"). They never change the price.
   */
  private static final Set<String> PREFIXES = Set.of(
      "openai", "azure", "azure_ai", "anthropic", "google", "googleai", "gemini", "models", "vertex_ai",
      "vertexai", "bedrock", "openrouter", "mistral", "mistralai", "cohere", "groq", "together_ai");

  private ModelNames() {}

  /** Trimmed name without known routing prefixes (at most two: "openrouter/anthropic/…"). */
  static String normalize(String model) {
    String name = model.strip();
    for (int i = 0; i < 2; i++) {
      int slash = name.indexOf('/');
      if (slash <= 0 || !PREFIXES.contains(name.substring(0, slash).toLowerCase(Locale.ROOT))) break;
      name = name.substring(slash + 1);
    }
    return name;
  }
}
