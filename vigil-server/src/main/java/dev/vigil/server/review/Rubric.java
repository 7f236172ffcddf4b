package dev.vigil.server.review;

import dev.vigil.server.scoring.eval.Scale;
import dev.vigil.server.scoring.eval.Scaled;
import dev.vigil.server.scoring.scorecard.Scorecard;
import java.util.List;

/** The rubric people label with: one field per metric of a scorecard, on the metric's own scale. */
public record Rubric(String scorecard, String version, List<RubricField> fields) {
  /** refusal's labels, in the order a reviewer reads them. */
  static final List<String> REFUSAL_LABELS = List.of("answered", "hedged", "refused");

  public Rubric {
    fields = List.copyOf(fields);
  }

  public static Rubric of(Scorecard card) {
    return new Rubric(card.name(), card.version(), card.metrics().stream()
        .map(m -> new RubricField(m.name(), m.evaluator().type(), scale(m))).toList());
  }

  static Scale scale(Scorecard.Metric m) {
    if (m.evaluator() instanceof Scaled s) return s.scale();
    if (m.evaluator().type().equals("refusal")) return Scale.categorical(REFUSAL_LABELS);
    return Scale.PASS_FAIL;
  }

  public RubricField field(String metric) {
    return fields.stream().filter(f -> f.metric().equals(metric)).findFirst().orElse(null);
  }
}
