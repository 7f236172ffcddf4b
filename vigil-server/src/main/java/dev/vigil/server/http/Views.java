package dev.vigil.server.http;

import dev.vigil.model.Content;
import dev.vigil.model.Feedback;
import dev.vigil.model.LlmCall;
import dev.vigil.model.Message;
import dev.vigil.model.Score;
import dev.vigil.model.Span;
import dev.vigil.server.query.TraceTree;
import dev.vigil.storage.MetricRow;
import dev.vigil.storage.SessionSummary;
import dev.vigil.storage.TraceSummary;
import dev.vigil.storage.UserSummary;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** JSON shapes of the query API (docs/api.md): times as ISO-8601, durations in milliseconds. */
final class Views {
  private Views() {}

  static Instant time(long epochNanos) {
    return Instant.ofEpochSecond(0, epochNanos);
  }

  static double millis(long nanos) {
    return nanos / 1_000_000d;
  }

  static Map<String, Object> trace(TraceSummary t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("trace_id", t.traceId());
    m.put("name", t.name());
    m.put("start_time", time(t.startEpochNanos()));
    m.put("duration_ms", millis(t.durationNanos()));
    m.put("span_count", t.spanCount());
    m.put("llm_calls", t.llmCallCount());
    m.put("errors", t.errorCount());
    m.put("service", t.serviceName());
    m.put("feature", t.feature());
    m.put("user_id", t.userId());
    m.put("session_id", t.sessionId());
    m.put("tags", t.tags());
    m.put("models", t.models());
    m.put("prompt_version", t.promptVersion());
    m.put("environment", t.environment());
    m.put("input_tokens", t.inputTokens());
    m.put("output_tokens", t.outputTokens());
    m.put("cost", t.cost());
    m.put("unpriced_calls", t.unpricedCalls());
    return m;
  }

  static Map<String, Object> tree(TraceTree node) {
    Map<String, Object> m = span(node.span());
    m.put("depth", node.depth());
    m.put("children", node.children().stream().map(Views::tree).toList());
    return m;
  }

  static Map<String, Object> span(Span s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("trace_id", s.traceId());
    m.put("span_id", s.spanId());
    m.put("parent_span_id", s.parentSpanId());
    m.put("name", s.name());
    m.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
    m.put("type", s.type().wireName());
    m.put("start_time", time(s.startEpochNanos()));
    m.put("end_time", time(s.endEpochNanos()));
    m.put("duration_ms", millis(s.durationNanos()));
    m.put("status", s.status().name().toLowerCase(Locale.ROOT));
    m.put("status_message", s.statusMessage());
    m.put("error_type", s.errorType());
    m.put("service", s.serviceName());
    m.put("feature", s.feature());
    m.put("user_id", s.userId());
    m.put("session_id", s.sessionId());
    m.put("tags", s.tags());
    m.put("metadata", s.metadata());
    m.put("prompt_name", s.promptName());
    m.put("prompt_version", s.promptVersion());
    m.put("environment", s.environment());
    m.put("release", s.release());
    m.put("llm", s.llm() == null ? null : llm(s.llm()));
    Content c = s.content();
    m.put("input", io(c.input(), c.inputValue()));
    m.put("output", io(c.output(), c.outputValue()));
    m.put("documents", c.documents());
    m.put("attributes", s.attributes());
    m.put("resource_attributes", s.resourceAttributes());
    m.put("events", s.events().stream().map(e -> Map.of("name", e.name(), "time", time(e.epochNanos()),
        "attributes", e.attributes())).toList());
    m.put("pii_masked", s.piiCounts());
    return m;
  }

  private static Map<String, Object> io(List<Message> messages, String value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("messages", messages.stream().map(Views::message).toList());
    m.put("value", value);
    return m;
  }

