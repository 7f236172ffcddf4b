package dev.vigil.storage;

/**
 * A storage backend: a few narrow interfaces, one per concern, in the shape of Zipkin's
 * StorageComponent. Components do no I/O until used; {@link #check()} reports health for /health.
 * Every method that reads or writes spans is scoped to one project.
 */
public interface Storage extends AutoCloseable {

  /** Writes spans; returns only once they are durable. */
  SpanConsumer spanConsumer();

  /** Reads traces, spans, sessions and users. */
  SpanStore spanStore();

  /** Window metrics (counts, rates, percentiles, tokens, cost) bucketed and grouped. */
  MetricStore metricStore();

  /** Sampled raw values and category counts for drift and variant tests. */
  SampleStore sampleStore();

  /** Projects, their settings and API keys. */
  ProjectStore projectStore();

  /** Web UI accounts and sign-in sessions. */
  AccountStore accountStore();

  /** Scores, feedback and change events posted through the API. */
  SignalStore signalStore();

  /** Score aggregates over time: bucketed series and distributions, sliced by span dimensions. */
  ScoreMetricStore scoreMetricStore();

  /** The outbox of alert notifications and their delivery attempts. */
  DeliveryStore deliveryStore();

  /** Alert state and history. */
  AlertStore alertStore();

  /** Alert rules and silences defined through the API. */
  AlertRuleStore alertRuleStore();

  /** The read-only SQL console over the caller's own project. */
  SqlConsole sqlConsole();

  /** The scoring pipeline's queue (the span log read from a cursor), checkpoints, retries and scorecards. */
  ScoringStore scoringStore();

  /** Annotation queues and the reads judge calibration needs. */
  ReviewStore reviewStore();
  /** What LLM judges cost each project per day, for the daily judge budget. */
  JudgeSpendStore judgeSpendStore();
  /** Score and feedback values per slice, control-chart state and first-seen span attributes for monitors. */
  MonitorStore monitorStore();
  /** Named regression sets of traces. */
  DatasetStore datasetStore();

  /** Removes data past a project's retention. */
  Retention retention();

  /** Registers a listener told about spans once they are stored and queryable. */
  void addListener(SpanListener listener);

  CheckResult check();

  @Override
  void close();
}
