package dev.vigil.server.scoring.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code policy}: passes when none of the denied terms (whole words, any case) and none of the denied
 * regexes occur in the output (or input, or both). The explanation quotes the first match of each.
 */
final class PolicyEvaluator implements Evaluator {
  static final Set<String> KEYS = Set.of("name", "type", "deny", "deny_patterns", "check");

  private final List<String> terms;
  private final List<Pattern> patterns;
  private final Texts check;
  /** Each term folded ({@link CaseFold}), or null when the regex must always run. */
  private final String[] folded;

  private PolicyEvaluator(List<String> terms, List<Pattern> patterns, Texts check) {
    this.terms = terms;
    this.patterns = patterns;
    this.check = check;
    this.folded = terms.stream().map(t -> CaseFold.foldable(t) ? CaseFold.fold(t) : null).toArray(String[]::new);
  }

  static PolicyEvaluator from(Options o) {
    o.allowOnly("a policy metric", KEYS);
    List<String> terms = o.strings("deny");
    List<Pattern> patterns = new ArrayList<>();
    for (String t : terms) {
      patterns.add(Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(t) + "(?![\\p{L}\\p{N}])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }
    patterns.addAll(o.patterns("deny_patterns", 0));
    if (terms.isEmpty() && !o.has("deny_patterns")) o.problem(null, "a policy metric needs 'deny' terms or 'deny_patterns'");
    return new PolicyEvaluator(terms, patterns, Texts.from(o, "output"));
  }

  @Override
  public String type() {
    return "policy";
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
    List<String[]> texts = check.of(s);
    if (texts.isEmpty()) return Outcome.NOT_APPLICABLE;
    List<String> found = new ArrayList<>();
    for (String[] side : texts) {
      String foldedText = folded.length == 0 ? null : CaseFold.fold(side[1]);
      for (int i = 0; i < patterns.size(); i++) {
        if (i < folded.length && folded[i] != null && !foldedText.contains(folded[i])) continue; // cannot match
        Matcher m = patterns.get(i).matcher(new InterruptibleText(side[1]));
        if (m.find()) {
          String rule = i < terms.size() ? "denied term '" + terms.get(i) + "'" : "pattern /" + patterns.get(i).pattern() + "/";
          found.add(side[0] + " matches " + rule + ": \"" + Texts.quote(side[1], m.start(), m.end()) + "\"");
        }
      }
    }
    return found.isEmpty() ? Outcome.pass("no denied term or pattern in the " + String.join(" or ", texts.stream().map(t -> t[0]).toList()))
        : Outcome.fail(String.join("; ", found));
  }
}
