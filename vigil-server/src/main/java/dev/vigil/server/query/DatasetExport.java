package dev.vigil.server.query;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.model.Feedback;
import dev.vigil.model.FeedbackKind;
import dev.vigil.model.Message;
import dev.vigil.model.Score;
import dev.vigil.model.Span;
import dev.vigil.server.scoring.eval.Subject;
import dev.vigil.storage.DatasetItem;
import dev.vigil.storage.Page;
import dev.vigil.storage.Storage;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a dataset as JSON Lines, one trace per line, read page by page so a large dataset never sits
 * in memory. The line format is documented in docs/api.md; input and output are chosen the way a
 * trace-level scorecard chooses them ({@link Subject#ofTrace}).
 */
public final class DatasetExport {
  private static final ObjectMapper MAPPER = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  private static final int PAGE = 200;

  private final Storage storage;

  public DatasetExport(Storage storage) {
    this.storage = storage;
  }

  /** @return the number of lines written */
  public long write(long projectId, String dataset, OutputStream out) throws IOException {
    long lines = 0;
    String cursor = null;
    do {
      Page<DatasetItem> page = storage.datasetStore().items(projectId, dataset, cursor, PAGE);
      for (DatasetItem item : page.items()) {
        MAPPER.writeValue(out, line(projectId, dataset, item));
        out.write('\n');
        lines++;
      }
      cursor = page.nextCursor();
    } while (cursor != null);
    out.flush();
    return lines;
  }

  Map<String, Object> line(long projectId, String dataset, DatasetItem item) {
    List<Span> spans = storage.spanStore().getTrace(projectId, item.traceId());
    List<Score> scores = storage.signalStore().scores(projectId, item.traceId());
    List<Feedback> feedback = storage.signalStore().feedback(projectId, item.traceId());
    Span root = spans.stream().filter(Span::isRoot).findFirst().orElse(spans.isEmpty() ? null : spans.get(0));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("trace_id", item.traceId());
    m.put("dataset", dataset);
    m.put("added_at", Instant.ofEpochSecond(0, item.addedEpochNanos()).toString());
    m.put("note", item.note());
    m.put("trace_found", root != null);
    Subject subject = root == null ? null : Subject.ofTrace(root, spans);
    m.put("input", subject == null ? null : subject.input());
    m.put("output", subject == null ? null : subject.output());
    String correction = feedback.stream().filter(f -> f.kind() == FeedbackKind.CORRECTION && f.comment() != null)
        .max(Comparator.comparingLong(Feedback::epochNanos)).map(Feedback::comment).orElse(null);
    m.put("expected", item.expected() != null ? item.expected() : correction);
    m.put("expected_source", item.expected() != null ? "item" : correction != null ? "correction" : null);
    m.put("messages", messages(spans));
    m.put("metadata", root == null ? Map.of() : metadata(root, spans));
    m.put("scores", scores.stream().map(DatasetExport::score).toList());
    m.put("feedback", feedback.stream().map(DatasetExport::feedback).toList());
    return m;
  }

  /** The conversation as the model saw it: the first call's input and the last call's output. */
  private static Map<String, Object> messages(List<Span> spans) {
    List<Span> calls = spans.stream().filter(Subject::isCall).sorted(Comparator.comparingLong(Span::endEpochNanos)).toList();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("input", calls.isEmpty() ? List.of() : calls.get(0).content().input().stream().map(DatasetExport::message).toList());
    m.put("output", calls.isEmpty() ? List.of()
        : calls.get(calls.size() - 1).content().output().stream().map(DatasetExport::message).toList());
    return m;
  }

  private static Map<String, Object> message(Message msg) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("role", msg.role());
    m.put("content", msg.content());
    if (msg.name() != null) m.put("name", msg.name());
    if (!msg.toolCalls().isEmpty()) {
      m.put("tool_calls", msg.toolCalls().stream().map(c -> Map.of("id", String.valueOf(c.id()), "name",
          String.valueOf(c.name()), "arguments", c.arguments() == null ? "" : c.arguments())).toList());
    }
    if (msg.toolCallId() != null) m.put("tool_call_id", msg.toolCallId());
    return m;
  }

  private static Map<String, Object> metadata(Span root, List<Span> spans) {
    List<String> models = new ArrayList<>();
    for (Span s : spans) {
      if (s.llm() != null && s.llm().model() != null && !models.contains(s.llm().model())) models.add(s.llm().model());
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", root.name());
    m.put("start_time", Instant.ofEpochSecond(0, root.startEpochNanos()).toString());
    m.put("duration_ms", root.durationNanos() / 1e6);
    m.put("service", root.serviceName());
    m.put("feature", root.feature());
    m.put("models", models);
    m.put("prompt_name", first(spans, Span::promptName));
    m.put("prompt_version", first(spans, Span::promptVersion));
    m.put("environment", root.environment());
    m.put("release", root.release());
    m.put("user_id", root.userId());
    m.put("session_id", root.sessionId());
    m.put("tags", root.tags());
    m.put("error", spans.stream().anyMatch(Span::isError));
    m.put("span_metadata", root.metadata());
    return m;
  }

  private static String first(List<Span> spans, java.util.function.Function<Span, String> field) {
    for (Span s : spans) if (field.apply(s) != null) return field.apply(s);
    return null;
  }

  private static Map<String, Object> score(Score s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("data_type", s.dataType().name().toLowerCase(Locale.ROOT));
    m.put("value", s.value());
    m.put("label", s.label());
    m.put("source", s.source().name().toLowerCase(Locale.ROOT));
    m.put("comment", s.comment());
    m.put("span_id", s.spanId());
    return m;
  }

  private static Map<String, Object> feedback(Feedback f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", f.kind().wireName());
    m.put("value", f.value());
    m.put("comment", f.comment());
    return m;
  }
}
