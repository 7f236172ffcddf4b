package dev.vigil.server.ingest.pii;

import dev.vigil.model.PiiRule;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A project's own rule: every non-empty match of its regex is masked under the rule's name. */
final class CustomRuleDetector implements Detector {
  private final String name;
  private final Pattern pattern;

  CustomRuleDetector(PiiRule rule) {
    if (rule.name().isBlank()) throw new IllegalArgumentException("PII rule name is blank");
    this.name = rule.name();
    try {
      this.pattern = Pattern.compile(rule.pattern());
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "PII rule '" + rule.name() + "' has an invalid pattern: " + e.getDescription(), e);
    }
  }

  String name() {
    return name;
  }

  @Override
  public void find(String text, TextHints hints, List<Finding> out) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      if (m.end() > m.start()) out.add(new Finding(m.start(), m.end(), name, true));
    }
  }
}
