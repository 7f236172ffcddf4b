package dev.vigil.server.scoring.judge;

import dev.vigil.model.ScoreDataType;
import dev.vigil.server.scoring.eval.Evaluator;
import dev.vigil.server.scoring.eval.Scaled;
import dev.vigil.server.scoring.eval.Options;
import dev.vigil.server.scoring.eval.Outcome;
import dev.vigil.server.scoring.eval.Subject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code llm_judge}: a rubric prompt sent to a configured judge, its reply read strictly on the
 * metric's scale. With {@code escalate}, a score inside the borderline band asks a second (stronger)
 * judge, whose score decides. Every call's tokens and cost go to the project's daily budget, even
 * when the reply is unusable; once the budget is spent the subject is not judged but gets a visible
 * "skipped" score. The score's metadata says which judge decided and what judging cost.
 */
final class JudgeEvaluator implements Evaluator, Scaled {
  static final Set<String> KEYS = Set.of("name", "type", "judge", "rubric", "scale", "escalate");

  private final JudgePanel panel;
  private final JudgeClient first;
  private final Rubric rubric;
  private final Scale scale;
  private final Escalation escalation;

  /** Ask {@code judge} when the first score is within [low, high]. */
  record Escalation(JudgeClient judge, double low, double high) {}

  private JudgeEvaluator(JudgePanel panel, JudgeClient first, Rubric rubric, Scale scale, Escalation escalation) {
    this.panel = panel;
    this.first = first;
    this.rubric = rubric;
    this.scale = scale;
    this.escalation = escalation;
  }

  static Evaluator from(Options o, JudgePanel panel) {
    o.allowOnly("an llm_judge metric", KEYS);
    o.require("judge");
    JudgeClient first = o.has("judge") ? panel.require(o, "judge", o.string("judge", "")) : null;
    Rubric rubric = Rubric.from(o);
    Scale scale = Scale.from(o);
    Escalation escalation = o.has("escalate") ? escalation(o, panel, scale) : null;
    return first == null ? null : new JudgeEvaluator(panel, first, rubric, scale, escalation);
  }

  private static Escalation escalation(Options o, JudgePanel panel, Scale scale) {
    if (!o.node("escalate").isObject()) {
      o.problem("escalate", "'escalate' must be a mapping with 'judge' and 'band' ([low, high] scores that are borderline)");
      return null;
    }
    Options e = o.child("escalate");
    e.allowOnly("'escalate'", Set.of("judge", "band"));
    e.require("judge");
    e.require("band");
    JudgeClient judge = e.has("judge") ? panel.require(e, "judge", e.string("judge", "")) : null;
    if (scale.passFail()) {
      e.problem(null, "'escalate' needs a numeric scale: a pass/fail score has no borderline band");
      return null;
    }
    var band = e.node("band");
    if (band == null || !band.isArray() || band.size() != 2 || !band.get(0).isNumber() || !band.get(1).isNumber()
        || band.get(0).asDouble() > band.get(1).asDouble() || band.get(0).asDouble() < scale.min() || band.get(1).asDouble() > scale.max()) {
      if (e.has("band")) e.problem("band", "'band' must be [low, high] within the scale " + scale.show() + ", low <= high");
      return null;
    }
    return judge == null ? null : new Escalation(judge, band.get(0).asDouble(), band.get(1).asDouble());
  }

  /** Human review labels this metric on the judge's own scale. */
  @Override
  public dev.vigil.server.scoring.eval.Scale scale() {
    return scale.passFail() ? dev.vigil.server.scoring.eval.Scale.PASS_FAIL
        : dev.vigil.server.scoring.eval.Scale.numeric(scale.min(), scale.max());
  }

  @Override
  public String type() {
    return "llm_judge";
  }

  @Override
  public int version() {
    return 1;
  }

  /** Long enough for every judge the metric may ask, each within its own timeout. */
  @Override
  public Duration timeout() {
    Duration d = first.settings().timeout().plusSeconds(1);
    return escalation == null ? d : d.plus(escalation.judge().settings().timeout());
  }

