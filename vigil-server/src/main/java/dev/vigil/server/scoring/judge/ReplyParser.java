package dev.vigil.server.scoring.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a judge's reply strictly: one JSON object {"score": ..., "reason": "..."} and nothing else
 * (a single Markdown code fence around it is tolerated, as many models add one). Anything else fails
 * with the reason and an excerpt; a score is never guessed from prose.
 */
final class ReplyParser {
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final int EXCERPT = 200;

  /** A judge's decision: the score as a number (pass 1, fail 0) and its reason (may be empty). */
  record Verdict(double score, String reason) {}

  private ReplyParser() {}

  static Verdict parse(String reply, Scale scale) throws JudgeException {
    String text = unfence(reply.strip());
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new JudgeException("the reply is not the JSON object asked for: " + excerpt(reply));
    }
    if (root == null || !root.isObject()) throw new JudgeException("the reply is not a JSON object: " + excerpt(reply));
    JsonNode score = root.get("score");
    if (score == null || score.isNull()) throw new JudgeException("the reply has no \"score\": " + excerpt(reply));
    double value = scale.read(score);
    JsonNode reason = root.get("reason");
    if (reason != null && !reason.isNull() && !reason.isTextual()) {
      throw new JudgeException("\"reason\" must be a string: " + excerpt(reply));
    }
    return new Verdict(value, reason == null || reason.isNull() ? "" : reason.asText().strip());
  }

  private static String unfence(String s) {
    if (!s.startsWith("```") || !s.endsWith("```") || s.length() < 6) return s;
    String inner = s.substring(3, s.length() - 3);
    int nl = inner.indexOf('\n');
    if (nl < 0) return s;
    String info = inner.substring(0, nl).strip();
    return info.isEmpty() || info.equalsIgnoreCase("json") ? inner.substring(nl + 1).strip() : s;
  }

  static String excerpt(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.isEmpty() ? "(empty)" : "'" + (one.length() > EXCERPT ? one.substring(0, EXCERPT) + "..." : one) + "'";
  }
}
