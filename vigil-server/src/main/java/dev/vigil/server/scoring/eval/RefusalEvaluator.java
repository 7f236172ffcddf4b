package dev.vigil.server.scoring.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code refusal}: a CATEGORICAL label for the answer — {@code refused} (a content-filter or refusal
 * finish reason, or a stock refusal in the opening of the answer), {@code hedged} ("I don't know",
 * "I'm not sure", no information to answer) or {@code answered}. Broader than the index's refusal
 * flag, which only looks at the very first words so it stays cheap for every span.
 */
final class RefusalEvaluator implements Evaluator {
  static final Set<String> KEYS = Set.of("name", "type", "refusals", "hedges", "detect_hedges");
  /** How far into the answer a refusal counts: later "I can't" is usually part of a real answer. */
  private static final int OPENING = 160;

  static final List<String> REFUSALS = List.of(
      "i'm sorry, but i can't", "i'm sorry, but i cannot", "i'm sorry, i can't", "i'm sorry, i cannot",
      "sorry, i can't", "sorry, but i can't", "i cannot help with", "i can't help with", "i can't assist with",
      "i cannot assist with", "i'm unable to help", "i am unable to help", "i'm not able to help",
      "i can't provide", "i cannot provide", "i won't be able to help", "i can't do that", "i cannot do that",
      "i must decline", "i have to decline", "i'm not allowed to", "i am not allowed to", "as an ai language model, i cannot",
      "i can't share", "i cannot share", "i can't comply", "i cannot comply");
  static final List<String> HEDGES = List.of(
      "i don't know", "i do not know", "i'm not sure", "i am not sure", "i'm not certain", "i am not certain",
      "i don't have enough information", "i do not have enough information", "i don't have information",
      "i do not have information", "i couldn't find", "i could not find", "i wasn't able to find",
      "i was unable to find", "no information about", "i don't have access to", "i do not have access to",
      "i'm unable to determine", "i am unable to determine", "it's unclear", "it is unclear");

  private final List<String> refusals;
  private final List<String> hedges;

  private RefusalEvaluator(List<String> refusals, List<String> hedges) {
    this.refusals = refusals;
    this.hedges = hedges;
  }

  static RefusalEvaluator from(Options o) {
    o.allowOnly("a refusal metric", KEYS);
    List<String> refusals = new ArrayList<>(REFUSALS);
    o.strings("refusals").forEach(p -> refusals.add(normalize(p)));
    List<String> hedges = new ArrayList<>();
    if (o.bool("detect_hedges", true)) hedges.addAll(HEDGES);
    o.strings("hedges").forEach(p -> hedges.add(normalize(p)));
    return new RefusalEvaluator(List.copyOf(refusals), List.copyOf(hedges));
  }

  @Override
  public String type() {
    return "refusal";
  }

  @Override
  public boolean cheap() {
    return true;
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public Outcome evaluate(Subject s) {
    for (String reason : s.finishReasons()) {
      if (reason.equals("content_filter") || reason.equals("refusal")) {
        return Outcome.category("refused", "the model stopped with finish reason '" + reason + "'");
      }
    }
    if (s.output().isBlank()) return Outcome.NOT_APPLICABLE;
    String text = normalize(s.output());
    String opening = text.length() > OPENING ? text.substring(0, OPENING) : text;
    for (String phrase : refusals) {
      if (opening.contains(phrase)) return Outcome.category("refused", "the answer opens with a refusal: \"" + phrase + "\"");
    }
    for (String phrase : hedges) {
      int at = text.indexOf(phrase);
      if (at >= 0) return Outcome.category("hedged", "the answer hedges: \"" + Texts.quote(s.output(), at, at + phrase.length()) + "\"");
    }
    return Outcome.category("answered", "no refusal or hedge found");
  }

  /** Lower case with typographic apostrophes made plain, so "I’m" matches "i'm". */
  static String normalize(String s) {
    return s.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
  }
}
