package dev.vigil.server.http;

import dev.vigil.server.review.ItemView;
import dev.vigil.server.review.MetricCalibration;
import dev.vigil.server.review.ReviewService;
import dev.vigil.server.review.Rubric;
import dev.vigil.storage.ReviewItem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** JSON shapes of review queues, items, rubrics and calibration reports. */
final class ReviewViews {
  private ReviewViews() {}

  static Map<String, Object> queue(ReviewService.QueueStatus s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.queue().id());
    m.put("name", s.queue().name());
    m.put("scorecard", s.queue().scorecard());
    m.put("origin", readOrigin(s.queue().origin()));
    m.put("created_at", Views.time(s.queue().createdEpochNanos()));
    m.put("progress", progress(s.progress()));
    return m;
  }

  private static Object readOrigin(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      return json;
    }
  }

  static Map<String, Object> progress(ReviewItem.Progress p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("total", p.total());
    m.put("pending", p.pending());
    m.put("done", p.done());
    m.put("skipped", p.skipped());
    return m;
  }

  static Map<String, Object> itemState(ReviewItem i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("trace_id", i.traceId());
    m.put("position", i.position());
    m.put("state", i.state().wireName());
    m.put("updated_at", Views.time(i.updatedEpochNanos()));
    return m;
  }

  static Map<String, Object> item(ItemView v) {
    Map<String, Object> m = itemState(v.item());
    m.put("found", v.found());
    m.put("name", v.name());
    m.put("feature", v.feature());
    m.put("start_time", v.found() ? Views.time(v.startEpochNanos()) : null);
    m.put("question", v.question());
    m.put("answer", v.answer());
    m.put("documents", v.documents().stream().map(d -> {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("id", d.id());
      doc.put("content", d.content());
      doc.put("score", d.score());
      return doc;
    }).toList());
    m.put("labels", v.labels().stream().map(Views::score).toList());
    return m;
  }

  static Map<String, Object> rubric(Rubric r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scorecard", r.scorecard());
    m.put("version", r.version());
    m.put("fields", r.fields().stream().map(f -> {
      Map<String, Object> field = new LinkedHashMap<>();
      field.put("metric", f.metric());
      field.put("evaluator", f.evaluator());
      field.put("type", f.type().name().toLowerCase(Locale.ROOT));
      switch (f.type()) {
        case NUMERIC -> {
          field.put("min", (long) f.scale().min());
          field.put("max", (long) f.scale().max());
        }
        case BOOLEAN, CATEGORICAL -> field.put("labels", f.scale().labels());
      }
      return field;
    }).toList());
    return m;
  }

  static Map<String, Object> calibration(MetricCalibration c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("metric", c.metric());
    m.put("evaluator", c.evaluator());
    m.put("type", c.type());
    m.put("n", c.n());
    m.put("agreement", c.agreement());
    m.put("kappa", c.kappa());
    m.put("kappa_weights", c.kappaWeights().name().toLowerCase(Locale.ROOT));
    m.put("spearman", c.spearman());
    m.put("flagged", c.flagged());
    m.put("categories", c.categories());
    m.put("confusion", List.of(c.table()).stream().map(row -> java.util.Arrays.stream(row).boxed().toList()).toList());
    m.put("off_scale", c.unscaled());
    return m;
  }
}
