package dev.vigil.server.demo;

/**
 * How one model behaves in the demo: the name a client asks for, the name the provider answers
 * with, and a log-normal time to first token plus a per-output-token time.
 */
record ModelProfile(
    String requestModel, String responseModel, double ttftMedianMillis, double ttftSigma, double millisPerToken) {

  static final ModelProfile GPT_4O = new ModelProfile("gpt-4o", "gpt-4o-2024-08-06", 450, 0.45, 14);
  static final ModelProfile GPT_4O_MINI =
      new ModelProfile("gpt-4o-mini", "gpt-4o-mini-2024-07-18", 300, 0.40, 7);
  static final ModelProfile CLAUDE_SONNET_4 =
      new ModelProfile("claude-sonnet-4-20250514", "claude-sonnet-4-20250514", 900, 0.40, 16);
  static final ModelProfile CLAUDE_HAIKU =
      new ModelProfile("claude-3-5-haiku-20241022", "claude-3-5-haiku-20241022", 500, 0.40, 9);
  static final ModelProfile GEMINI_FLASH =
      new ModelProfile("gemini-2.5-flash", "gemini-2.5-flash", 600, 0.50, 5);
  /** A self-hosted fine-tune behind an OpenAI-compatible endpoint: no public price, so "unpriced". */
  static final ModelProfile IN_HOUSE =
      new ModelProfile("acme-support-ft-v3", "acme-support-ft-v3", 350, 0.35, 10);
}
