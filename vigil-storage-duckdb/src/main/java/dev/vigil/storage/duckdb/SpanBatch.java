package dev.vigil.storage.duckdb;

import dev.vigil.model.Content;
import dev.vigil.model.LlmCall;
import dev.vigil.model.Message;
import dev.vigil.model.Span;
import dev.vigil.model.Usage;
import java.util.List;

/**
 * The analytic columns of {@code span_index}, taken from each span once at ingest. The order of
 * {@link #columns} is the table's column order (checked by a test against the migration).
 */
final class SpanBatch extends ColumnBatch {
  static final String TAG_SEPARATOR = "\u001f";

  final Column.I64 project = add(new Column.I64("project_id"));
  final Column.I64 traceHi = add(new Column.I64("trace_hi"));
  final Column.I64 traceLo = add(new Column.I64("trace_lo"));
  final Column.I64 spanId = add(new Column.I64("span_id"));
  final Column.I64 parentId = add(new Column.I64("parent_id"));
  final Column.Str name = add(new Column.Str("name"));
  final Column.Str type = add(new Column.Str("span_type"));
  final Column.I64 start = add(new Column.I64("start_ns"));
  final Column.I64 duration = add(new Column.I64("duration_ns"));
  final Column.Bool error = add(new Column.Bool("is_error"));
  final Column.Str errorType = add(new Column.Str("error_type"));
  final Column.Str service = add(new Column.Str("service"));
  final Column.Str feature = add(new Column.Str("feature"));
  final Column.Str userId = add(new Column.Str("user_id"));
  final Column.Str sessionId = add(new Column.Str("session_id"));
  final Column.Str tags = add(new Column.Str("tags"));
  final Column.Str promptName = add(new Column.Str("prompt_name"));
  final Column.Str promptVersion = add(new Column.Str("prompt_version"));
  final Column.Str environment = add(new Column.Str("environment"));
  final Column.Str release = add(new Column.Str("release"));
  final Column.Str provider = add(new Column.Str("provider"));
  final Column.Str model = add(new Column.Str("model"));
  final Column.I64 inputTokens = add(new Column.I64("input_tokens"));
  final Column.I64 outputTokens = add(new Column.I64("output_tokens"));
  final Column.I64 cacheReadTokens = add(new Column.I64("cache_read_tokens"));
  final Column.I64 cacheWriteTokens = add(new Column.I64("cache_write_tokens"));
  final Column.I64 reasoningTokens = add(new Column.I64("reasoning_tokens"));
  final Column.Bool tokensEstimated = add(new Column.Bool("tokens_estimated"));
  final Column.F64 cost = add(new Column.F64("cost"));
  final Column.Str costSource = add(new Column.Str("cost_source"));
  final Column.Str finishReason = add(new Column.Str("finish_reason"));
  final Column.Bool refusal = add(new Column.Bool("is_refusal"));
  final Column.I64 ttft = add(new Column.I64("ttft_ns"));
  final Column.Bool streaming = add(new Column.Bool("streaming"));
  final Column.I64 inputChars = add(new Column.I64("input_chars"));
  final Column.I64 outputChars = add(new Column.I64("output_chars"));
  final Column.I64 piiCount = add(new Column.I64("pii_count"));
  final Column.I64 received = add(new Column.I64("received_ns"));

  SpanBatch(long projectId, int expectedRows) {
    super(projectId, expectedRows);
  }

  void add(Span s, int recordIndex, long receivedNanos) {
    int r = newRow(recordIndex);
    project.set(r, projectId);
    traceHi.set(r, IdCodec.traceHi(s.traceId()));
    traceLo.set(r, IdCodec.traceLo(s.traceId()));
    spanId.set(r, IdCodec.span(s.spanId()));
    parentId.set(r, s.parentSpanId() == null ? null : IdCodec.span(s.parentSpanId()));
    name.set(r, Interned.of(s.name()));
    type.set(r, s.type().wireName());
    start.set(r, s.startEpochNanos());
    duration.set(r, s.durationNanos());
    error.set(r, s.isError());
    errorType.set(r, Interned.of(s.errorType()));
    service.set(r, Interned.of(s.serviceName()));
    feature.set(r, Interned.of(s.feature()));
    userId.set(r, s.userId());
    sessionId.set(r, s.sessionId());
    tags.set(r, s.tags().isEmpty() ? null : String.join(TAG_SEPARATOR, s.tags()));
    promptName.set(r, Interned.of(s.promptName()));
    promptVersion.set(r, Interned.of(s.promptVersion()));
    environment.set(r, Interned.of(s.environment()));
    release.set(r, Interned.of(s.release()));
    LlmCall llm = s.llm();
    Usage u = llm == null ? Usage.NONE : llm.usage();
    provider.set(r, llm == null ? null : Interned.of(llm.provider()));
    model.set(r, llm == null ? null : Interned.of(llm.model()));
    inputTokens.set(r, u.input());
    outputTokens.set(r, u.output());
    cacheReadTokens.set(r, u.cacheRead());
    cacheWriteTokens.set(r, u.cacheWrite());
    reasoningTokens.set(r, u.reasoning());
    tokensEstimated.set(r, u.estimated());
    cost.set(r, llm == null ? null : llm.cost().total());
    costSource.set(r, llm == null ? null : llm.cost().source().wireName());
    finishReason.set(r, llm == null ? null : Interned.of(llm.finishReason()));
    refusal.set(r, Refusals.isRefusal(s));
    ttft.set(r, llm == null ? null : llm.timeToFirstTokenNanos());
    streaming.set(r, llm != null && llm.streaming());
    Content c = s.content();
    inputChars.set(r, chars(c.input(), c.inputValue()));
    outputChars.set(r, chars(c.output(), c.outputValue()));
    int pii = 0;
    for (int n : s.piiCounts().values()) pii += n;
    piiCount.set(r, (long) pii);
    received.set(r, receivedNanos);
  }

  private static long chars(List<Message> messages, String value) {
    if (messages.isEmpty()) return value == null ? 0 : value.length();
    long n = 0;
    for (Message m : messages) if (m.content() != null) n += m.content().length();
    return n;
  }
}
