package dev.vigil.server.scoring.eval;

import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Known shapes of prompt injection and jailbreak attempts, by family. Each needs an instruction-like
 * object next to its verb ("ignore ... previous instructions", "reveal ... system prompt") so that a
 * question which merely mentions instructions or prompts ("the assembly instructions", "how do I write
 * a system prompt?") does not match, and a user taking back their own words ("ignore my previous
 * instructions, use blue") is not an attack.
 */
final class InjectionPatterns {
  private InjectionPatterns() {}

  record Rule(String family, Pattern pattern) {}

  private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  /** Up to four words in between, none of them the speaker's own ("my", "our"). */
  private static final String GAP = "(?:\\W+(?!(?:my|our|me|us)\\b)\\w+){0,4}?\\W+";
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{24,}={0,2}");

  static final List<Rule> RULES = List.of(
      new Rule("instruction override", Pattern.compile(
          "\\b(?:ignore|disregard|forget|override|bypass|skip|drop|abandon|cancel)" + GAP
              + "(?:previous|prior|above|earlier|preceding|initial|original|system|all|your|existing|old|safety)\\s+"
              + "(?:instructions?|prompts?|rules|directives?|guidelines|guardrails|constraints|programming|restrictions|polic(?:y|ies))\\b", CI)),
      new Rule("instruction override", Pattern.compile(
          "\\b(?:new|updated)\\s+system\\s+(?:instructions?|prompt|rules)\\b|\\byour\\s+(?:new|real|actual)\\s+(?:instructions|task|objective|rules)\\s+(?:are|is|:)", CI)),
      new Rule("system prompt exfiltration", Pattern.compile(
          "\\b(?:reveal|show|print|repeat|output|display|tell|give|leak|dump|share|quote|recite|spell|translate|summari[sz]e|what(?:'s| is| are| were))"
              + GAP + "(?:system\\s+(?:prompt|message|instructions?)|(?:initial|hidden|original|secret|confidential|exact)\\s+"
              + "(?:prompt|instructions?|rules|guidelines)|your\\s+(?:prompt|developer\\s+message|instructions\\s+(?:verbatim|word\\s+for\\s+word)))\\b", CI)),
      new Rule("system prompt exfiltration", Pattern.compile(
          "\\brepeat\\s+(?:the\\s+)?(?:text|words|everything)\\s+(?:above|before)", CI)),
      new Rule("role-play jailbreak", Pattern.compile("\\bDAN\\b")),
      new Rule("role-play jailbreak", Pattern.compile(
          "\\b(?:do\\s+anything\\s+now|developer\\s+mode|jailbr(?:oken|eak)\\s+mode|god\\s*mode)\\b"
              + "|\\byou\\s+are\\s+(?:now\\s+)?(?:no\\s+longer\\s+bound|free\\s+from\\s+(?:all\\s+)?(?:rules|restrictions)|not\\s+bound)"
              + "|\\b(?:pretend|act|behave|roleplay|role-play)\\b(?:\\W+\\w+){0,8}?\\W+(?:no|without|free\\s+of|unrestricted|unfiltered|uncensored)"
              + "\\W+(?:\\w+\\W+){0,2}?(?:restrictions|filters?|rules|limits|guidelines|ethics|morals|censorship)\\b", CI)),
      new Rule("fake delimiter or role", Pattern.compile(
          "<\\|(?:im_start|im_end|system|endoftext|start_header_id)\\|>|\\[/?INST]|<</?SYS>>|</?system>|</user>"
              + "|(?m:^\\s*#{2,}\\s*(?:system|instruction)s?\\b)"
              + "|\\b(?:end\\s+of\\s+(?:user\\s+)?(?:input|prompt|instructions)|begin\\s+(?:new\\s+)?system\\s+(?:prompt|instructions?))\\b"
              + "|\"role\"\\s*:\\s*\"system\"", CI)),
      new Rule("encoding trick", Pattern.compile(
          "\\b(?:decode|decrypt|translate|convert)\\b(?:\\W+\\w+){0,6}?\\W+(?:base64|rot-?13|hex|binary|morse|leetspeak)"
              + "(?:\\W+\\w+){0,10}?\\W+(?:follow|execute|obey|run|do|instructions?)\\b", CI)),
      new Rule("hidden characters", Pattern.compile("[\\x{E0000}-\\x{E007F}]|[\\u200B-\\u200D\\u2060\\uFEFF]{3,}")));

  /** The text of each Base64 run in {@code text} that decodes to readable ASCII: instructions smuggled past the patterns. */
  static List<String> decodedBase64(CharSequence text) {
    List<String> out = new java.util.ArrayList<>();
    Matcher m = BASE64.matcher(text);
    while (m.find() && out.size() < 8) {
      String run = m.group();
      try {
        byte[] bytes = Base64.getDecoder().decode(run.length() % 4 == 0 ? run : run.substring(0, run.length() - run.length() % 4));
        int printable = 0;
        for (byte b : bytes) if (b >= 0x20 && b < 0x7F || b == '\n') printable++;
        if (bytes.length > 0 && printable >= bytes.length * 0.95) out.add(new String(bytes, java.nio.charset.StandardCharsets.US_ASCII));
      } catch (IllegalArgumentException notBase64) {
        // an identifier that only looks like Base64
      }
    }
    return out;
  }
}
