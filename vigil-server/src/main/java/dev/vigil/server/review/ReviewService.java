package dev.vigil.server.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Document;
import dev.vigil.model.Score;
import dev.vigil.model.ScoreSource;
import dev.vigil.model.Span;
import dev.vigil.server.scoring.eval.Subject;
import dev.vigil.server.scoring.scorecard.Scorecard;
import dev.vigil.server.scoring.scorecard.ScorecardRegistry;
import dev.vigil.storage.ReviewItem;
import dev.vigil.storage.ReviewQueue;
import dev.vigil.storage.Storage;
import dev.vigil.storage.TraceSummary;
import dev.vigil.util.EpochNanos;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Human review: annotation queues built from a trace search or from the worst-scored traces, labelling
 * with a scorecard's rubric (the labels are scores with source {@code annotation}), and the
 * calibration of each evaluator against those labels. Every call is scoped to one project.
 */
public final class ReviewService {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Storage storage;
  private final ScorecardRegistry scorecards;
  private final Clock clock;

  public ReviewService(Storage storage, ScorecardRegistry scorecards, Clock clock) {
    this.storage = storage;
    this.scorecards = scorecards;
    this.clock = clock;
  }

  /** A queue with how far its review has come. */
  public record QueueStatus(ReviewQueue queue, ReviewItem.Progress progress) {}

  /** @throws IllegalArgumentException when the spec is wrong or selects no trace */
  public QueueStatus create(long project, JsonNode body) {
    QueueSpec spec = QueueSpec.parse(body, clock);
    if (spec.scorecard() != null) rubric(project, spec.scorecard(), IllegalArgumentException::new);
    List<String> traces;
    if (spec.filter() != null) {
      traces = storage.spanStore().findTraces(project, spec.filter()).items().stream().map(TraceSummary::traceId).toList();
    } else {
      QueueSpec.Worst w = spec.worst();
      if (w.scorecard() != null) {
        Rubric r = rubric(project, w.scorecard(), IllegalArgumentException::new);
        if (r.field(w.metric()) == null) {
          throw new IllegalArgumentException("'worst.metric': '" + w.metric() + "' is not a metric of scorecard '" + w.scorecard() + "'");
        }
      }
      traces = storage.reviewStore().lowestScoredTraces(project, w.metric(), w.scorecard(), w.fromEpochNanos(), w.toEpochNanos(), w.limit());
    }
    if (traces.isEmpty()) throw new IllegalArgumentException("no traces match, so there is nothing to review; widen the filter or the time range");
    ReviewQueue q = new ReviewQueue(HexFormat.of().formatHex(randomBytes()), spec.name(), spec.scorecard(), spec.origin(),
        EpochNanos.of(clock.instant()));
    storage.reviewStore().createQueue(project, q, traces);
    return new QueueStatus(q, storage.reviewStore().progress(project, q.id()));
  }

  public List<QueueStatus> queues(long project) {
    return storage.reviewStore().queues(project).stream()
        .map(q -> new QueueStatus(q, storage.reviewStore().progress(project, q.id()))).toList();
  }

  /** @throws NoSuchElementException when the project has no such queue */
  public QueueStatus queue(long project, String queueId) {
    ReviewQueue q = storage.reviewStore().queue(project, queueId)
        .orElseThrow(() -> new NoSuchElementException("no review queue '" + queueId + "' in this project"));
    return new QueueStatus(q, storage.reviewStore().progress(project, queueId));
  }

  public boolean delete(long project, String queueId) {
    return storage.reviewStore().deleteQueue(project, queueId);
  }

  public List<ReviewItem> items(long project, String queueId) {
    queue(project, queueId);
    return storage.reviewStore().items(project, queueId);
  }

  /** The first pending item, with its trace; empty when the queue is finished. */
  public Optional<ItemView> next(long project, String queueId) {
    queue(project, queueId);
    return storage.reviewStore().nextPending(project, queueId).map(i -> view(project, i));
  }

  public ItemView item(long project, String queueId, String traceId) {
    return view(project, find(project, queueId, traceId));
  }

