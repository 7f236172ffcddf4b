package dev.vigil.server.scoring.judge;

import dev.vigil.server.scoring.eval.Evaluator;
import dev.vigil.server.scoring.eval.Options;
import dev.vigil.storage.JudgeSpendStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The configured LLM judges, the daily budget they share per project, and their meters. Scorecards'
 * {@code llm_judge} metrics are built here ({@link #evaluator}) so they can name a judge that exists.
 */
public final class JudgePanel {
  private final Map<String, JudgeClient> clients = new LinkedHashMap<>();
  private final JudgeBudget budget;
  private final MeterRegistry metrics;

  public JudgePanel(Map<String, JudgeSettings> judges, double dailyBudgetUsd, JudgeSpendStore spend, MeterRegistry metrics,
      Clock clock) {
    judges.values().forEach(j -> clients.put(j.name(), new JudgeClient(j)));
    this.budget = new JudgeBudget(spend, dailyBudgetUsd, clock);
    this.metrics = metrics;
  }

  /** Builds an {@code llm_judge} metric, recording any problem with its options; null then. */
  public Evaluator evaluator(Options o) {
    return JudgeEvaluator.from(o, this);
  }

  JudgeClient client(String name) {
    return clients.get(name);
  }

  /** Names a judge or records why it cannot be used. */
  JudgeClient require(Options o, String key, String name) {
    JudgeClient c = clients.get(name);
    if (c == null) {
      o.problem(key, clients.isEmpty()
          ? "no LLM judges are configured; define one under scoring.judges.<name> (docs/configuration.md)"
          : "unknown judge '" + name + "'; configured judges: " + new TreeSet<>(clients.keySet()));
    }
    return c;
  }

  JudgeBudget budget() {
    return budget;
  }

  void called(String judge, boolean ok, long inputTokens, long outputTokens, double costUsd) {
    Counter.builder("vigil.scoring.judge.calls").tag("judge", judge).tag("result", ok ? "ok" : "failed")
        .description("Calls to LLM judges, by judge and whether the reply was usable").register(metrics).increment();
    Counter.builder("vigil.scoring.judge.tokens").tag("judge", judge).tag("direction", "input")
        .description("Tokens LLM judges read and wrote").register(metrics).increment(inputTokens);
    Counter.builder("vigil.scoring.judge.tokens").tag("judge", judge).tag("direction", "output")
        .description("Tokens LLM judges read and wrote").register(metrics).increment(outputTokens);
    Counter.builder("vigil.scoring.judge.cost").baseUnit("usd").tag("judge", judge)
        .description("What LLM judges cost, in USD").register(metrics).increment(costUsd);
  }

  void skipped(String reason) {
    Counter.builder("vigil.scoring.judge.skipped").tag("reason", reason)
        .description("Judge evaluations (or escalations) not made, by reason").register(metrics).increment();
  }
}
