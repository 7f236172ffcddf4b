package dev.vigil.bench;

import dev.vigil.model.Content;
import dev.vigil.model.Cost;
import dev.vigil.model.CostSource;
import dev.vigil.model.LlmCall;
import dev.vigil.model.Message;
import dev.vigil.model.Span;
import dev.vigil.model.SpanKind;
import dev.vigil.model.SpanType;
import dev.vigil.model.StatusCode;
import dev.vigil.model.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Normalized spans for loading a store quickly (query benchmarks): traces of a root and 1–3 LLM calls
 * spread evenly over a time range, with the dimensions dashboards group by (8 features, 6 models of
 * 3 providers, 20k users, sessions, two prompt versions, ~3 % errors) and short content, which
 * dashboard queries never read.
 */
final class SyntheticSpans {
  private static final String[] FEATURES = {"support-chat", "summarize", "search-answer", "classify",
      "codegen", "translate", "extract", "incident-agent"};
  private static final String[] MODELS = {"gpt-4o", "gpt-4o-mini", "claude-sonnet-4", "claude-3-5-haiku",
      "gemini-2.5-flash", "gemini-2.5-pro"};
  private static final String[] PROVIDERS = {"openai", "openai", "anthropic", "anthropic", "gcp.gemini", "gcp.gemini"};
  private static final double[] IN_PRICE = {2.5e-6, 0.15e-6, 3e-6, 0.8e-6, 0.3e-6, 1.25e-6};
  private static final double[] OUT_PRICE = {10e-6, 0.6e-6, 15e-6, 4e-6, 2.5e-6, 10e-6};

  private final SplittableRandom random;
  private final long fromNanos;
  private final long toNanos;

  SyntheticSpans(long seed, long fromNanos, long toNanos) {
    this.random = new SplittableRandom(seed);
    this.fromNanos = fromNanos;
    this.toNanos = toNanos;
  }

  /** About {@code size} spans, whole traces only, starting anywhere in the generator's range. */
  List<Span> batch(int size) {
    return batch(size, fromNanos, toNanos);
  }

  /**
   * About {@code size} spans whose traces start in [{@code from}, {@code to}): a loader that walks
   * the range in order stores spans roughly in time order, as live traffic arrives.
   */
  List<Span> batch(int size, long from, long to) {
    List<Span> out = new ArrayList<>(size + 4);
    while (out.size() < size) trace(out, random.nextLong(from, to));
    return out;
  }

  private void trace(List<Span> out, long start) {
    String traceId = hex(16);
    String rootId = hex(8);
    int f = random.nextInt(FEATURES.length);
    String user = "user-" + random.nextInt(20_000);
    String session = "s-" + user + "-" + random.nextInt(20);
    String version = random.nextDouble() < 0.5 ? "v1" : "v2";
    boolean failed = random.nextDouble() < 0.03;
    int calls = 1 + random.nextInt(3);
    long at = start + 1_000_000;
    for (int i = 0; i < calls; i++) {
      int m = random.nextInt(MODELS.length);
      long duration = (long) (500e6 * Math.exp(0.7 * random.nextGaussian())) + 50_000_000L;
      long in = 200 + random.nextInt(3000);
      long outTokens = 20 + random.nextInt(600);
      boolean error = failed && i == calls - 1;
      String finish = error ? null : random.nextDouble() < 0.04 ? "length" : random.nextDouble() < 0.01 ? "content_filter" : "stop";
      LlmCall llm = new LlmCall("chat", PROVIDERS[m], MODELS[m], MODELS[m], new Usage(in, outTokens, null, null, null, false),
          new Cost(in * IN_PRICE[m], outTokens * OUT_PRICE[m], null, null, null, in * IN_PRICE[m] + outTokens * OUT_PRICE[m],
              CostSource.TABLE), finish == null ? List.of() : List.of(finish), duration / 3, random.nextBoolean(), null, Map.of());
      out.add(Span.builder().traceId(traceId).spanId(hex(8)).parentSpanId(rootId).name("chat " + MODELS[m])
          .kind(SpanKind.CLIENT).type(SpanType.LLM).startEpochNanos(at).endEpochNanos(at + duration)
          .status(error ? StatusCode.ERROR : StatusCode.OK).errorType(error ? "rate_limit_exceeded" : null)
          .serviceName(FEATURES[f] + "-svc").feature(FEATURES[f]).userId(user).sessionId(session)
          .promptName(FEATURES[f]).promptVersion(version).environment("production").llm(llm)
          .content(new Content(List.of(Message.of("user", "question " + random.nextInt(1000))),
              List.of(Message.of("assistant", "answer " + random.nextInt(1000))), List.of(), null, null))
          .build());
      at += duration + 1_000_000;
    }
    out.add(Span.builder().traceId(traceId).spanId(rootId).name("POST /" + FEATURES[f]).kind(SpanKind.SERVER)
        .type(SpanType.CHAIN).startEpochNanos(start).endEpochNanos(at + 2_000_000)
        .status(failed ? StatusCode.ERROR : StatusCode.OK).serviceName(FEATURES[f] + "-svc").feature(FEATURES[f])
        .userId(user).sessionId(session).promptVersion(version).environment("production").build());
  }

  private String hex(int bytes) {
    StringBuilder sb = new StringBuilder(bytes * 2);
    for (int i = 0; i < bytes; i++) {
      int b = random.nextInt(i == 0 ? 1 : 0, 256);
      sb.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 15, 16));
    }
    return sb.toString();
  }
}
