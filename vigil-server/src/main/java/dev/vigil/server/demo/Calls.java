package dev.vigil.server.demo;

import java.util.List;

/**
 * Turns a scripted answer and an {@link Outcome} into an {@link Exchange} with plausible token
 * counts (about four characters a token) and latency (time to first token plus per-token time).
 */
final class Calls {
  static final String SORRY = "I'm sorry, I can't help with that.";

  private Calls() {}

  /** What a call is asked to do, before the outcome is applied. */
  record Request(ModelProfile model, String system, List<Msg> input, double temperature, int maxTokens) {}

  static Exchange answer(Dice dice, Request req, String answer, Outcome outcome) {
    int inTokens = inputTokens(dice, req);
    double ttft = dice.logNormal(req.model().ttftMedianMillis(), req.model().ttftSigma());
    String id = responseId(dice, req.model());
    return switch (outcome) {
      case ERROR -> failure(dice, req, inTokens);
      case REFUSAL -> {
        boolean filtered = dice.chance(0.4);
        String text = filtered ? "" : SORRY;
        int out = filtered ? 0 : tokens(dice, text);
        yield done(req, text, List.of(), filtered ? Exchange.Finish.CONTENT_FILTER : Exchange.Finish.STOP,
            inTokens, out, ttft, id);
      }
      case TRUNCATION -> {
        // A route with a too-small max_tokens: the answer stops mid-sentence at the limit.
        int cutAt = answer.lastIndexOf(' ', Math.max(8, (int) (answer.length() * dice.uniform(0.5, 0.8))));
        String cut = answer.substring(0, Math.max(8, cutAt));
        int limit = Math.max(8, tokens(dice, cut));
        Request small = new Request(req.model(), req.system(), req.input(), req.temperature(), limit);
        yield done(small, cut, List.of(), Exchange.Finish.LENGTH, inTokens, limit, ttft, id);
      }
      case OK -> done(req, answer, List.of(), Exchange.Finish.STOP, inTokens, tokens(dice, answer), ttft, id);
    };
  }

  /** The model asks for tools instead of answering (agent steps). */
  static Exchange toolCalls(Dice dice, Request req, List<Msg.ToolUse> calls) {
    int out = 0;
    for (Msg.ToolUse call : calls) out += 8 + tokens(dice, call.argumentsJson());
    double ttft = dice.logNormal(req.model().ttftMedianMillis(), req.model().ttftSigma());
    return done(req, "", calls, Exchange.Finish.TOOL_CALL,
        inputTokens(dice, req), out, ttft, responseId(dice, req.model()));
  }

  static Exchange failure(Dice dice, Request req, int inTokens) {
    String requestModel = req.model().requestModel();
    double u = dice.unit();
    String type;
    String message;
    double millis;
    if (u < 0.55) {
      type = "rate_limit_exceeded";
      message = "Rate limit reached for " + requestModel + " on tokens per min (TPM): Limit 450000, Used 449120, Requested "
          + inTokens + ". Please try again in 1.2s.";
      millis = dice.logNormal(180, 0.5);
    } else if (u < 0.85) {
      type = "timeout";
      message = "Request timed out.";
      millis = dice.uniform(30_000, 30_400);
    } else {
      type = "500";
      message = "The server had an error while processing your request. Sorry about that!";
      millis = dice.logNormal(900, 0.6);
    }
    return new Exchange(req.model(), req.system(), req.input(), null, List.of(), Exchange.Finish.ERROR,
        inTokens, 0, 0, 0, millis, millis, req.temperature(), req.maxTokens(), null, type, message);
  }

  /** Cache reads are visible when a conversation re-sends a long prefix. */
  static Exchange withCache(Exchange e, int cacheRead, int cacheWrite) {
    return new Exchange(e.model(), e.system(), e.input(), e.output(), e.toolCalls(), e.finish(),
        e.inputTokens(), e.outputTokens(), Math.min(cacheRead, e.inputTokens()), Math.min(cacheWrite, e.inputTokens()),
        e.ttftMillis(), e.millis(), e.temperature(), e.maxTokens(), e.responseId(), e.errorType(), e.errorMessage());
  }

  static int tokens(Dice dice, String text) {
    if (text == null || text.isEmpty()) return 0;
    return Math.max(1, (int) Math.round(text.length() / 4.0 * dice.uniform(0.9, 1.1)));
  }

  private static int inputTokens(Dice dice, Request req) {
    int tokens = req.system() == null ? 0 : tokens(dice, req.system()) + 4;
    for (Msg m : req.input()) {
      tokens += 4 + tokens(dice, m.text());
      for (Msg.ToolUse t : m.toolCalls()) tokens += 8 + tokens(dice, t.argumentsJson());
    }
    return tokens;
  }

  private static Exchange done(Request req, String text, List<Msg.ToolUse> calls,
      Exchange.Finish finish, int in, int out, double ttft, String id) {
    double millis = ttft + out * req.model().millisPerToken();
    return new Exchange(req.model(), req.system(), req.input(), text, calls, finish,
        in, out, 0, 0, ttft, millis, req.temperature(), req.maxTokens(), id, null, null);
  }

  private static String responseId(Dice dice, ModelProfile model) {
    String name = model.requestModel();
    if (name.startsWith("claude")) return "msg_01" + dice.alnum(22);
    if (name.startsWith("gemini")) return dice.alnum(22);
    return "chatcmpl-" + dice.alnum(29);
  }
}
