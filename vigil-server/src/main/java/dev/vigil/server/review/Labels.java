package dev.vigil.server.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Score;
import dev.vigil.model.ScoreDataType;
import dev.vigil.model.ScoreSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A person's labels for one trace, checked against the rubric and turned into scores with source
 * {@code annotation}. Every mistake is reported at once, so a form can show them all. A label's id
 * is derived from the queue, trace, scorecard and metric, so a retried request stores it once.
 */
final class Labels {
  static final int MAX_COMMENT = 4000;

  private Labels() {}

  /** One label as given, on its field. */
  record Label(RubricField field, Double value, String label) {}

  /**
   * @param given {@code {"metric": value, ...}}: true/false or "pass"/"fail" for pass/fail metrics, a
   *     whole number in range for numeric ones, one of the labels for categorical ones
   * @throws IllegalArgumentException naming every problem
   */
  static List<Label> parse(Rubric rubric, JsonNode given) {
    if (given == null || !given.isObject() || given.isEmpty()) {
      throw new IllegalArgumentException("'scores' must be an object with at least one metric of scorecard '"
          + rubric.scorecard() + "': " + names(rubric));
    }
    List<String> problems = new ArrayList<>();
    List<Label> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      RubricField f = rubric.field(e.getKey());
      if (f == null) {
        problems.add("'" + e.getKey() + "' is not a metric of scorecard '" + rubric.scorecard() + "'; its metrics: " + names(rubric));
        continue;
      }
      JsonNode v = e.getValue();
      String at = "'" + f.metric() + "'";
      switch (f.type()) {
        case BOOLEAN -> {
          Boolean pass = passed(v);
          if (pass == null) problems.add(at + " is pass/fail: give true or false (or \"pass\"/\"fail\"), got " + v);
          else out.add(new Label(f, pass ? 1.0 : 0.0, pass ? "pass" : "fail"));
        }
        case NUMERIC -> {
          double min = f.scale().min();
          double max = f.scale().max();
          if (!v.isNumber() || v.doubleValue() != Math.rint(v.doubleValue()) || v.doubleValue() < min || v.doubleValue() > max) {
            problems.add(at + " must be a whole number from " + (long) min + " to " + (long) max + ", got " + v);
          } else {
            out.add(new Label(f, v.doubleValue(), null));
          }
        }
        case CATEGORICAL -> {
          if (!v.isTextual() || !f.scale().labels().contains(v.textValue())) {
            problems.add(at + " must be one of " + f.scale().labels() + ", got " + v);
          } else {
            out.add(new Label(f, null, v.textValue()));
          }
        }
      }
    }
    if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
    return out;
  }

  /** true/false, "pass"/"fail" or 1/0; null for anything else. */
  private static Boolean passed(JsonNode v) {
    if (v.isBoolean()) return v.booleanValue();
    if (v.isTextual() && (v.textValue().equals("pass") || v.textValue().equals("fail"))) return v.textValue().equals("pass");
    if (v.isNumber() && (v.doubleValue() == 0 || v.doubleValue() == 1)) return v.doubleValue() == 1;
    return null;
  }

  static List<Score> scores(Rubric rubric, List<Label> labels, String queueId, String traceId, long traceStartNanos,
      String comment, Instant now) {
    if (comment != null && comment.length() > MAX_COMMENT) {
      throw new IllegalArgumentException("'comment' must be at most " + MAX_COMMENT + " characters");
    }
    String note = comment == null || comment.isBlank() ? null : comment.strip();
    List<Score> out = new ArrayList<>();
    for (Label l : labels) {
      Map<String, String> meta = new LinkedHashMap<>();
      meta.put("scorecard", rubric.scorecard());
      meta.put("scorecard_version", rubric.version());
      meta.put("evaluator", l.field().evaluator());
      meta.put("queue", queueId);
      meta.put("labelled_at", now.toString());
      out.add(new Score(id(queueId, traceId, rubric.scorecard(), l.field().metric()), traceId, null, l.field().metric(),
          l.field().type(), l.field().type() == ScoreDataType.CATEGORICAL ? null : l.value(), l.label(),
          ScoreSource.ANNOTATION, note, traceStartNanos, meta));
    }
    return out;
  }

  static String id(String... parts) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8));
      return "ann-" + HexFormat.of().formatHex(d, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> names(Rubric rubric) {
    return rubric.fields().stream().map(RubricField::metric).toList();
  }
}
