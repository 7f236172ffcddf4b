package dev.vigil.server.ingest.cost;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.vigil.model.Content;
import dev.vigil.model.LlmCall;
import dev.vigil.model.Message;
import dev.vigil.model.ToolCall;
import dev.vigil.model.Usage;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Counts tokens when a client sent none, with OpenAI's tiktoken encodings (offline, via jtokkit).
 * Input is every input message's text plus {@value #TOKENS_PER_MESSAGE} tokens of chat framing per
 * message (or the opaque input value when there are no messages); output is the output text. The
 * result is marked {@code estimated}.
 */
public final class TokenEstimator {
  static final int TOKENS_PER_MESSAGE = 3;
  private static final Pattern O_SERIES = Pattern.compile("o[134](-.*)?");

  public Usage estimate(LlmCall call, Content content) {
    Encoding encoding = encodingFor(call.model());
    Long input = null;
    if (!content.input().isEmpty()) {
      long n = 0;
      for (Message m : content.input()) n += count(encoding, text(m)) + TOKENS_PER_MESSAGE;
      input = n;
    } else if (content.inputValue() != null) {
      input = (long) count(encoding, content.inputValue());
    }
    Long output = content.output().isEmpty() && content.outputValue() == null
        ? null : (long) count(encoding, content.outputText());
    if (input == null && output == null) return Usage.NONE;
    return new Usage(input, output, null, null, null, true);
  }

  int count(String model, String text) {
    return count(encodingFor(model), text);
  }

  /** Tokens of {@code text} in {@code model}'s tokenizer (an approximation for non-OpenAI models). */
  public int countTokens(String model, String text) {
    return count(encodingFor(model), text);
  }

  /**
   * o200k_base for OpenAI's GPT-4o generation onwards, cl100k_base for GPT-4/3.5 and embeddings. Other
   * vendors' tokenizers are not public or not bundled, so Claude, Gemini, Llama, Mistral and unknown
   * models get cl100k_base as an approximation — usually within ~10–20% of the vendor's own count.
   */
  static EncodingType encodingTypeFor(String model) {
    if (model == null || model.isBlank()) return EncodingType.CL100K_BASE;
    String m = ModelNames.normalize(model).toLowerCase(Locale.ROOT);
    if (m.startsWith("ft:")) m = m.substring(3);
    boolean o200k = m.startsWith("gpt-4o") || m.startsWith("chatgpt-4o") || m.startsWith("gpt-4.1")
        || m.startsWith("gpt-4.5") || m.startsWith("gpt-5") || O_SERIES.matcher(m).matches();
    return o200k ? EncodingType.O200K_BASE : EncodingType.CL100K_BASE;
  }

  private static Encoding encodingFor(String model) {
    return encodingTypeFor(model) == EncodingType.O200K_BASE ? O200k.ENCODING : Cl100k.ENCODING;
  }

  private static int count(Encoding encoding, String text) {
    // "ordinary": a user typing "<|endoftext|>" is text, not a special token (and must not throw)
    return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
  }

  private static String text(Message m) {
    if (m.toolCalls().isEmpty()) return m.content();
    StringBuilder sb = new StringBuilder(m.content() == null ? "" : m.content());
    for (ToolCall call : m.toolCalls()) {
      if (!sb.isEmpty()) sb.append('\n');
      sb.append(call.name()).append('(').append(call.arguments() == null ? "" : call.arguments()).append(')');
    }
    return sb.toString();
  }

  // Building the registry and loading a vocabulary takes ~0.5 s: done once, on first use, and
  // thread-safely by the JVM's class initialization.
  private static final class Registry {
    static final EncodingRegistry INSTANCE = Encodings.newLazyEncodingRegistry();
  }

  private static final class Cl100k {
    static final Encoding ENCODING = Registry.INSTANCE.getEncoding(EncodingType.CL100K_BASE);
  }

  private static final class O200k {
    static final Encoding ENCODING = Registry.INSTANCE.getEncoding(EncodingType.O200K_BASE);
  }
}
