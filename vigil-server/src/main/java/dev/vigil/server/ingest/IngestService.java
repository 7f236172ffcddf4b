package dev.vigil.server.ingest;

import dev.vigil.model.ChangeEvent;
import dev.vigil.model.Feedback;
import dev.vigil.model.Score;
import dev.vigil.model.Span;
import dev.vigil.model.SpanAttachment;
import dev.vigil.server.ingest.api.ItemResult;
import dev.vigil.server.ingest.api.NativeBatch;
import dev.vigil.server.ingest.cost.PriceTable;
import dev.vigil.server.ingest.cost.UsageAndCost;
import dev.vigil.server.ingest.otlp.EvaluationEvents;
import dev.vigil.server.ingest.otlp.LogNormalizer;
import dev.vigil.server.ingest.otlp.NormalizedLogs;
import dev.vigil.server.ingest.otlp.NormalizedTraces;
import dev.vigil.server.ingest.otlp.OtlpTraces;
import dev.vigil.server.ingest.otlp.TraceNormalizer;
import dev.vigil.server.ingest.pii.PiiMasker;
import dev.vigil.server.ingest.pii.SpanMasker;
import dev.vigil.storage.OverCapacityException;
import dev.vigil.storage.Storage;
import dev.vigil.util.Parallel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ingest pipeline, the same for every way spans arrive: normalize, count tokens and price,
 * mask PII, then append durably. It returns only after the data is durable, so the HTTP layer can
 * acknowledge. Order matters: tokens are counted before masking (masking changes text) and masking
 * happens before anything is handed to storage.
 */
public final class IngestService {
  private static final int PARALLEL_FROM = 128;
  private final Storage storage;
  private final ProjectPipelines pipelines;
  private final UsageAndCost usageAndCost;
  private final TraceNormalizer traces = new TraceNormalizer();
  private final LogNormalizer logs = new LogNormalizer();
  private final SpanMasker masker = new SpanMasker();
  private final MeterRegistry metrics;
  private final Counter acceptedSpans;
  private final Counter rejectedSpans;
  private final Counter shedSpans;
  private final Counter shedByStorage;
  private final Counter unpricedCalls;
  private final Counter estimatedUsage;
  private final GenAiMetrics genAi;
  private volatile FeedbackListener feedbackListener = (projectId, feedback) -> {};
  private volatile IngestPacing pacing;

  /** Told of feedback once it is stored (scoring re-considers negatively rated traces). */
  public interface FeedbackListener {
    void feedbackStored(long projectId, List<Feedback> feedback);
  }

  public IngestService(Storage storage, PriceTable prices, String piiRegion, byte[] hashKey, MeterRegistry metrics) {
    this.storage = storage;
    this.pipelines = new ProjectPipelines(storage.projectStore(), piiRegion, hashKey);
    this.usageAndCost = new UsageAndCost(prices);
    this.metrics = metrics;
    this.genAi = new GenAiMetrics(metrics);
    this.acceptedSpans = Counter.builder("vigil.ingest.spans").tag("result", "accepted")
        .description("Spans stored").register(metrics);
    this.rejectedSpans = Counter.builder("vigil.ingest.spans").tag("result", "rejected")
        .description("Spans refused as invalid").register(metrics);
    this.shedSpans = Counter.builder("vigil.ingest.spans").tag("result", "shed")
        .description("Spans refused with 503 because storage was behind").register(metrics);
    this.shedByStorage = shedRequests(metrics, "storage");
    this.unpricedCalls = Counter.builder("vigil.ingest.unpriced.calls")
        .description("LLM calls whose model has no known price").register(metrics);
    this.estimatedUsage = Counter.builder("vigil.ingest.estimated.usage")
        .description("LLM calls whose tokens Vigil counted because the client sent none").register(metrics);
  }

  /**
   * Requests refused with 503 and Retry-After: {@code storage} when indexing or the log writer is too
   * far behind, {@code paced} ({@link IngestPacing}) when ingest is paced for scoring and no turn came
   * in time. An exporter retries them, and drops spans once its own queue is full.
   */
  static Counter shedRequests(MeterRegistry metrics, String reason) {
    return Counter.builder("vigil.ingest.shed.requests").tag("reason", reason)
        .description("Ingest requests refused with 503 and Retry-After because Vigil was overloaded").register(metrics);
  }

  public IngestOutcome otlpTraces(long projectId, ExportTraceServiceRequest request) {
    return otlpTraces(projectId, OtlpTraces.of(request));
  }

  public IngestOutcome otlpTraces(long projectId, OtlpTraces request) {
    ProjectPipelines.Pipeline p = pipelines.get(projectId);
    NormalizedTraces n = traces.normalize(request, p.project().settings().featureAttribute());
    List<Span> spans = prepare(p, n.spans());
    store(projectId, spans, List.of());
    acceptedSpans.increment(spans.size());
    genAi.record(projectId, spans);
    rejectedSpans.increment(n.rejectedSpans());
    List<String> errors = new ArrayList<>(n.errors());
    putScores(projectId, p.masker(), EvaluationEvents.fromSpans(spans, errors));
    return new IngestOutcome(spans.size(), n.rejectedSpans(), 0, errors);
  }

  public IngestOutcome otlpLogs(long projectId, ExportLogsServiceRequest request) {
    ProjectPipelines.Pipeline p = pipelines.get(projectId);
    NormalizedLogs n = logs.normalize(request);
    List<SpanAttachment> attachments = new ArrayList<>(n.attachments().size());
    for (SpanAttachment a : n.attachments()) attachments.add(masker.mask(a, p.masker()));
    store(projectId, List.of(), attachments);
    putScores(projectId, p.masker(), n.scores());
    return new IngestOutcome(attachments.size() + n.scores().size(), n.rejected(), n.ignored(), n.errors());
  }

