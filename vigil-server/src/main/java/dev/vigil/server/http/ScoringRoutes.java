package dev.vigil.server.http;

import dev.vigil.server.ingest.IngestService;
import dev.vigil.server.scoring.ScoringService;
import dev.vigil.server.scoring.ScoringStatus;
import dev.vigil.server.scoring.scorecard.Scorecard;
import dev.vigil.server.scoring.scorecard.ScorecardException;
import dev.vigil.storage.ScoringTask;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scorecards of the caller's project (those from files are read-only here), the pipeline's status
 * and its dead letters. A scorecard is PUT as its YAML text (JSON is YAML too); a bad one is a 400
 * whose {@code problems} name the line and column of each mistake.
 */
final class ScoringRoutes {
  private final Authn authn;
  private final ScoringService scoring;
  private final IngestService ingest;

  ScoringRoutes(Authn authn, ScoringService scoring, IngestService ingest) {
    this.authn = authn;
    this.scoring = scoring;
    this.ingest = ingest;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/v1/scorecards", ctx -> ctx.json(Map.of("scorecards",
        scoring.scorecards().forProject(project(ctx)).stream().map(ScoringRoutes::card).toList())));
    routes.get("/api/v1/scorecards/{name}", ctx -> ctx.json(card(find(ctx, project(ctx)))));
    routes.put("/api/v1/scorecards/{name}", this::put);
    routes.delete("/api/v1/scorecards/{name}", this::delete);
    routes.get("/api/v1/scoring/status", ctx -> ctx.json(status(scoring.status(project(ctx)), ingest.pacedRate())));
    routes.get("/api/v1/scoring/dead-letters", this::deadLetters);
  }

  private long project(Context ctx) {
    return authn.require(ctx).projectId();
  }

  private Scorecard find(Context ctx, long project) {
    String name = ctx.pathParam("name");
    return scoring.scorecards().get(project, name).orElseThrow(() -> new ApiError(404, "no scorecard '" + name + "' in this project"));
  }

  private void put(Context ctx) {
    long project = project(ctx);
    String name = ctx.pathParam("name");
    String yaml = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
    if (yaml.isBlank()) throw new ApiError(400, "the body must be the scorecard's YAML (or JSON)");
    if (scoring.scorecards().isFile(name)) throw new ApiError(409, "scorecard '" + name + "' is defined in a file; edit the file instead");
    boolean existed = scoring.scorecards().get(project, name).isPresent();
    try {
      Scorecard c = scoring.scorecards().put(project, name, yaml);
      ctx.status(existed ? 200 : 201).json(card(c));
    } catch (ScorecardException e) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", "invalid scorecard: " + e.problems().size() + " problem(s)");
      body.put("problems", e.problems());
      body.put("status", 400);
      ctx.status(400).json(body);
    }
  }

  private void delete(Context ctx) {
    long project = project(ctx);
    String name = ctx.pathParam("name");
    if (scoring.scorecards().isFile(name)) throw new ApiError(409, "scorecard '" + name + "' is defined in a file; remove the file instead");
    if (!scoring.scorecards().delete(project, name)) throw new ApiError(404, "no scorecard '" + name + "' in this project");
    ctx.status(204);
  }

  private void deadLetters(Context ctx) {
    long project = project(ctx);
    String limit = ctx.queryParam("limit");
    int n;
    try {
      n = limit == null ? 100 : Integer.parseInt(limit);
    } catch (NumberFormatException e) {
      throw new ApiError(400, "'limit' must be a whole number");
    }
    if (n < 1 || n > 1000) throw new ApiError(400, "'limit' must be between 1 and 1000");
    ctx.json(Map.of("dead_letters", scoring.deadLetters(project, n).stream().map(ScoringRoutes::task).toList()));
  }

  static Map<String, Object> card(Scorecard c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", c.name());
    m.put("version", c.version());
    m.put("source", c.fromFile() ? "file" : "api");
    if (c.fromFile()) m.put("file", c.source());
    m.put("features", c.features());
    m.put("target", c.target().wireName());
    Map<String, Object> sampling = new LinkedHashMap<>();
    sampling.put("rate", c.sampling().rate());
    sampling.put("stratify_by", c.sampling().stratifyBy() == null ? null : c.sampling().stratifyBy().wireName());
    sampling.put("min_per_stratum", c.sampling().minPerStratum());
    sampling.put("window", c.sampling().window().toString());
    sampling.put("targeted_rules", c.sampling().targeted().size());
    sampling.put("errors", c.sampling().errorsAlways() ? "always" : "rate");
    m.put("sampling", sampling);
    m.put("metrics", c.metrics().stream().map(x -> Map.of("name", x.name(), "type", x.evaluator().type(),
        "evaluator_version", x.evaluator().version())).toList());
    m.put("yaml", c.yaml());
    return m;
  }

  private static Map<String, Object> status(ScoringStatus s, java.util.OptionalDouble pacedRate) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("enabled", s.enabled());
    m.put("workers", s.workers());
    m.put("backlog_spans", s.backlogSpans());
    m.put("lag_seconds", s.lagSeconds());
    m.put("capture_paced", pacedRate.isPresent()); // scoring.max_lag_seconds: capture slowed so that scoring catches up
    m.put("capture_paced_spans_per_second", pacedRate.isPresent() ? Math.round(pacedRate.getAsDouble()) : null);
    m.put("retrying", s.retrying());
    m.put("dead_letters", s.deadLetters());
    m.put("scores_written", s.scoresWritten());
    m.put("failures", s.failures());
    m.put("cursor", s.cursor());
    m.put("scorecards", s.scorecards().stream().map(c -> {
      Map<String, Object> card = new LinkedHashMap<>();
      card.put("name", c.name());
      card.put("version", c.version());
      card.put("source", c.source().equals("api") ? "api" : "file");
      card.put("features", c.features());
      card.put("target", c.target());
      card.put("rate", c.rate());
      card.put("metrics", c.metrics());
      return card;
    }).toList());
    m.put("scorecard_file_problems", s.fileProblems().stream().map(p -> Map.of("file", p.file(),
        "problems", p.problems(), "since", p.since().toString())).toList());
    ScoringStatus.JudgeSpend j = s.judgeSpend();
    Map<String, Object> spend = new LinkedHashMap<>();
    spend.put("day", j.day().toString());
    spend.put("calls", j.calls());
    spend.put("input_tokens", j.inputTokens());
    spend.put("output_tokens", j.outputTokens());
    spend.put("cost_usd", j.costUsd());
    spend.put("daily_budget_usd", j.dailyBudgetUsd());
    spend.put("exhausted", j.exhausted());
    m.put("judge_spend", spend);
    return m;
  }

  private static Map<String, Object> task(ScoringTask t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id());
    m.put("trace_id", t.traceId());
    m.put("span_id", t.spanId());
    m.put("scorecard", t.scorecard());
    m.put("scorecard_version", t.scorecardVersion());
    m.put("metric", t.metric());
    m.put("attempts", t.attempts());
    m.put("error", t.lastError());
    m.put("first_failed_at", Instant.ofEpochSecond(0, t.firstFailedEpochNanos()));
    m.put("dead_at", Instant.ofEpochSecond(0, t.nextAttemptEpochNanos()));
    return m;
  }

}
