package dev.vigil.server.scoring.plugin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.model.Document;
import dev.vigil.model.ScoreDataType;
import dev.vigil.server.scoring.eval.Evaluator;
import dev.vigil.server.scoring.eval.Options;
import dev.vigil.server.scoring.eval.Outcome;
import dev.vigil.server.scoring.eval.Subject;
import dev.vigil.spi.CustomEvaluator;
import dev.vigil.spi.EvaluationInput;
import dev.vigil.spi.EvaluationResult;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code custom}: a metric computed by a plugin ({@code plugin: <name>} or {@code class: <fqcn>}) with
 * the metric's {@code options}. The plugin's version is the evaluator version on every score; what
 * it throws fails the evaluation (retried, then a dead letter) with the plugin's name in the reason.
 */
final class PluginEvaluator implements Evaluator {
  static final Set<String> KEYS = Set.of("name", "type", "plugin", "class", "options");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CustomEvaluator plugin;
  private final Map<String, Object> options;

  private PluginEvaluator(CustomEvaluator plugin, Map<String, Object> options) {
    this.plugin = plugin;
    this.options = options;
  }

  static Evaluator from(Options o, Plugins plugins) {
    o.allowOnly("a custom metric", KEYS);
    if (o.has("plugin") == o.has("class")) {
      o.problem(null, "a custom metric needs exactly one of 'plugin' (the evaluator's name) or 'class' (its class name)");
      return null;
    }
    Map<String, Object> options = Map.of();
    if (o.has("options")) {
      if (!o.node("options").isObject()) {
        o.problem("options", "'options' must be a mapping");
        return null;
      }
      options = JSON.convertValue(o.node("options"), new TypeReference<Map<String, Object>>() {});
    }
    String key = o.has("plugin") ? "plugin" : "class";
    String ref = o.string(key, "");
    CustomEvaluator plugin = key.equals("plugin") ? plugins.byName(ref) : plugins.byClass(ref);
    if (plugin == null) {
      o.problem(key, plugins.missing((key.equals("plugin") ? "named '" : "of class '") + ref + "'"));
      return null;
    }
    try {
      plugin.validate(options);
    } catch (RuntimeException e) {
      o.problem("options", "custom evaluator '" + ref + "' rejects its options: " + e.getMessage());
      return null;
    }
    return new PluginEvaluator(plugin, Map.copyOf(options));
  }

  @Override
  public String type() {
    return "custom";
  }

  @Override
  public int version() {
    return plugin.version();
  }

  @Override
  public Outcome evaluate(Subject s) throws Exception {
    List<String> docs = s.span() == null ? List.of()
        : s.span().content().documents().stream().map(Document::content).filter(c -> c != null).toList();
    EvaluationInput input = new EvaluationInput(s.traceId(), s.spanId(), s.feature(), s.model(), s.input(), s.output(), docs,
        s.latencyMs(), s.cost(), s.inputTokens(), s.outputTokens(), s.error());
    EvaluationResult r;
    try {
      r = plugin.evaluate(input, options);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception | LinkageError e) {
      throw new PluginException("custom evaluator '" + plugin.name() + "' (" + plugin.getClass().getName() + ") failed: " + e, e);
    }
    if (r == null) throw new PluginException("custom evaluator '" + plugin.name() + "' returned no result (null)", null);
    Map<String, String> meta = Map.of("plugin", plugin.name(), "plugin_class", plugin.getClass().getName());
    return switch (r.kind()) {
      case NOT_APPLICABLE -> Outcome.NOT_APPLICABLE;
      case CHECK -> new Outcome(ScoreDataType.BOOLEAN, r.value() != null && r.value() == 1.0 ? 1.0 : 0.0,
          r.value() != null && r.value() == 1.0 ? "pass" : "fail", r.explanation(), meta);
      case NUMBER -> new Outcome(ScoreDataType.NUMERIC, r.value(), r.label(), r.explanation(), meta);
      case CATEGORY -> new Outcome(ScoreDataType.CATEGORICAL, null, r.label(), r.explanation(), meta);
    };
  }

  /** A plugin's failure, named. */
  static final class PluginException extends Exception {
    PluginException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