  @Override
  public Evaluator forProject(long projectId) {
    JudgeEvaluator self = this;
    return new Evaluator() {
      @Override public String type() { return self.type(); }
      @Override public int version() { return self.version(); }
      @Override public Duration timeout() { return self.timeout(); }
      @Override public Outcome evaluate(Subject s) throws Exception { return self.judge(projectId, s); }
    };
  }

  @Override
  public Outcome evaluate(Subject subject) {
    throw new IllegalStateException("an llm_judge metric is evaluated for a project (forProject): budgets are per project");
  }

  Outcome judge(long projectId, Subject s) throws Exception {
    if (s.output().isBlank()) return Outcome.NOT_APPLICABLE; // nothing answered, nothing to judge
    JudgeBudget budget = panel.budget();
    if (budget.exhausted(projectId)) {
      panel.skipped("budget");
      return new Outcome(ScoreDataType.CATEGORICAL, null, "skipped", "not judged: the project's daily judge budget of $"
          + Options.plain(budget.dailyUsd()) + " is spent", Map.of("judge_skipped", "budget"));
    }
    String system = Rubric.system(scale);
    String user = rubric.render(s);
    Calls calls = new Calls();
    ReplyParser.Verdict verdict = ask(projectId, first, system, user, calls);
    JudgeClient decider = first;
    Map<String, String> meta = new LinkedHashMap<>();
    if (escalation != null && verdict.score() >= escalation.low() && verdict.score() <= escalation.high()) {
      if (budget.exhausted(projectId)) {
        panel.skipped("budget");
        meta.put("escalation_skipped", "budget");
      } else {
        meta.put("judge_first_score", Options.plain(verdict.score()));
        verdict = ask(projectId, escalation.judge(), system, user, calls);
        decider = escalation.judge();
      }
    }
    meta.put("judge", decider.settings().name());
    meta.put("judge_model", decider.settings().model());
    meta.put("judges_asked", String.join(",", calls.names));
    meta.put("judge_input_tokens", Long.toString(calls.inputTokens));
    meta.put("judge_output_tokens", Long.toString(calls.outputTokens));
    meta.put("judge_cost_usd", String.format(Locale.ROOT, "%.6f", calls.costUsd));
    String reason = verdict.reason().isEmpty() ? "(the judge gave no reason)" : verdict.reason();
    Outcome o = scale.passFail() ? Outcome.check(verdict.score() == 1, reason) : Outcome.number(verdict.score(), reason);
    return o.withMetadata(meta);
  }

  /** One call, its cost booked before its reply is read: an unusable reply was paid for too. */
  private ReplyParser.Verdict ask(long projectId, JudgeClient judge, String system, String user, Calls calls) throws Exception {
    String name = judge.settings().name();
    JudgeClient.Reply reply;
    try {
      reply = judge.ask(system, user);
    } catch (Exception e) {
      panel.called(name, false, 0, 0, 0);
      throw e;
    }
    panel.budget().record(projectId, name, reply.inputTokens(), reply.outputTokens(), reply.costUsd());
    calls.add(name, reply);
    try {
      ReplyParser.Verdict v = ReplyParser.parse(reply.text(), scale);
      panel.called(name, true, reply.inputTokens(), reply.outputTokens(), reply.costUsd());
      return v;
    } catch (JudgeException e) {
      panel.called(name, false, reply.inputTokens(), reply.outputTokens(), reply.costUsd());
      throw new JudgeException("judge '" + name + "' (" + judge.settings().model() + "): " + e.getMessage());
    }
  }

  /** What the calls of one evaluation cost together. */
  private static final class Calls {
    final List<String> names = new java.util.ArrayList<>();
    long inputTokens;
    long outputTokens;
    double costUsd;

    void add(String name, JudgeClient.Reply r) {
      names.add(name);
      inputTokens += r.inputTokens();
      outputTokens += r.outputTokens();
      costUsd += r.costUsd();
    }
  }
}
