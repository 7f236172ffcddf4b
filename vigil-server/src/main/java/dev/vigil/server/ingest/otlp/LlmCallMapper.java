package dev.vigil.server.ingest.otlp;

import dev.vigil.model.LlmCall;
import dev.vigil.model.Message;
import dev.vigil.model.SpanType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The model-call part of LLM and embedding spans. */
final class LlmCallMapper {
  private static final String[] REQUEST_MODEL_KEYS = {
      "gen_ai.request.model", "llm.request.model_name", "llm.model_name", "embedding.model_name",
      "langfuse.observation.model.name"};
  private static final String[] RESPONSE_MODEL_KEYS = {"gen_ai.response.model", "llm.response.model_name"};
  private static final String[] RESPONSE_ID_KEYS = {"gen_ai.response.id", "llm.response.id"};
  private static final String[] FINISH_REASON_KEYS = {
      "llm.response.finish_reason", "llm.response.stop_reason", "llm.finish_reason"};

  private LlmCallMapper() {}

  static LlmCall map(SpanAttributes a, SpanType type, long startEpochNanos, List<Message> output) {
    String requestModel = a.text(REQUEST_MODEL_KEYS);
    String responseModel = a.text(RESPONSE_MODEL_KEYS);
    Long ttft = TimeToFirstToken.nanos(a, startEpochNanos);
    Map<String, Object> params = RequestParameters.of(a);
    Boolean stream = AnyValues.toBoolean(params.remove("stream")); // a field of its own
    if (stream == null) stream = AnyValues.toBoolean(a.get("llm.is_streaming"));
    return new LlmCall(
        operation(a, type),
        Providers.of(a),
        requestModel,
        responseModel,
        UsageMapper.usage(a),
        CostMapper.reported(a),
        finishReasons(a, output),
        ttft,
        stream != null ? stream : ttft != null, // only a stream has a first chunk
        a.text(RESPONSE_ID_KEYS),
        params);
  }

  private static String operation(SpanAttributes a, SpanType type) {
    String op = AnyValues.lower(a.get("gen_ai.operation.name"));
    if (op != null) return op;
    String requestType = AnyValues.lower(a.get("llm.request.type"));
    if ("completion".equals(requestType) || a.has(Family.LLM_PROMPTS)) return "text_completion";
    return type == SpanType.EMBEDDING ? "embeddings" : "chat";
  }

  /** Values as sent, lower-cased; the span-level list wins over per-message reasons. */
  static List<String> finishReasons(SpanAttributes a, List<Message> output) {
    List<String> reasons = lower(AnyValues.stringList(a.get("gen_ai.response.finish_reasons")));
    if (!reasons.isEmpty()) return reasons;
    String single = a.text(FINISH_REASON_KEYS);
    if (single != null) return List.of(single.trim().toLowerCase(Locale.ROOT));
    List<String> fromMessages = new ArrayList<>(1);
    for (Message m : output) {
      if (m.finishReason() != null) fromMessages.add(m.finishReason());
    }
    return fromMessages;
  }

  private static List<String> lower(List<String> values) {
    if (values.isEmpty()) return values;
    List<String> out = new ArrayList<>(values.size());
    for (String v : values) out.add(v.trim().toLowerCase(Locale.ROOT));
    return out;
  }
}
