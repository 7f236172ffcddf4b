package dev.vigil.spi;

import java.util.Map;

/**
 * An evaluator written outside Vigil, for scorecard metrics of {@code type: custom}. Vigil finds
 * implementations with {@link java.util.ServiceLoader} in the jars of {@code scoring.plugins_dir}
 * (each jar lists its classes in {@code META-INF/services/dev.vigil.spi.CustomEvaluator}); a
 * metric picks one by {@code plugin: <name>} or {@code class: <fully qualified class name>}.
 *
 * <p>One instance serves every scorecard and thread: keep it stateless, or thread-safe. Work that
 * can take long should respond to interruption; Vigil interrupts an evaluation past its timeout.
 * This interface and its two records are the whole contract and change only compatibly.
 */
public interface CustomEvaluator {

  /** The name scorecards refer to ({@code plugin: <name>}); letters, digits, '_', '.', '-'. */
  String name();

  /** Raise it whenever the same input could get a different result; it is recorded on every score. */
  default int version() {
    return 1;
  }

  /**
   * Checks a metric's {@code options} once, when its scorecard is loaded.
   *
   * @throws IllegalArgumentException saying what is wrong; the scorecard is refused with that message
   */
  default void validate(Map<String, Object> options) {}

  /**
   * Judges one subject; {@code options} is the metric's {@code options} mapping (JSON types: String,
   * Number, Boolean, List, Map). A thrown exception fails this evaluation: it is retried with backoff,
   * then kept as a dead letter with the exception's message.
   */
  EvaluationResult evaluate(EvaluationInput input, Map<String, Object> options) throws Exception;
}
