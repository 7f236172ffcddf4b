package dev.vigil.server.scoring.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Typed access to one mapping of a scorecard (a metric's options, the sampling block) that records
 * a problem at the right pointer for every missing, mistyped or unknown key instead of throwing, and
 * returns a harmless default so reading can go on.
 */
public final class Options {
  private final JsonNode node;
  private final String pointer;
  private final Problems problems;

  public Options(JsonNode node, String pointer, Problems problems) {
    this.node = node;
    this.pointer = pointer;
    this.problems = problems;
  }

  public String pointer(String key) {
    return pointer + "/" + key;
  }

  public boolean has(String key) {
    return node.has(key) && !node.get(key).isNull();
  }

  public JsonNode node(String key) {
    return node.get(key);
  }

  /** The mapping at {@code key} (which must be an object), reporting into the same problems. */
  public Options child(String key) {
    return new Options(node.get(key), pointer(key), problems);
  }

  public void problem(String key, String message) {
    problems.add(key == null ? pointer : pointer(key), message);
  }

  /** Every key must be one of {@code known}; a typo is reported with the alternatives. */
  public void allowOnly(String what, Set<String> known) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) problem(key, "unknown key '" + key + "' in " + what + "; expected one of " + new TreeSet<>(known));
    }
  }

  public String string(String key, String fallback) {
    if (!has(key)) return fallback;
    JsonNode v = node.get(key);
    if (!v.isValueNode() || v.isBoolean()) {
      problem(key, "'" + key + "' must be a string");
      return fallback;
    }
    return v.asText();
  }

  public String oneOf(String key, String fallback, Set<String> allowed) {
    String v = string(key, fallback);
    if (v != null && !allowed.contains(v)) {
      problem(key, "'" + key + "' must be one of " + new TreeSet<>(allowed) + ", got '" + v + "'");
      return fallback;
    }
    return v;
  }

  /** A string or a list of strings. */
  public List<String> strings(String key) {
    if (!has(key)) return List.of();
    JsonNode v = node.get(key);
    List<String> out = new ArrayList<>();
    if (v.isTextual()) {
      out.add(v.asText());
    } else if (v.isArray()) {
      for (int i = 0; i < v.size(); i++) {
        if (v.get(i).isTextual() && !v.get(i).asText().isBlank()) out.add(v.get(i).asText());
        else problems.add(pointer(key) + "/" + i, "'" + key + "' entries must be non-empty strings");
      }
    } else {
      problem(key, "'" + key + "' must be a string or a list of strings");
    }
    return out;
  }

  /** Each entry compiled; a bad regex is reported with the regex engine's own description. */
  public List<Pattern> patterns(String key, int flags) {
    List<Pattern> out = new ArrayList<>();
    List<String> sources = strings(key);
    for (int i = 0; i < sources.size(); i++) {
      try {
        out.add(Pattern.compile(sources.get(i), flags));
      } catch (PatternSyntaxException e) {
        problems.add(node.get(key).isArray() ? pointer(key) + "/" + i : pointer(key),
            "'" + sources.get(i) + "' is not a valid regular expression: " + e.getDescription());
      }
    }
    return out;
  }

  public Double number(String key, double min, double max) {
    if (!has(key)) return null;
    JsonNode v = node.get(key);
    if (!v.isNumber()) {
      problem(key, "'" + key + "' must be a number, got '" + v.asText() + "'");
      return null;
    }
    double d = v.asDouble();
    if (d < min || d > max) {
      problem(key, "'" + key + "' must be between " + plain(min) + " and " + plain(max) + ", got " + plain(d));
      return null;
    }
    return d;
  }

  public Long whole(String key, long min, long max) {
    Double d = number(key, min, max);
    if (d == null) return null;
    if (d != Math.rint(d)) {
      problem(key, "'" + key + "' must be a whole number, got " + plain(d));
      return null;
    }
    return d.longValue();
  }

  public boolean bool(String key, boolean fallback) {
    if (!has(key)) return fallback;
    JsonNode v = node.get(key);
    if (!v.isBoolean()) {
      problem(key, "'" + key + "' must be true or false");
      return fallback;
    }
    return v.asBoolean();
  }

  public void require(String key) {
    if (!has(key)) problems.add(pointer, "'" + key + "' is required");
  }

  /** A number as people write it: 3, 0.5, 0.0001 (never 1.0E-4). */
  public static String plain(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
    return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