  /** Stores what decoded; the results keep the decoder's per-item statuses. */
  public List<ItemResult> nativeBatch(long projectId, NativeBatch batch) {
    ProjectPipelines.Pipeline p = pipelines.get(projectId);
    List<Span> spans = prepare(p, batch.spans());
    store(projectId, spans, List.of());
    acceptedSpans.increment(spans.size());
    genAi.record(projectId, spans);
    PiiMasker m = p.masker();
    putScores(projectId, m, batch.scores());
    putFeedback(projectId, m, batch.feedback());
    storage.signalStore().putChanges(projectId, batch.changes().stream().map(c -> new ChangeEvent(c.id(), c.type(),
        c.feature(), mask(m, c.description()), c.source(), c.epochNanos(), maskValues(m, c.attributes()))).toList());
    return batch.results();
  }

  private void store(long projectId, List<Span> spans, List<SpanAttachment> attachments) {
    try {
      storage.spanConsumer().accept(projectId, spans, attachments);
    } catch (OverCapacityException e) {
      shedByStorage.increment();
      shedSpans.increment(spans.size());
      throw e;
    }
  }

  /** Stores scores posted on their own, PII-masked like spans; returns the ids that were new. */
  public Set<String> scores(long projectId, List<Score> scores) {
    return putScores(projectId, pipelines.get(projectId).masker(), scores);
  }

  /** Stores feedback posted on its own, PII-masked like spans; returns the ids that were new. */
  public Set<String> feedback(long projectId, List<Feedback> feedback) {
    return putFeedback(projectId, pipelines.get(projectId).masker(), feedback);
  }

  private Set<String> putScores(long projectId, PiiMasker m, List<Score> scores) {
    if (scores.isEmpty()) return Set.of();
    return storage.signalStore().putScores(projectId, scores.stream().map(s -> new Score(s.id(), s.traceId(),
        s.spanId(), s.name(), s.dataType(), s.value(), mask(m, s.label()), s.source(), mask(m, s.comment()),
        s.epochNanos(), maskValues(m, s.metadata()))).toList());
  }

  /**
   * The listener hears every item, new or re-sent, so a client retrying after a crash between the
   * two steps still gets its feedback acted on (acting twice is harmless).
   */
  private Set<String> putFeedback(long projectId, PiiMasker m, List<Feedback> feedback) {
    if (feedback.isEmpty()) return Set.of();
    List<Feedback> masked = feedback.stream().map(f -> new Feedback(f.id(), f.traceId(),
        f.kind(), f.value(), mask(m, f.comment()), mask(m, f.userId()), f.epochNanos())).toList();
    Set<String> created = storage.signalStore().putFeedback(projectId, masked);
    feedbackListener.feedbackStored(projectId, masked);
    return created;
  }

  public void onFeedback(FeedbackListener listener) {
    this.feedbackListener = listener;
  }

  /** Spans stored since start. */
  public long acceptedSpans() {
    return (long) acceptedSpans.count();
  }

  /** Spans a second ingest lets in while paced so that scoring catches up; empty when it is not paced. */
  public java.util.OptionalDouble pacedRate() {
    IngestPacing p = pacing;
    return p == null ? java.util.OptionalDouble.empty() : p.pacedRate();
  }

  /** Paces ingest by scoring's lag from now on ({@link IngestPacing}). */
  public void paceBy(IngestPacing pacing) {
    this.pacing = pacing;
  }

  /**
   * A turn to ingest one request, to be closed when it is stored; taken before the body is read.
   * @throws dev.vigil.storage.OverCapacityException when ingest is paced and no turn came in time
   */
  public IngestPacing.Turn admit() {
    IngestPacing p = pacing;
    return p == null ? IngestPacing.Turn.FREE : p.admit();
  }

  /** Drops cached settings after they change. */
  public void settingsChanged(long projectId) {
    pipelines.invalidate(projectId);
  }

  /** Pricing and masking are per span: a large request is split across two threads. */
  private List<Span> prepare(ProjectPipelines.Pipeline p, List<Span> spans) {
    if (spans.size() < PARALLEL_FROM) return prepareSequentially(p, spans);
    List<Span> out = new ArrayList<>(spans.size());
    for (List<Span> part : Parallel.map(Parallel.split(spans, 2), part -> prepareSequentially(p, part))) out.addAll(part);
    return out;
  }

  private List<Span> prepareSequentially(ProjectPipelines.Pipeline p, List<Span> spans) {
    List<Span> out = new ArrayList<>(spans.size());
    for (Span s : spans) {
      Span priced = usageAndCost.enrich(s, p.project().settings());
      if (priced.llm() != null) {
        if (priced.llm().cost().unpriced()) unpricedCalls.increment();
        if (priced.llm().usage().estimated()) estimatedUsage.increment();
      }
      Span masked = masker.mask(priced, p.masker());
      masked.piiCounts().forEach((kind, n) -> metrics.counter("vigil.pii.masked", "kind", kind).increment(n));
      out.add(masked);
    }
    return out;
  }

  private static String mask(PiiMasker m, String text) {
    return text == null ? null : m.mask(text).text();
  }

  private static Map<String, String> maskValues(PiiMasker m, Map<String, String> map) {
    if (map.isEmpty()) return map;
    Map<String, String> out = new java.util.LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, mask(m, v)));
    return out;
  }
}
