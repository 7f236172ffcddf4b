package dev.vigil.storage.duckdb;

import dev.vigil.model.LlmCall;
import dev.vigil.model.Message;
import dev.vigil.model.Span;
import java.util.List;
import java.util.Locale;

/**
 * The refusal flag of the index: a content-filter or refusal finish reason, or an answer that opens
 * with a stock refusal. Deliberately narrow (a cheap, precise signal for window metrics); the
 * scoring pipeline's refusal evaluator is the thorough one.
 */
final class Refusals {
  private static final List<String> OPENINGS = List.of(
      "i'm sorry, but i can't", "i'm sorry, but i cannot", "i'm sorry, i can't", "i’m sorry, but i can’t",
      "i'm sorry, i cannot", "sorry, i can't help", "sorry, but i can't", "i cannot help with",
      "i can't help with", "i can't assist with", "i cannot assist with", "i'm unable to help with",
      "i am unable to help with", "i can't provide", "i cannot provide", "i won't be able to help");

  private Refusals() {}

  static boolean isRefusal(Span s) {
    LlmCall llm = s.llm();
    if (llm == null) return false;
    for (String reason : llm.finishReasons()) {
      if ("content_filter".equals(reason) || "refusal".equals(reason)) return true;
    }
    List<Message> output = s.content().output();
    String text = output.isEmpty() ? s.content().outputValue() : output.get(0).content();
    if (text == null) return false;
    String head = text.length() > 80 ? text.substring(0, 80) : text;
    head = head.strip().toLowerCase(Locale.ROOT);
    for (String opening : OPENINGS) if (head.startsWith(opening)) return true;
    return false;
  }
}