  /** The rubric the queue's items are labelled with; {@code scorecard} picks one when the queue has none. */
  public Rubric rubric(long project, String queueId, String scorecard) {
    ReviewQueue q = queue(project, queueId).queue();
    if (q.scorecard() != null && scorecard != null && !scorecard.equals(q.scorecard())) {
      throw new IllegalArgumentException("this queue is labelled with scorecard '" + q.scorecard() + "', not '" + scorecard + "'");
    }
    String name = q.scorecard() != null ? q.scorecard() : scorecard;
    if (name == null) throw new IllegalArgumentException("this queue has no scorecard: name one in 'scorecard' to label with its rubric");
    return rubric(project, name, q.scorecard() != null ? IllegalStateException::new : IllegalArgumentException::new);
  }

  /**
   * Records a person's labels for one item as annotation scores and marks it done.
   * @throws IllegalArgumentException when a label does not fit the rubric
   * @throws IllegalStateException when the item was already labelled
   */
  public ItemView label(long project, String queueId, String traceId, String scorecard, JsonNode scores, String comment) {
    ReviewItem item = find(project, queueId, traceId);
    Rubric rubric = rubric(project, queueId, scorecard);
    List<Labels.Label> labels = Labels.parse(rubric, scores);
    if (item.state() == ReviewItem.State.DONE) throw new IllegalStateException("trace " + traceId + " is already labelled in this queue");
    List<Span> spans = storage.spanStore().getTrace(project, traceId);
    long start = spans.stream().mapToLong(Span::startEpochNanos).min().orElse(EpochNanos.of(clock.instant()));
    storage.signalStore().putScores(project, Labels.scores(rubric, labels, queueId, traceId, start, comment, clock.instant()));
    storage.reviewStore().setState(project, queueId, traceId, ReviewItem.State.DONE, EpochNanos.of(clock.instant()));
    return view(project, find(project, queueId, traceId));
  }

  /** Passes an item over; a skipped item can still be labelled later. */
  public ItemView skip(long project, String queueId, String traceId) {
    ReviewItem item = find(project, queueId, traceId);
    if (item.state() == ReviewItem.State.DONE) throw new IllegalStateException("trace " + traceId + " is already labelled in this queue");
    storage.reviewStore().setState(project, queueId, traceId, ReviewItem.State.SKIPPED, EpochNanos.of(clock.instant()));
    return view(project, find(project, queueId, traceId));
  }

  /** Agreement, kappa and Spearman of each metric of {@code scorecard} against people's labels. */
  public List<MetricCalibration> calibration(long project, String scorecard, double threshold) {
    Rubric rubric = rubric(project, scorecard, NoSuchElementException::new);
    return Calibration.report(rubric, storage.reviewStore().reviewedScores(project, scorecard), threshold);
  }

  private Rubric rubric(long project, String name, java.util.function.Function<String, RuntimeException> error) {
    Scorecard card = scorecards.get(project, name).orElseThrow(() -> error.apply("no scorecard '" + name + "' in this project; known: "
        + scorecards.forProject(project).stream().map(Scorecard::name).toList()));
    return Rubric.of(card);
  }

  private ReviewItem find(long project, String queueId, String traceId) {
    queue(project, queueId);
    return storage.reviewStore().item(project, queueId, traceId)
        .orElseThrow(() -> new NoSuchElementException("trace " + traceId + " is not in review queue '" + queueId + "'"));
  }

  private ItemView view(long project, ReviewItem item) {
    List<Score> labels = storage.signalStore().scores(project, item.traceId()).stream()
        .filter(s -> s.source() == ScoreSource.ANNOTATION && item.queueId().equals(s.metadata().get("queue"))).toList();
    List<Span> spans = storage.spanStore().getTrace(project, item.traceId());
    if (spans.isEmpty()) return new ItemView(item, false, null, null, 0, "", "", List.of(), labels);
    Span root = spans.stream().filter(Span::isRoot).findFirst()
        .orElse(spans.stream().min(Comparator.comparingLong(Span::startEpochNanos)).orElseThrow());
    Subject subject = Subject.ofTrace(root, spans);
    List<Document> docs = new ArrayList<>();
    for (Span s : spans) docs.addAll(s.content().documents());
    return new ItemView(item, true, root.name(), subject.feature() != null ? subject.feature()
        : spans.stream().map(Span::feature).filter(java.util.Objects::nonNull).findFirst().orElse(null),
        root.startEpochNanos(), subject.input(), subject.output(), docs, labels);
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[6];
    RANDOM.nextBytes(b);
    return b;
  }
}
