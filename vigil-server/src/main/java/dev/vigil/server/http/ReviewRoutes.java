package dev.vigil.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.review.Calibration;
import dev.vigil.server.review.ReviewService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Human review (docs/api.md): annotation queues, the next item to label, labelling with the
 * scorecard's rubric, skipping, progress; and the calibration report of a scorecard's evaluators.
 */
final class ReviewRoutes {
  private static final String QUEUE = "/api/v1/review/queues/{queue}";

  private final Authn authn;
  private final ReviewService review;

  ReviewRoutes(Authn authn, ReviewService review) {
    this.authn = authn;
    this.review = review;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/v1/review/queues", ctx -> ctx.json(Map.of("queues",
        review.queues(project(ctx)).stream().map(ReviewViews::queue).toList())));
    routes.post("/api/v1/review/queues", ctx -> ctx.status(201).json(ReviewViews.queue(review.create(project(ctx), body(ctx)))));
    routes.get(QUEUE, this::queue);
    routes.delete(QUEUE, ctx -> {
      if (!review.delete(project(ctx), ctx.pathParam("queue"))) throw new ApiError(404, "no review queue '" + ctx.pathParam("queue") + "' in this project");
      ctx.status(204);
    });
    routes.get(QUEUE + "/progress", ctx -> ctx.json(ReviewViews.progress(review.queue(project(ctx), ctx.pathParam("queue")).progress())));
    routes.get(QUEUE + "/items", ctx -> ctx.json(Map.of("items",
        review.items(project(ctx), ctx.pathParam("queue")).stream().map(ReviewViews::itemState).toList())));
    routes.get(QUEUE + "/next", this::next);
    routes.get(QUEUE + "/items/{trace}", ctx -> ctx.json(ReviewViews.item(review.item(project(ctx), ctx.pathParam("queue"), trace(ctx)))));
    routes.post(QUEUE + "/items/{trace}/label", this::label);
    routes.post(QUEUE + "/items/{trace}/skip", ctx -> {
      long p = project(ctx);
      var item = conflict(() -> review.skip(p, ctx.pathParam("queue"), trace(ctx)));
      ctx.json(withProgress(p, ctx.pathParam("queue"), ReviewViews.item(item)));
    });
    routes.get("/api/v1/calibration", this::calibration);
  }

  private long project(Context ctx) {
    return authn.require(ctx).projectId();
  }

  private void queue(Context ctx) {
    long p = project(ctx);
    String id = ctx.pathParam("queue");
    Map<String, Object> out = ReviewViews.queue(review.queue(p, id));
    if (out.get("scorecard") != null) out.put("rubric", ReviewViews.rubric(conflict(() -> review.rubric(p, id, null))));
    ctx.json(out);
  }

  private void next(Context ctx) {
    long p = project(ctx);
    String id = ctx.pathParam("queue");
    var next = review.next(p, id);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("item", next.map(ReviewViews::item).orElse(null));
    out.put("progress", ReviewViews.progress(review.queue(p, id).progress()));
    ctx.json(out);
  }

  private void label(Context ctx) throws IOException {
    long p = project(ctx);
    String id = ctx.pathParam("queue");
    JsonNode body = body(ctx);
    if (!body.isObject()) throw new ApiError(400, "the body must be a JSON object: {\"scores\": {\"metric\": value, ...}, \"comment\": \"...\"}");
    for (var it = body.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!List.of("scores", "comment", "scorecard").contains(k)) throw new ApiError(400, "unknown field '" + k + "'; expected scores, comment, scorecard");
    }
    String comment = optionalText(body, "comment");
    String scorecard = optionalText(body, "scorecard");
    var item = conflict(() -> review.label(p, id, trace(ctx), scorecard, body.get("scores"), comment));
    ctx.json(withProgress(p, id, ReviewViews.item(item)));
  }

  private void calibration(Context ctx) {
    long p = project(ctx);
    for (String k : ctx.queryParamMap().keySet()) {
      if (!List.of("scorecard", "min_agreement", "project").contains(k)) throw new ApiError(400, "unknown query parameter '" + k + "'; known: [scorecard, min_agreement]");
    }
    String scorecard = ctx.queryParam("scorecard");
    if (scorecard == null || scorecard.isBlank()) throw new ApiError(400, "'scorecard' is required: the scorecard whose evaluators to calibrate");
    double threshold = Calibration.DEFAULT_THRESHOLD;
    String t = ctx.queryParam("min_agreement");
    if (t != null) {
      try {
        threshold = Double.parseDouble(t);
      } catch (NumberFormatException e) {
        threshold = Double.NaN;
      }
      if (!(threshold >= 0 && threshold <= 1)) throw new ApiError(400, "'min_agreement' must be a number from 0 to 1, got '" + t + "'");
    }
    var metrics = review.calibration(p, scorecard, threshold);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("scorecard", scorecard);
    out.put("min_agreement", threshold);
    out.put("metrics", metrics.stream().map(ReviewViews::calibration).toList());
    out.put("flagged", metrics.stream().filter(m -> m.flagged()).map(m -> m.metric()).toList());
    ctx.json(out);
  }

  private Map<String, Object> withProgress(long project, String queue, Map<String, Object> item) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("item", item);
    out.put("progress", ReviewViews.progress(review.queue(project, queue).progress()));
    return out;
  }

  private static JsonNode body(Context ctx) throws IOException {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length == 0) throw new ApiError(400, "the body must be a JSON object");
    JsonNode node = Json.MAPPER.readTree(bytes);
    if (node == null || node.isMissingNode()) throw new ApiError(400, "the body must be a JSON object");
    return node;
  }

  private static String optionalText(JsonNode body, String key) {
    JsonNode n = body.get(key);
    if (n == null || n.isNull()) return null;
    if (!n.isTextual()) throw new ApiError(400, "'" + key + "' must be a string");
    return n.textValue();
  }

  private static String trace(Context ctx) {
    String raw = ctx.pathParam("trace");
    if (raw.length() != 32 || !raw.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new ApiError(400, "trace id must be 32 hex characters, got '" + raw + "'");
    }
    return raw.toLowerCase(Locale.ROOT);
  }

  /** A state the request cannot apply to (already labelled, the queue's scorecard gone) is a 409. */
  private static <T> T conflict(Supplier<T> work) {
    try {
      return work.get();
    } catch (IllegalStateException e) {
      throw new ApiError(409, e.getMessage());
    }
  }
}
