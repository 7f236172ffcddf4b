package dev.vigil.server.scoring.judge;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;
import dev.vigil.server.scoring.eval.RetryLaterException;

/**
 * One configured judge behind LangChain4j's OpenAI client, at temperature 0.
 *
 * <p>Retries: LangChain4j's own are off ({@code maxRetries(0)}). A 429, a 5xx, a timeout or an
 * unreachable endpoint becomes a {@link RetryLaterException} (with the provider's Retry-After) and
 * the scoring pipeline retries it with its durable, exponential backoff and finally dead-letters it.
 * Retrying here instead would keep one of the few scoring workers asleep while other evaluations
 * wait, would be lost on a restart, and would hide the failures the dead letters show.
 */
final class JudgeClient {
  private final JudgeSettings settings;
  private final OpenAiChatModel model;

  /** One call's reply text and what it cost; tokens are 0 when the endpoint reports no usage. */
  record Reply(String text, long inputTokens, long outputTokens, double costUsd) {}

  JudgeClient(JudgeSettings settings) {
    this.settings = settings;
    this.model = OpenAiChatModel.builder()
        .httpClientBuilder(new JudgeHttpClient.Builder())
        .baseUrl(settings.baseUrl())
        .apiKey(settings.apiKey() == null ? "none" : settings.apiKey()) // local servers ignore it
        .modelName(settings.model())
        .temperature(0.0)
        .maxTokens(settings.maxOutputTokens())
        .timeout(settings.timeout())
        .maxRetries(0)
        .logRequests(false)
        .logResponses(false)
        .build();
  }

  JudgeSettings settings() {
    return settings;
  }

  Reply ask(String system, String user) throws Exception {
    ChatResponse response;
    try {
      response = model.chat(ChatRequest.builder().messages(SystemMessage.from(system), UserMessage.from(user)).build());
    } catch (RuntimeException e) {
      throw translate(e);
    }
    TokenUsage usage = response.tokenUsage();
    long in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
    long out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
    String text = response.aiMessage() == null ? null : response.aiMessage().text();
    return new Reply(text == null ? "" : text, in, out, settings.cost(in, out));
  }

  /** A failure with a message that names the judge and says what to do, retriable when it is. */
  private Exception translate(RuntimeException e) {
    String who = "judge '" + settings.name() + "' (" + settings.model() + ")";
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ProviderHttpException h) {
        int status = h.statusCode();
        if (status == 429 || status >= 500) {
          return new RetryLaterException(who + " answered " + h.getMessage() + "; retried later"
              + (h.retryAfter() == null ? "" : " (Retry-After " + h.retryAfter().toSeconds() + " s)"), h.retryAfter(), e);
        }
        String hint = status == 401 || status == 403 ? " (check the API key the judge's api_key_env names)"
            : status == 404 ? " (check the judge's base_url and model)" : "";
        return new JudgeException(who + " refused the request: " + h.getMessage() + hint, e);
      }
      if (t instanceof dev.langchain4j.exception.TimeoutException || t instanceof java.net.http.HttpTimeoutException) {
        return new RetryLaterException(who + " timed out: no answer within " + settings.timeout().toMillis() + " ms", null, e);
      }
      if (t instanceof JudgeHttpClient.UncheckedIOException io) {
        return new RetryLaterException(who + " is unreachable at " + settings.baseUrl() + ": " + io.getMessage(), null, e);
      }
    }
    return new JudgeException(who + " failed: " + e, e);
  }
}
