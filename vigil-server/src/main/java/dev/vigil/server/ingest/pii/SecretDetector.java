package dev.vigil.server.ingest.pii;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials with a recognisable shape: provider API keys, JWTs, bearer tokens, PEM private keys,
 * passwords in URLs. Each rule is keyed on a literal, and its regex only runs where that literal
 * occurs. Literals are found with String.indexOf (vectorised); those sharing a '_' or '-' are found
 * through that one char, so clean text costs eight fast scans in all.
 */
final class SecretDetector implements Detector {
  static final String KIND = "secret";

  /**
   * The regex starts {@code lead} chars before {@code literal}; {@code group} is the part to mask;
   * {@code shortest} is the length of the shortest text it matches, read off the regex.
   */
  private record Rule(String literal, int lead, Pattern pattern, int group, boolean wordStart, int shortest) {}

  /** What String.indexOf looks for, from TextHints' first sight of its group on, and the rules it keys. */
  private record Trigger(String needle, TextHints.Secret group, List<Rule> rules) {}

  private static final List<Rule> RULES = rules();
  private static final List<Trigger> TRIGGERS = triggers(RULES);
  /**
   * No rule keyed on anything but "://" matches a shorter text, so TextHints need not look for
   * their literals there ("://" is found with the ':' it looks for anyway).
   */
  static final int SHORTEST_KEYED = RULES.stream().filter(r -> !r.literal.equals("://"))
      .mapToInt(Rule::shortest).min().orElseThrow();

  private static List<Rule> rules() {
    List<Rule> r = new ArrayList<>();
    // OpenAI sk-… and sk-proj-…, Anthropic sk-ant-…; a digit rules out hyphenated words
    token(r, "sk-", "sk-(?=[A-Za-z0-9_-]{0,300}\\d)[A-Za-z0-9_-]{20,}", 3 + 20);
    token(r, "AKIA", "AKIA[A-Z0-9]{16}(?![A-Za-z0-9])", 4 + 16);
    token(r, "ASIA", "ASIA[A-Z0-9]{16}(?![A-Za-z0-9])", 4 + 16);
    for (String gh : List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_")) token(r, gh, gh + "[A-Za-z0-9]{30,}", 4 + 30);
    token(r, "github_pat_", "github_pat_[A-Za-z0-9_]{22,}", 11 + 22);
    for (char x : "abprs".toCharArray()) token(r, "xox" + x + "-", "xox" + x + "-[A-Za-z0-9-]{10,}", 5 + 10);
    token(r, "AIza", "AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])", 4 + 35);
    token(r, "sk_live_", "sk_live_[0-9A-Za-z]{10,}", 8 + 10);
    token(r, "rk_live_", "rk_live_[0-9A-Za-z]{10,}", 8 + 10);
    token(r, "eyJ", "eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*", 3 + 5 + 1 + 3 + 5 + 1);
    // keep "Bearer ", mask the token; "the bearer of bad news" has no digit and is short
    r.add(new Rule("earer", 1, Pattern.compile(
        "[Bb]earer[ \\t]+((?=[A-Za-z0-9._~+/=-]{0,300}\\d)[A-Za-z0-9._~+/=-]{8,}|[A-Za-z0-9._~+/=-]{20,})"),
        1, true, 6 + 1 + 8));
    // a truncated key (no END line) is masked to the end of the text
    token(r, "-----BEGIN ",
        "-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\\s\\S]*?(?:-----END \\1PRIVATE KEY-----|\\z)", 11 + 16);
    // scheme://user:password@host: mask the password only
    r.add(new Rule("://", 0, Pattern.compile("://[^/\\s:@\"'<>\\\\]{1,64}:([^/\\s@\"'<>\\\\]{1,128})@"), 1, false,
        3 + 1 + 1 + 1 + 1));
    return r;
  }

  private static void token(List<Rule> r, String literal, String regex, int shortest) {
    r.add(new Rule(literal, 0, Pattern.compile(regex), 0, true, shortest));
  }

  private static List<Trigger> triggers(List<Rule> rules) {
    Map<String, List<Rule>> by = new LinkedHashMap<>();
    for (Rule r : rules) {
      String needle = r.literal.contains("_") ? "_" : r.literal.contains("-") ? "-" : r.literal;
      by.computeIfAbsent(needle, k -> new ArrayList<>()).add(r);
    }
    List<Trigger> t = new ArrayList<>();
    by.forEach((needle, rs) -> t.add(new Trigger(needle, group(needle), List.copyOf(rs))));
    return List.copyOf(t);
  }

  /** TextHints finds each needle's first plausible place in its one pass; a new needle must be taught there. */
  private static TextHints.Secret group(String needle) {
    return switch (needle) {
      case "-" -> TextHints.Secret.DASH;
      case "_" -> TextHints.Secret.UNDERSCORE;
      case "AKIA", "ASIA", "AIza" -> TextHints.Secret.AWS_OR_GOOGLE_KEY;
      case "eyJ" -> TextHints.Secret.JWT;
      case "earer" -> TextHints.Secret.BEARER;
      case "://" -> TextHints.Secret.URL_PASSWORD;
      default -> throw new IllegalStateException("TextHints does not look for " + needle);
    };
  }

  @Override
  public void find(String text, TextHints hints, List<Finding> out) {
    for (Trigger t : TRIGGERS) {
      int from = hints.secret(t.group), next = 0;
      if (from < 0) continue;
      for (int hit = text.indexOf(t.needle, from); hit >= 0; hit = text.indexOf(t.needle, Math.max(hit + 1, next))) {
        for (Rule r : t.rules) {
          int at = hit - r.literal.indexOf(t.needle);
          if (at < 0 || !text.startsWith(r.literal, at)) continue;
          int end = match(text, r, at - r.lead, out);
          next = Math.max(next, end);
        }
      }
    }
  }

  /** Tries rule {@code r} at {@code s}; returns the end of what it matched, or -1. */
  private static int match(String text, Rule r, int s, List<Finding> out) {
    if (s < 0 || (r.wordStart && s > 0 && (Chars.alnumAt(text, s - 1) || text.charAt(s - 1) == '_'
        || text.charAt(s - 1) == '-'))) {
      return -1;
    }
    Matcher m = r.pattern.matcher(text).region(s, text.length());
    if (!m.lookingAt()) return -1;
    out.add(new Finding(m.start(r.group), m.end(r.group), KIND, true));
    return m.end();
  }
}