  static Map<String, Object> message(Message msg) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("role", msg.role());
    m.put("content", msg.content());
    if (msg.name() != null) m.put("name", msg.name());
    if (!msg.toolCalls().isEmpty()) m.put("tool_calls", msg.toolCalls());
    if (msg.toolCallId() != null) m.put("tool_call_id", msg.toolCallId());
    if (msg.finishReason() != null) m.put("finish_reason", msg.finishReason());
    return m;
  }

  static Map<String, Object> llm(LlmCall l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("operation", l.operation());
    m.put("provider", l.provider());
    m.put("request_model", l.requestModel());
    m.put("response_model", l.responseModel());
    Map<String, Object> usage = new LinkedHashMap<>();
    usage.put("input_tokens", l.usage().input());
    usage.put("output_tokens", l.usage().output());
    usage.put("cache_read_tokens", l.usage().cacheRead());
    usage.put("cache_write_tokens", l.usage().cacheWrite());
    usage.put("reasoning_tokens", l.usage().reasoning());
    usage.put("total_tokens", l.usage().total());
    usage.put("estimated", l.usage().estimated());
    m.put("usage", usage);
    Map<String, Object> cost = new LinkedHashMap<>();
    cost.put("input", l.cost().input());
    cost.put("output", l.cost().output());
    cost.put("cache_read", l.cost().cacheRead());
    cost.put("cache_write", l.cost().cacheWrite());
    cost.put("reasoning", l.cost().reasoning());
    cost.put("total", l.cost().total());
    cost.put("source", l.cost().source().wireName());
    cost.put("unpriced", l.cost().unpriced());
    m.put("cost", cost);
    m.put("finish_reasons", l.finishReasons());
    m.put("time_to_first_token_ms", l.timeToFirstTokenNanos() == null ? null : millis(l.timeToFirstTokenNanos()));
    m.put("streaming", l.streaming());
    m.put("response_id", l.responseId());
    m.put("request_parameters", l.requestParameters());
    return m;
  }

  static Map<String, Object> session(SessionSummary s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("session_id", s.sessionId());
    m.put("user_id", s.userId());
    m.put("first_time", time(s.firstEpochNanos()));
    m.put("last_time", time(s.lastEpochNanos()));
    m.put("traces", s.traceCount());
    m.put("errors", s.errorCount());
    m.put("input_tokens", s.inputTokens());
    m.put("output_tokens", s.outputTokens());
    m.put("cost", s.cost());
    return m;
  }

  static Map<String, Object> user(UserSummary u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("user_id", u.userId());
    m.put("first_time", time(u.firstEpochNanos()));
    m.put("last_time", time(u.lastEpochNanos()));
    m.put("traces", u.traceCount());
    m.put("sessions", u.sessionCount());
    m.put("llm_calls", u.llmCallCount());
    m.put("errors", u.errorCount());
    m.put("input_tokens", u.inputTokens());
    m.put("output_tokens", u.outputTokens());
    m.put("cost", u.cost());
    return m;
  }

  static Map<String, Object> metric(MetricRow r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("bucket_start", time(r.bucketStartEpochNanos()));
    Map<String, String> group = new LinkedHashMap<>();
    r.group().forEach((d, v) -> group.put(d.wireName(), v));
    m.put("group", group);
    m.put("count", r.count());
    m.put("errors", r.errors());
    m.put("error_rate", r.errorRate());
    m.put("refusals", r.refusals());
    m.put("refusal_rate", r.refusalRate());
    Map<String, Object> latency = new LinkedHashMap<>();
    latency.put("p50", r.latencyP50Ms());
    latency.put("p95", r.latencyP95Ms());
    latency.put("p99", r.latencyP99Ms());
    m.put("latency_ms", latency);
    Map<String, Object> ttft = new LinkedHashMap<>();
    ttft.put("p50", r.ttftP50Ms());
    ttft.put("p95", r.ttftP95Ms());
    m.put("ttft_ms", ttft);
    m.put("input_tokens", r.inputTokens());
    m.put("output_tokens", r.outputTokens());
    m.put("cost", r.cost());
    m.put("unpriced", r.unpriced());
    return m;
  }

  static Map<String, Object> score(Score s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("span_id", s.spanId());
    m.put("name", s.name());
    m.put("data_type", s.dataType().name().toLowerCase(Locale.ROOT));
    m.put("value", s.value());
    m.put("label", s.label());
    m.put("source", s.source().name().toLowerCase(Locale.ROOT));
    m.put("comment", s.comment());
    m.put("time", time(s.epochNanos()));
    m.put("metadata", s.metadata());
    return m;
  }

  static Map<String, Object> feedback(Feedback f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", f.id());
    m.put("kind", f.kind().wireName());
    m.put("value", f.value());
    m.put("comment", f.comment());
    m.put("user_id", f.userId());
    m.put("time", time(f.epochNanos()));
    return m;
  }

  static List<Map<String, Object>> traces(List<TraceSummary> traces) {
    return traces.stream().map(Views::trace).toList();
  }
}
