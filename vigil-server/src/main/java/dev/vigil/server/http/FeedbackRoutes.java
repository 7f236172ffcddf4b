package dev.vigil.server.http;

import dev.vigil.model.FeedbackKind;
import dev.vigil.server.auth.Principal;
import dev.vigil.server.ingest.IngestService;
import dev.vigil.server.ingest.api.SignalDecoder;
import dev.vigil.server.query.QueryParams;
import dev.vigil.server.query.SurvivorshipCheck;
import dev.vigil.storage.FeedbackCounts;
import dev.vigil.storage.FeedbackRateQuery;
import dev.vigil.storage.FeedbackRates;
import dev.vigil.storage.SignalStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code POST /api/v1/feedback} and {@code POST /api/v1/scores} (one item or a batch, all-or-nothing,
 * idempotent on id) and {@code GET /api/v1/feedback/metrics} (docs/api.md).
 */
final class FeedbackRoutes {
  private final Authn authn;
  private final Bodies bodies;
  private final IngestService ingest;
  private final SignalStore signals;
  private final SignalDecoder decoder;
  private final Clock clock;

  FeedbackRoutes(Authn authn, Bodies bodies, IngestService ingest, SignalStore signals, Clock clock) {
    this.authn = authn;
    this.bodies = bodies;
    this.ingest = ingest;
    this.signals = signals;
    this.decoder = new SignalDecoder(clock);
    this.clock = clock;
  }

  void register(RoutesConfig routes) {
    routes.post("/api/v1/feedback", ctx -> post(ctx, decoder::feedback, ingest::feedback, f -> f.id()));
    routes.post("/api/v1/scores", ctx -> post(ctx, decoder::scores, ingest::scores, s -> s.id()));
    routes.get("/api/v1/feedback/metrics", this::metrics);
  }

  private interface Writer<T> {
    Set<String> write(long projectId, List<T> items);
  }

  private <T> void post(Context ctx, Function<byte[], SignalDecoder.Decoded<T>> decode, Writer<T> writer,
      Function<T, String> id) throws Exception {
    Principal p = authn.require(ctx);
    String type = ctx.header("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new ApiError(415, "Content-Type must be application/json");
    }
    SignalDecoder.Decoded<T> decoded = decode.apply(bodies.read(ctx));
    if (!decoded.errors().isEmpty()) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", decoded.errors().size() == 1 ? decoded.errors().get(0)
          : decoded.errors().size() + " invalid items, nothing stored; first: " + decoded.errors().get(0));
      body.put("status", 400);
      body.put("problems", decoded.errors());
      ctx.status(400).json(body);
      return;
    }
    Set<String> created = writer.write(p.projectId(), decoded.items());
    List<Map<String, Object>> results = decoded.items().stream().map(item -> {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", id.apply(item));
      r.put("status", created.contains(id.apply(item)) ? "created" : "duplicate");
      return r;
    }).toList();
    if (decoded.single()) {
      ctx.status(created.isEmpty() ? 200 : 201).json(results.get(0));
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("results", results);
    body.put("created", created.size());
    body.put("duplicates", results.size() - created.size());
    ctx.status(200).json(body);
  }

  private void metrics(Context ctx) {
    Principal p = authn.require(ctx);
    FeedbackRateQuery q = new QueryParams(ctx.queryParamMap(), clock).feedbackRateQuery();
    FeedbackRates rates = signals.feedbackRates(p.projectId(), q);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", Views.time(q.filter().fromEpochNanos()));
    out.put("to", Views.time(q.filter().toEpochNanos()));
    out.put("positive_rating", q.positiveRatingAtLeast());
    out.put("total", counts(rates.total(), false));
    out.put("buckets", q.bucket() == null ? List.of() : rates.buckets().stream().map(b -> counts(b, true)).toList());
    out.put("survivorship_warning", SurvivorshipCheck.warning(rates.total()));
    ctx.json(out);
  }

  static Map<String, Object> counts(FeedbackCounts c, boolean bucket) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (bucket) m.put("bucket_start", Views.time(c.bucketStartEpochNanos()));
    m.put("traces", c.traces());
    m.put("traces_with_feedback", c.tracesWithFeedback());
    m.put("traces_with_explicit_feedback", c.tracesWithExplicit());
    m.put("positive", c.positive());
    m.put("negative", c.negative());
    Map<String, Object> rates = new LinkedHashMap<>();
    rates.put("explicit_positive", c.positiveRate());
    rates.put("coverage", c.coverage());
    rates.put("correction", c.correctionRate());
    rates.put("follow_up", c.followUpRate());
    rates.put("abandonment", c.abandonmentRate());
    rates.put("copy", c.copyRate());
    m.put("rates", rates);
    Map<String, Long> items = new LinkedHashMap<>();
    for (FeedbackKind k : FeedbackKind.values()) items.put(k.wireName(), c.items().get(k));
    m.put("items", items);
    return m;
  }
}
