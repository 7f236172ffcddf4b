package dev.vigil.storage.duckdb;

import dev.vigil.model.Content;
import dev.vigil.model.Cost;
import dev.vigil.model.CostSource;
import dev.vigil.model.LlmCall;
import dev.vigil.model.Span;
import dev.vigil.model.SpanAttachment;
import dev.vigil.model.SpanEvent;
import dev.vigil.model.SpanKind;
import dev.vigil.model.SpanType;
import dev.vigil.model.StatusCode;
import dev.vigil.model.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of spans and attachments in the segment log. Each record starts with a type and a
 * format version, so the reader can upgrade old records when the model grows: fields are only ever
 * appended, and a reader stops at the end of what a version wrote.
 */
final class RecordCodec {
  static final int SPAN = 1;
  static final int ATTACHMENT = 2;
  private static final int VERSION = 1;

  private RecordCodec() {}

  static void writeSpan(ByteWriter w, Span s) {
    w.writeByte(SPAN);
    w.writeByte(VERSION);
    w.writeString(s.traceId());
    w.writeString(s.spanId());
    w.writeString(s.parentSpanId());
    w.writeString(s.name());
    w.writeByte(s.kind().ordinal());
    w.writeByte(s.type().ordinal());
    w.writeVarLong(s.startEpochNanos());
    w.writeVarLong(s.durationNanos());
    w.writeByte(s.status().ordinal());
    w.writeString(s.statusMessage());
    w.writeString(s.errorType());
    w.writeString(s.serviceName());
    w.writeString(s.feature());
    w.writeString(s.userId());
    w.writeString(s.sessionId());
    ValueCodec.writeStrings(w, s.tags());
    ValueCodec.writeStringMap(w, s.metadata());
    w.writeString(s.promptName());
    w.writeString(s.promptVersion());
    w.writeString(s.environment());
    w.writeString(s.release());
    writeLlm(w, s.llm());
    writeContent(w, s.content());
    ValueCodec.writeMap(w, s.attributes());
    ValueCodec.writeMap(w, s.resourceAttributes());
    w.writeVarLong(s.events().size());
    for (SpanEvent e : s.events()) {
      w.writeString(e.name());
      w.writeVarLong(e.epochNanos());
      ValueCodec.writeMap(w, e.attributes());
    }
    ValueCodec.writeCounts(w, s.piiCounts());
  }

  static Span readSpan(ByteReader r) {
    int version = r.readByte();
    if (version != VERSION) throw new CorruptRecordException("unknown span record version " + version);
    String traceId = r.readString();
    String spanId = r.readString();
    String parent = r.readString();
    String name = r.readString();
    SpanKind kind = SpanKind.values()[r.readByte()];
    SpanType type = SpanType.values()[r.readByte()];
    long start = r.readVarLong();
    long duration = r.readVarLong();
    StatusCode status = StatusCode.values()[r.readByte()];
    String statusMessage = r.readString();
    String errorType = r.readString();
    String service = r.readString();
    String feature = r.readString();
    String userId = r.readString();
    String sessionId = r.readString();
    List<String> tags = ValueCodec.readStrings(r);
    var metadata = ValueCodec.readStringMap(r);
    String promptName = r.readString();
    String promptVersion = r.readString();
    String environment = r.readString();
    String release = r.readString();
    LlmCall llm = readLlm(r);
    Content content = readContent(r);
    var attributes = ValueCodec.readMap(r);
    var resource = ValueCodec.readMap(r);
    int eventCount = r.readVarInt();
    List<SpanEvent> events = new ArrayList<>(Math.min(eventCount, 256));
    for (int i = 0; i < eventCount; i++) {
      events.add(new SpanEvent(r.readString(), r.readVarLong(), ValueCodec.readMap(r)));
    }
    var pii = ValueCodec.readCounts(r);
    return new Span(traceId, spanId, parent, name, kind, type, start, start + duration, status,
        statusMessage, errorType, service, feature, userId, sessionId, tags, metadata, promptName,
        promptVersion, environment, release, llm, content, attributes, resource, events, pii);
  }

