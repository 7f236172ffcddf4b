package dev.vigil.bench.jmh;

import dev.vigil.model.Content;
import dev.vigil.model.Message;
import dev.vigil.model.PiiMode;
import dev.vigil.model.Span;
import dev.vigil.model.SpanType;
import dev.vigil.server.ingest.pii.PiiMasker;
import dev.vigil.server.ingest.pii.SpanMasker;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * PII masking throughput on ~1 KB of LLM prompt/answer text. The text benchmarks mask exactly
 * {@link #SIZE} ASCII chars per call and declare that many operations, so their score in ops/us
 * reads directly as MB/s. The span benchmarks report whole spans per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
public class PiiMaskerBenchmark {
  static final int SIZE = 1024;

  private static final String CLEAN = """
      You are a helpful support assistant for Acme Cloud. Answer using the context below.

      Context:
      - Plan: Pro (billed monthly), 3 seats, renewal on 2024-07-01.
      - Last invoice #INV-20240601 total $149.00 (tax 8.25%).
      - Region: eu-west-1, cluster v1.27.3, 12 nodes, uptime 99.95%.

      User: My deploy failed at 10:42:17 with error code 502 after upgrading to 2.14.0. The logs say \
      `connection reset by peer` on port 8443. What should I check?

      Assistant: Sorry about that! A 502 right after upgrading to 2.14.0 usually means the ingress can't \
      reach your pods. Here's what to check:
      1. Run `kubectl get pods -n prod` and confirm all 12 replicas are Ready.
      2. Check the readiness probe: {"path": "/healthz", "port": 8443, "timeoutSeconds": 5}.
      3. Compare resource limits: requests 500m CPU / 512Mi vs. limits 2 CPU / 4Gi.
      4. If you use TLS passthrough, make sure the certificate chain was renewed (it expires in 30 days).
      Let me know what you find and I'll help with next steps. Thanks for your patience while we look into it.
      """;

  private static final String PII = """
      User: Hi, I'm Jane Doe (jane.doe@example.com, +1 415-555-2671). My card 4111 1111 1111 1111 was \
      charged twice on 2024-06-01. My SSN is 123-45-6789 if you need it for the refund, and my IBAN is \
      DE89 3704 0044 0532 0130 00. I logged in from 203.0.113.42 and 2001:db8::7 this morning.
      Here is my config, in case it helps: OPENAI_API_KEY=sk-proj-Ab3dEf5hIj7kLm9nOp1qRs3tUv5wXy7z \
      and password: hunter2

      Assistant: Thanks, Jane. I can see the duplicate charge of $49.00 on the card ending in 1111. I've \
      opened refund ticket #58213; it usually settles in 5-7 business days. For your security, please \
      rotate the API key you pasted and change your password: never share them in chat. I'll email a \
      confirmation to jane.doe@example.com and our billing team may call you at (415) 555-2671.
      """;

  private PiiMasker mask;
  private PiiMasker hash;
  private final SpanMasker spans = new SpanMasker();
  private String cleanText;
  private String piiText;
  private Span cleanSpan;
  private Span piiSpan;

  @Setup
  public void setup() {
    mask = new PiiMasker(PiiMode.MASK, List.of(), "US", null);
    hash = new PiiMasker(PiiMode.HASH, List.of(), "US", "bench-key".getBytes(StandardCharsets.UTF_8));
    cleanText = fit(CLEAN);
    piiText = fit(PII);
    if (mask.mask(cleanText).counts().size() != 0) throw new IllegalStateException("clean text has PII");
    if (mask.mask(piiText).counts().size() < 7) throw new IllegalStateException("PII text lost its PII");
    cleanSpan = span(cleanText);
    piiSpan = span(piiText);
  }

  /** Exactly SIZE chars: cut, or padded with the clean text. */
  private static String fit(String s) {
    StringBuilder sb = new StringBuilder(s);
    while (sb.length() < SIZE) sb.append(CLEAN);
    return sb.substring(0, SIZE);
  }

  private static Span span(String text) {
    int cut = text.indexOf("\n\n");
    return Span.builder().traceId("4bf92f3577b34da6a3ce929d0e0e4736").spanId("00f067aa0ba902b7")
        .name("chat gpt-4o").type(SpanType.LLM).startEpochNanos(1_700_000_000_000_000_000L)
        .serviceName("support-bot").userId("user-4242").sessionId("sess-9f8e7d")
        .content(new Content(List.of(Message.of("user", text.substring(0, cut))),
            List.of(Message.of("assistant", text.substring(cut + 2))), List.of(), null, null))
        .attributes(Map.of("gen_ai.request.model", "gpt-4o", "gen_ai.usage.input_tokens", 312L,
            "http.route", "/v1/chat/completions"))
        .build();
  }

  @Benchmark
  @OperationsPerInvocation(SIZE)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Object cleanTextMask() {
    return mask.mask(cleanText);
  }

  @Benchmark
  @OperationsPerInvocation(SIZE)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Object piiTextMask() {
    return mask.mask(piiText);
  }

  @Benchmark
  @OperationsPerInvocation(SIZE)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Object piiTextHash() {
    return hash.mask(piiText);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Object cleanSpan() {
    return spans.mask(cleanSpan, mask);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Object piiSpan() {
    return spans.mask(piiSpan, mask);
  }
}
