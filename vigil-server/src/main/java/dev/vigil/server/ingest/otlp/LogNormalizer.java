package dev.vigil.server.ingest.otlp;

import dev.vigil.model.Ids;
import dev.vigil.model.Message;
import dev.vigil.model.Score;
import dev.vigil.model.SpanAttachment;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GenAI content events sent to /v1/logs (the way OTel's own instrumentations send prompts and
 * completions) to {@link SpanAttachment}s, joined to their span when read, and
 * {@code gen_ai.evaluation.result} events to scores (see {@link EvaluationEvents}). Other log records are
 * counted and dropped: Vigil is not a log store. Stateless and thread-safe.
 */
public final class LogNormalizer {
  private static final String EVENT_NAME = "event.name";

  public NormalizedLogs normalize(ExportLogsServiceRequest request) {
    Rejections rejections = new Rejections();
    int ignored = 0;
    List<SpanAttachment> attachments = new ArrayList<>();
    List<Score> scores = new ArrayList<>();
    for (int r = 0; r < request.getResourceLogsCount(); r++) {
      ResourceLogs rl = request.getResourceLogs(r);
      for (int s = 0; s < rl.getScopeLogsCount(); s++) {
        ScopeLogs sl = rl.getScopeLogs(s);
        for (int i = 0; i < sl.getLogRecordsCount(); i++) {
          LogRecord record = sl.getLogRecords(i);
          String event = eventName(record);
          if (EvaluationEvents.EVENT.equals(event)) {
            try {
              scores.add(evaluation(record));
            } catch (IllegalArgumentException e) {
              rejections.add("resourceLogs[" + r + "].scopeLogs[" + s + "].logRecords[" + i + "] " + event + ": "
                  + e.getMessage());
            }
            continue;
          }
          if (event == null || !GenAiEvents.isContent(event)) {
            ignored++;
            continue;
          }
          try {
            attachments.add(attachment(record, event));
          } catch (IllegalArgumentException e) {
            rejections.add("resourceLogs[" + r + "].scopeLogs[" + s + "].logRecords[" + i + "] " + event + ": "
                + e.getMessage());
          }
        }
      }
    }
    return new NormalizedLogs(attachments, scores, rejections.count(), ignored, rejections.messages());
  }

  /**
   * An evaluation result needs its trace (the score is attached to it); the span id is optional. The
   * convention allows gen_ai.response.id alone, but Vigil keeps no index from response ids to traces.
   */
  private static Score evaluation(LogRecord record) {
    if (record.getTraceId().isEmpty()) {
      throw new IllegalArgumentException("needs the trace id of the evaluated operation (gen_ai.response.id alone "
          + "cannot be joined to a trace)");
    }
    String traceId = Ids.traceId(record.getTraceId().toByteArray());
    String spanId = record.getSpanId().isEmpty() ? null : Ids.spanId(record.getSpanId().toByteArray(), "spanId");
    long time = record.getTimeUnixNano() != 0 ? record.getTimeUnixNano() : record.getObservedTimeUnixNano();
    if (time == 0) throw new IllegalArgumentException("needs timeUnixNano or observedTimeUnixNano");
    Map<String, Object> attributes = AnyValues.map(record.getAttributesList());
    if (!attributes.containsKey(EvaluationEvents.NAME) && AnyValues.toJava(record.getBody()) instanceof Map<?, ?> body) {
      body.forEach((k, v) -> attributes.putIfAbsent(String.valueOf(k), v)); // some emitters put the fields in the body
    }
    return EvaluationEvents.score(traceId, spanId, time, attributes, "log");
  }

  /** The LogRecord event_name field, else the older event.name attribute; found without building a map. */
  private static String eventName(LogRecord record) {
    if (!record.getEventName().isEmpty()) return record.getEventName();
    for (KeyValue kv : record.getAttributesList()) {
      if (EVENT_NAME.equals(kv.getKey())) return AnyValues.text(AnyValues.toJava(kv.getValue()));
    }
    return null;
  }

  private static SpanAttachment attachment(LogRecord record, String event) {
    if (record.getTraceId().isEmpty() || record.getSpanId().isEmpty()) {
      throw new IllegalArgumentException("a GenAI event needs a trace id and a span id to be joined to its span");
    }
    String traceId = Ids.traceId(record.getTraceId().toByteArray());
    String spanId = Ids.spanId(record.getSpanId().toByteArray(), "spanId");
    Map<String, Object> attributes = AnyValues.map(record.getAttributesList());
    Object body = AnyValues.toJava(record.getBody());
    List<Message> input = new ArrayList<>(2);
    List<Message> output = new ArrayList<>(1);
    GenAiEvents.collect(event, body, attributes, input, output);
    // The content is now in the messages: keep the rest (model, provider, usage …) as sent.
    attributes.remove(EVENT_NAME);
    attributes.remove("gen_ai.system_instructions");
    attributes.remove("gen_ai.input.messages");
    attributes.remove("gen_ai.output.messages");
    attributes.remove("gen_ai.prompt");
    attributes.remove("gen_ai.completion");
    attributes.remove("gen_ai.event.content");
    long time = record.getTimeUnixNano() != 0 ? record.getTimeUnixNano() : record.getObservedTimeUnixNano();
    return new SpanAttachment(traceId, spanId, time, event, input, output, attributes, null);
  }
}