  static void writeAttachment(ByteWriter w, SpanAttachment a) {
    w.writeByte(ATTACHMENT);
    w.writeByte(VERSION);
    w.writeString(a.traceId());
    w.writeString(a.spanId());
    w.writeVarLong(a.epochNanos());
    w.writeString(a.eventName());
    MessageCodec.writeMessages(w, a.input());
    MessageCodec.writeMessages(w, a.output());
    ValueCodec.writeMap(w, a.attributes());
    ValueCodec.writeCounts(w, a.piiCounts());
  }

  static SpanAttachment readAttachment(ByteReader r) {
    int version = r.readByte();
    if (version != VERSION) throw new CorruptRecordException("unknown attachment record version " + version);
    return new SpanAttachment(r.readString(), r.readString(), r.readVarLong(), r.readString(),
        MessageCodec.readMessages(r), MessageCodec.readMessages(r), ValueCodec.readMap(r),
        ValueCodec.readCounts(r));
  }

  private static void writeLlm(ByteWriter w, LlmCall llm) {
    if (llm == null) {
      w.writeByte(0);
      return;
    }
    w.writeByte(1);
    w.writeString(llm.operation());
    w.writeString(llm.provider());
    w.writeString(llm.requestModel());
    w.writeString(llm.responseModel());
    Usage u = llm.usage();
    w.writeOptionalLong(u.input());
    w.writeOptionalLong(u.output());
    w.writeOptionalLong(u.cacheRead());
    w.writeOptionalLong(u.cacheWrite());
    w.writeOptionalLong(u.reasoning());
    w.writeByte(u.estimated() ? 1 : 0);
    Cost c = llm.cost();
    w.writeOptionalDouble(c.input());
    w.writeOptionalDouble(c.output());
    w.writeOptionalDouble(c.cacheRead());
    w.writeOptionalDouble(c.cacheWrite());
    w.writeOptionalDouble(c.reasoning());
    w.writeOptionalDouble(c.total());
    w.writeByte(c.source().ordinal());
    ValueCodec.writeStrings(w, llm.finishReasons());
    w.writeOptionalLong(llm.timeToFirstTokenNanos());
    w.writeByte(llm.streaming() ? 1 : 0);
    w.writeString(llm.responseId());
    ValueCodec.writeMap(w, llm.requestParameters());
  }

  private static LlmCall readLlm(ByteReader r) {
    if (r.readByte() == 0) return null;
    String operation = r.readString();
    String provider = r.readString();
    String requestModel = r.readString();
    String responseModel = r.readString();
    Usage usage = new Usage(r.readOptionalLong(), r.readOptionalLong(), r.readOptionalLong(),
        r.readOptionalLong(), r.readOptionalLong(), r.readBoolean());
    Cost cost = new Cost(r.readOptionalDouble(), r.readOptionalDouble(), r.readOptionalDouble(),
        r.readOptionalDouble(), r.readOptionalDouble(), r.readOptionalDouble(),
        CostSource.values()[r.readByte()]);
    List<String> finishReasons = ValueCodec.readStrings(r);
    Long ttft = r.readOptionalLong();
    boolean streaming = r.readBoolean();
    String responseId = r.readString();
    var parameters = ValueCodec.readMap(r);
    return new LlmCall(operation, provider, requestModel, responseModel, usage, cost, finishReasons,
        ttft, streaming, responseId, parameters);
  }

  private static void writeContent(ByteWriter w, Content c) {
    MessageCodec.writeMessages(w, c.input());
    MessageCodec.writeMessages(w, c.output());
    MessageCodec.writeDocuments(w, c.documents());
    w.writeString(c.inputValue());
    w.writeString(c.outputValue());
  }

  private static Content readContent(ByteReader r) {
    return new Content(MessageCodec.readMessages(r), MessageCodec.readMessages(r),
        MessageCodec.readDocuments(r), r.readString(), r.readString());
  }
}
