package dev.vigil.server.scoring.judge;

import java.time.Duration;

/**
 * One LLM judge as configured under {@code scoring.judges.<name>}: an OpenAI-compatible
 * chat-completions endpoint ({@code baseUrl} up to and including {@code /v1}), the model, the API key
 * (read from the environment variable the config names; null for local servers that need none), its
 * USD prices per million input and output tokens, how long one call may take, and the most tokens
 * the judge may write.
 */
public record JudgeSettings(
    String name,
    String baseUrl,
    String model,
    String apiKey,
    double inputUsdPerMTok,
    double outputUsdPerMTok,
    Duration timeout,
    int maxOutputTokens) {

  public JudgeSettings {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("a judge needs a name");
    if (baseUrl == null || baseUrl.isBlank()) throw new IllegalArgumentException("judge '" + name + "' needs a base_url");
    if (model == null || model.isBlank()) throw new IllegalArgumentException("judge '" + name + "' needs a model");
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("judge '" + name + "' needs a positive timeout");
    }
  }

  /** What a call with these token counts costs in USD. */
  public double cost(long inputTokens, long outputTokens) {
    return inputTokens * inputUsdPerMTok / 1e6 + outputTokens * outputUsdPerMTok / 1e6;
  }

  @Override
  public String toString() { // never print the API key
    return "JudgeSettings[name=" + name + ", baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
        + (apiKey == null ? "none" : "(hidden)") + ", timeout=" + timeout + "]";
  }
}
