package dev.vigil.server.ingest.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.api.EncodingType;
import dev.vigil.model.Content;
import dev.vigil.model.LlmCall;
import dev.vigil.model.Message;
import dev.vigil.model.ToolCall;
import dev.vigil.model.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected counts were checked against jtokkit 1.1.0's encodings directly. */
class TokenEstimatorTest {
  private static final String EMOJI = "Bonjour, le monde! 🌍"; // cl100k: 8 tokens, o200k: 7
  private final TokenEstimator estimator = new TokenEstimator();

  @Test
  void countsKnownStrings() {
    assertThat(estimator.count("gpt-4", "hello world")).isEqualTo(2);
    assertThat(estimator.count("gpt-4o", "hello world")).isEqualTo(2);
    assertThat(estimator.count("gpt-4", EMOJI)).isEqualTo(8);
    assertThat(estimator.count("gpt-4o", EMOJI)).isEqualTo(7);
    assertThat(estimator.count("claude-sonnet-4-20250514", EMOJI)).isEqualTo(8); // cl100k approximation
    assertThat(estimator.count("gpt-4o", "")).isZero();
    assertThat(estimator.count("gpt-4o", "<|endoftext|>")).isEqualTo(7); // plain text, no special token
  }

  @Test
  void picksTheEncodingByModelFamily() {
    for (String m : List.of("gpt-4o", "gpt-4o-mini", "openai/gpt-4o", "chatgpt-4o-latest", "gpt-4.1-nano",
        "gpt-5", "o1", "o1-mini", "o3-mini", "o4-mini-2025-04-16", "ft:gpt-4o-mini:acme::x1")) {
      assertThat(TokenEstimator.encodingTypeFor(m)).as(m).isEqualTo(EncodingType.O200K_BASE);
    }
    for (String m : List.of("gpt-4", "gpt-4-turbo", "gpt-3.5-turbo", "text-embedding-3-small",
        "claude-3-5-sonnet-20241022", "gemini-2.5-pro", "llama-3.1-70b", "omni-1", "o10")) {
      assertThat(TokenEstimator.encodingTypeFor(m)).as(m).isEqualTo(EncodingType.CL100K_BASE);
    }
    assertThat(TokenEstimator.encodingTypeFor(null)).isEqualTo(EncodingType.CL100K_BASE);
  }

  @Test
  void estimatesChatMessagesWithPerMessageOverhead() {
    Content content = new Content(
        List.of(Message.of("system", "You are a helpful assistant."),        // 6 tokens
            Message.of("user", "What is the capital of France?")),           // 7 tokens
        List.of(Message.of("assistant", "The capital of France is Paris.")), // 7 tokens
        null, null, null);
    Usage usage = estimator.estimate(call("gpt-4o"), content);
    assertThat(usage.input()).isEqualTo(6 + 3 + 7 + 3);
    assertThat(usage.output()).isEqualTo(7);
    assertThat(usage.estimated()).isTrue();
    assertThat(usage.cacheRead()).isNull();
    assertThat(usage.reasoning()).isNull();
  }

  @Test
  void countsToolCallsAndOpaqueValues() {
    Message toolCall = new Message("assistant", null, null,
        List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}")), null, null);
    Usage tools = estimator.estimate(call("gpt-4"), new Content(List.of(toolCall), null, null, null, null));
    assertThat(tools.input()).isEqualTo(7 + 3); // "get_weather({"city":"Paris"})"
    assertThat(tools.output()).isNull();

    Usage opaque = estimator.estimate(call("gpt-4"), new Content(null, null, null, "hello world", "hello world"));
    assertThat(opaque.input()).isEqualTo(2);
    assertThat(opaque.output()).isEqualTo(2);
    assertThat(opaque.estimated()).isTrue();

    assertThat(estimator.estimate(call("gpt-4"), Content.EMPTY)).isSameAs(Usage.NONE);
  }

  private static LlmCall call(String model) {
    return new LlmCall("chat", "openai", model, null, null, null, null, null, false, null, null);
  }
}
