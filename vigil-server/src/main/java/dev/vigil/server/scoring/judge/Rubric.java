package dev.vigil.server.scoring.judge;

import dev.vigil.model.Document;
import dev.vigil.server.scoring.eval.Options;
import dev.vigil.server.scoring.eval.Subject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scorecard's rubric prompt: text with {@code {{question}}}, {@code {{answer}}} and
 * {@code {{documents}}} placeholders, filled per subject. Each filling is cut at
 * {@link #MAX_CHARS} characters so one huge trace cannot spend the day's budget.
 */
final class Rubric {
  static final Set<String> PLACEHOLDERS = Set.of("question", "answer", "documents");
  static final int MAX_CHARS = 20_000;
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_]+)\\s*}}");

  private final String template;

  private Rubric(String template) {
    this.template = template;
  }

  static Rubric from(Options o) {
    o.require("rubric");
    String text = o.string("rubric", "{{answer}}");
    Set<String> used = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (PLACEHOLDERS.contains(m.group(1))) used.add(m.group(1));
      else o.problem("rubric", "unknown placeholder {{" + m.group(1) + "}} in 'rubric'; expected " + new TreeSet<>(PLACEHOLDERS));
    }
    if (o.has("rubric") && !used.contains("answer")) o.problem("rubric", "'rubric' must contain {{answer}}: the judge has to see the answer");
    return new Rubric(text);
  }

  /** The instructions that pin the reply's format; the rubric itself goes in the user message. */
  static String system(Scale scale) {
    return "You are an impartial evaluator. Judge the answer strictly by the rubric you are given. Reply with one "
        + "JSON object and nothing else, exactly of the form {\"score\": <score>, \"reason\": \"<one or two sentences>\"}, "
        + "where <score> is " + scale.describe() + ".";
  }

  String render(Subject s) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = switch (m.group(1)) {
        case "question" -> cut(s.input());
        case "answer" -> cut(s.output());
        case "documents" -> documents(s.span() == null ? List.of() : s.span().content().documents());
        default -> m.group();
      };
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String documents(List<Document> docs) {
    if (docs.isEmpty()) return "(no documents were retrieved)";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < docs.size(); i++) {
      if (i > 0) sb.append("\n\n");
      sb.append('[').append(i + 1).append("] ").append(docs.get(i).content() == null ? "" : docs.get(i).content());
    }
    return cut(sb.toString());
  }

  private static String cut(String s) {
    return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS) + " [...cut]";
  }
}
