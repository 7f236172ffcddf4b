package dev.vigil.server.scoring.eval;

import dev.vigil.model.Content;
import dev.vigil.model.Cost;
import dev.vigil.model.CostSource;
import dev.vigil.model.LlmCall;
import dev.vigil.model.Message;
import dev.vigil.model.Span;
import dev.vigil.model.SpanType;
import dev.vigil.model.StatusCode;
import dev.vigil.model.Usage;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** LLM call spans and subjects for evaluator and sampling tests. */
public final class TestSubjects {
  public static final long T0 = 1_795_428_000_000_000_000L;
  private static final AtomicLong IDS = new AtomicLong(1);

  private TestSubjects() {}

  public static String id(int bytes) {
    long n = IDS.getAndIncrement();
    byte[] b = new byte[bytes];
    for (int i = 0; i < Math.min(8, bytes); i++) b[bytes - 1 - i] = (byte) (n >>> (8 * i));
    b[0] = 0x1f;
    return HexFormat.of().formatHex(b);
  }

  /** A chat call: system prompt, the user's question, the answer; 2 s, gpt-4o-mini, priced. */
  public static Span.Builder call(String question, String answer) {
    LlmCall llm = new LlmCall("chat", "openai", "gpt-4o-mini", "gpt-4o-mini", new Usage(120L, 40L, null, null, null, false),
        new Cost(0.0001, 0.0002, null, null, null, 0.0003, CostSource.TABLE), List.of("stop"), null, false, null, Map.of());
    return Span.builder().traceId(id(16)).spanId(id(8)).name("chat gpt-4o-mini").type(SpanType.LLM)
        .startEpochNanos(T0).endEpochNanos(T0 + 2_000_000_000L).status(StatusCode.OK).feature("support-chat")
        .serviceName("support-api").llm(llm)
        .content(new Content(List.of(Message.of("system", "You are helpful."), Message.of("user", question)),
            answer == null ? List.of() : List.of(Message.of("assistant", answer)), List.of(), null, null));
  }

  public static Subject subject(String question, String answer) {
    return Subject.ofCall(call(question, answer).build());
  }
}
