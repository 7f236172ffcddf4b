package dev.vigil.server.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.TestServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated LLM calls for drift and variant tests, sent through the native ingest API. Seeded, so every
 * run sees the same values: verdicts are deterministic, not merely likely.
 */
public final class WatchTraffic {
  private final List<String> items = new ArrayList<>();
  private final Random rnd;
  private int seq;

  public WatchTraffic(long seed) {
    rnd = new Random(seed);
  }

  /** One call: input tokens ~ N(inMean, inMean/5), latency ~ N(latencyMs, latencyMs/5), optional boolean score. */
  public WatchTraffic call(String feature, String promptVersion, Instant start, double inMean, double latencyMs,
      boolean error, String finish, Boolean correct) {
    long in = Math.max(1, Math.round(inMean + inMean / 5 * rnd.nextGaussian()));
    long out = Math.max(1, Math.round(200 + 40 * rnd.nextGaussian()));
    long ms = Math.max(1, Math.round(latencyMs + latencyMs / 5 * rnd.nextGaussian()));
    return raw(feature, promptVersion, start, in, out, ms, error, finish, correct);
  }

  /** One call with exact values. */
  public WatchTraffic raw(String feature, String promptVersion, Instant start, long in, long out, long ms,
      boolean error, String finish, Boolean correct) {
    String trace = "watch-" + seq++;
    items.add("""
        {"type": "span", "trace_id": "%s", "span_id": "llm", "model": "gpt-4o-mini", "provider": "openai",
         "feature": "%s", "prompt_version": "%s", "start_time": "%s", "end_time": "%s", "status": "%s",
         "finish_reason": "%s", "usage": {"input_tokens": %d, "output_tokens": %d}}"""
        .formatted(trace, feature, promptVersion, start, start.plusMillis(ms), error ? "error" : "ok", finish, in, out));
    if (correct != null) {
      items.add("""
          {"type": "score", "id": "%s-correct", "trace_id": "%s", "span_id": "llm", "name": "correct", "value": %s}"""
          .formatted(trace, trace, correct));
    }
    return this;
  }

  /** One call asking {@code question}, its topic named in metadata when {@code topic} is not null. */
  public WatchTraffic asked(String feature, Instant start, String question, String topic) {
    String meta = topic == null ? "" : "\"metadata\": {\"topic\": \"%s\"},".formatted(topic);
    items.add("""
        {"type": "span", "trace_id": "watch-%d", "span_id": "llm", "model": "gpt-4o-mini", "provider": "openai",
         "feature": "%s", "start_time": "%s", "end_time": "%s", %s
         "input_messages": [{"role": "user", "content": "%s"}], "output_messages": [{"role": "assistant", "content": "ok"}]}"""
        .formatted(seq++, feature, start, start.plusMillis(700), meta, question));
    return this;
  }

  public Random random() {
    return rnd;
  }

  /** Posts everything in batches and waits until it is queryable. */
  public void send(TestServer vigil, String key) {
    for (int i = 0; i < items.size(); i += 500) {
      String body = "{\"items\": [" + String.join(",", items.subList(i, Math.min(items.size(), i + 500))) + "]}";
      var r = vigil.post("/api/v1/ingest", key, "application/json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(207);
      assertThat(r.body()).doesNotContain("\"error\"");
    }
    items.clear();
    vigil.flush();
  }
}
