package dev.vigil.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Realistic LLM traces for the ingest benchmark: an HTTP request span with 1–3 chat spans (mean
 * 1.7), each carrying 23 gen_ai.* keys, ~0.65 KB of prompt (system instructions and three input
 * messages) and a ~0.25 KB completion, as JSON strings in the OTel "parts" shape. That is ~1.35 KB
 * of OTLP per span on average, the size the Zipkin baseline in measured.md was taken with; a 1 KB
 * prompt on top of 23 keys would push the average past 1.6 KB. The report prints bytesPerSpan.
 */
final class SpanFactory {
  private static final String[] WORDS = ("account billing invoice refund plan seat workspace export csv report"
      + " dashboard latency error timeout retry webhook token key rotate admin member invite role permission"
      + " project release deploy rollback alert metric trace span model prompt answer customer ticket order"
      + " shipping delivery password login sso saml okta audit retention storage region upgrade downgrade"
      + " monthly annual discount trial limit quota request response integration slack jira github api").split(" ");
  private static final String[] MODELS = {"gpt-4o", "gpt-4o-mini", "claude-sonnet-4-20250514", "gemini-2.5-flash"};
  private static final String[] PROVIDERS = {"openai", "openai", "anthropic", "gcp.gemini"};
  private static final String[] SERVICES = {"support-api", "search-api", "docs-worker", "ops-agent"};

  private final SplittableRandom random;
  private final Set<Long> usedIds = new HashSet<>();

  SpanFactory(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** Exactly {@code size} spans in whole traces (the last trace may be shortened), ending before {@code nowNanos}. */
  List<BenchSpan> batch(int size, long nowNanos) {
    usedIds.clear();
    List<BenchSpan> spans = new ArrayList<>(size);
    while (spans.size() < size) {
      double u = random.nextDouble();
      int llmCalls = Math.min(u < 0.5 ? 1 : u < 0.8 ? 2 : 3, size - spans.size() - 1);
      trace(spans, llmCalls, nowNanos - random.nextLong(1_000_000_000L, 60_000_000_000L));
    }
    return spans;
  }

  private void trace(List<BenchSpan> out, int llmCalls, long start) {
    byte[] traceId = id(16);
    byte[] rootId = id(8);
    int s = random.nextInt(SERVICES.length);
    String user = "user_" + Integer.toHexString(random.nextInt(1, 5000));
    String session = "sess_" + Long.toHexString(random.nextLong() >>> 4);
    boolean failed = random.nextDouble() < 0.03;
    long at = start + 2_000_000;
    List<BenchSpan> children = new ArrayList<>();
    for (int i = 0; i < llmCalls; i++) {
      int m = random.nextInt(MODELS.length);
      long duration = (long) (400e6 * Math.exp(0.6 * random.nextGaussian())) + 200_000_000L;
      boolean last = i == llmCalls - 1;
      String error = failed && last ? "rate_limit_exceeded" : null;
      children.add(new BenchSpan(traceId, id(8), rootId, "chat " + MODELS[m], BenchSpan.Kind.CLIENT, at,
          at + duration, SERVICES[s], llmAttributes(m, session, error != null), error));
      at += duration + 1_000_000;
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("http.request.method", "POST");
    root.put("http.route", "/v1/chat");
    root.put("url.path", "/v1/chat");
    root.put("http.response.status_code", failed ? 503 : 200);
    root.put("server.address", SERVICES[s] + ".internal");
    root.put("client.address", "10.0." + random.nextInt(256) + "." + random.nextInt(256));
    root.put("user_agent.original", "acme-web/5.2.1 (Macintosh; Intel Mac OS X 14_5)");
    root.put("user.id", user);
    root.put("session.id", session);
    root.put("vigil.feature", SERVICES[s].replace("-api", "").replace("-worker", ""));
    out.add(new BenchSpan(traceId, rootId, null, "POST /v1/chat", BenchSpan.Kind.SERVER, start, at + 3_000_000,
        SERVICES[s], root, failed ? "rate_limit_exceeded" : null));
    out.addAll(children);
  }

  private Map<String, Object> llmAttributes(int m, String session, boolean failed) {
    Map<String, Object> a = new LinkedHashMap<>();
    int in = random.nextInt(250, 1200);
    int outTokens = random.nextInt(40, 200);
    a.put("gen_ai.operation.name", "chat");
    a.put("gen_ai.provider.name", PROVIDERS[m]);
    a.put("gen_ai.request.model", MODELS[m]);
    a.put("gen_ai.request.temperature", 0.2);
    a.put("gen_ai.request.max_tokens", 1024L);
    a.put("gen_ai.request.top_p", 0.95);
    a.put("gen_ai.request.seed", 42L);
    a.put("gen_ai.request.stream", true);
    a.put("gen_ai.output.type", "text");
    a.put("gen_ai.conversation.id", session);
    a.put("gen_ai.agent.name", "support-bot");
    a.put("gen_ai.prompt.name", "support-answer");
    a.put("gen_ai.prompt.version", random.nextBoolean() ? "v1" : "v2");
    a.put("gen_ai.system_instructions", "[{\"type\":\"text\",\"content\":\"" + sentence(12) + "\"}]");
    a.put("gen_ai.input.messages", "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"" + sentence(26)
        + "\"}]},{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"" + sentence(14)
        + "\"}]},{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"" + sentence(10) + "\"}]}]");
    a.put("gen_ai.response.model", MODELS[m] + (m < 2 ? "-2024-08-06" : ""));
    a.put("gen_ai.response.id", "chatcmpl-" + Long.toString(random.nextLong() >>> 1, 36) + Long.toString(random.nextLong() >>> 1, 36));
    a.put("gen_ai.response.finish_reasons", List.of(failed ? "error" : "stop"));
    a.put("gen_ai.response.time_to_first_chunk", Math.round(random.nextDouble(0.15, 1.2) * 1000) / 1000.0);
    a.put("gen_ai.usage.input_tokens", (long) in);
    a.put("gen_ai.usage.output_tokens", (long) outTokens);
    a.put("gen_ai.usage.cache_read.input_tokens", (long) (in / 128 * 64));
    a.put("gen_ai.output.messages", "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\""
        + sentence(26) + "\"}],\"finish_reason\":\"stop\"}]");
    a.put("server.address", "api." + PROVIDERS[m].replace("gcp.", "") + ".com");
    a.put("server.port", 443L);
    if (failed) a.put("error.type", "rate_limit_exceeded");
    return a;
  }

  private String sentence(int words) {
    StringBuilder sb = new StringBuilder(words * 8);
    for (int i = 0; i < words; i++) {
      if (i > 0) sb.append(i % 12 == 0 ? ". " : " ");
      sb.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return sb.append('.').toString();
  }

  /** Random, non-zero, and unique within the batch in its low bytes (the part no send overwrites). */
  private byte[] id(int length) {
    byte[] id = new byte[length];
    long low;
    do {
      low = length == 16 ? random.nextLong() : random.nextInt() & 0xffffffffL;
    } while (low == 0 || !usedIds.add(low));
    for (int i = 0; i < length / 2; i++) id[i] = (byte) random.nextInt(256);
    for (int i = length / 2; i < length; i++) id[i] = (byte) (low >>> (8 * (length - 1 - i)));
    return id;
  }
}
