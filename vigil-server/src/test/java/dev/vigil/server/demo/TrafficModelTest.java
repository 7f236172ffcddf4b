package dev.vigil.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrafficModelTest {
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final long NOW_NANOS = NOW.getEpochSecond() * 1_000_000_000L;

  @Test
  void sameSeedAndClockGiveTheSameRequests() {
    TrafficModel a = new TrafficModel(7, CLOCK);
    TrafficModel b = new TrafficModel(7, CLOCK);
    assertThat(a.history(Duration.ofHours(1), 40)).isEqualTo(b.history(Duration.ofHours(1), 40));
    assertThat(a.tick(25)).isEqualTo(b.tick(25));
    assertThat(new TrafficModel(8, CLOCK).tick(25)).isNotEqualTo(new TrafficModel(7, CLOCK).tick(25));
  }

  @Test
  void idsAreValidAndParentsConsistent() {
    List<ExportTraceServiceRequest> requests = new TrafficModel(1, CLOCK).tick(600);
    assertThat(requests).hasSize(600);
    Set<ByteString> traceIds = new HashSet<>();
    for (ResourceSpans rs : Traces.all(requests)) {
      List<Span> spans = Traces.spans(rs);
      Map<ByteString, Span> byId = new HashMap<>();
      for (Span s : spans) {
        assertThat(s.getTraceId().size()).isEqualTo(16);
        assertThat(s.getSpanId().size()).isEqualTo(8);
        assertThat(nonZero(s.getTraceId())).isTrue();
        assertThat(nonZero(s.getSpanId())).isTrue();
        assertThat(s.getTraceId()).isEqualTo(spans.get(0).getTraceId());
        assertThat(s.getEndTimeUnixNano()).isGreaterThan(s.getStartTimeUnixNano());
        assertThat(byId.put(s.getSpanId(), s)).as("unique span id").isNull();
      }
      assertThat(traceIds.add(spans.get(0).getTraceId())).as("unique trace id").isTrue();
      assertThat(spans.stream().filter(s -> s.getParentSpanId().isEmpty())).hasSize(1);
      for (Span s : spans) {
        if (s.getParentSpanId().isEmpty()) continue;
        Span parent = byId.get(s.getParentSpanId());
        assertThat(parent).as("parent of %s", s.getName()).isNotNull();
        assertThat(s.getStartTimeUnixNano()).isGreaterThanOrEqualTo(parent.getStartTimeUnixNano());
        assertThat(s.getEndTimeUnixNano()).isLessThanOrEqualTo(parent.getEndTimeUnixNano());
      }
    }
  }

  @Test
  void tickTracesEndWithinTheLastSecondAndHistoryWithinTheWindow() {
    TrafficModel model = new TrafficModel(3, CLOCK);
    for (ResourceSpans rs : Traces.all(model.tick(50))) {
      long end = Traces.spans(rs).stream().mapToLong(Span::getEndTimeUnixNano).max().orElseThrow();
      assertThat(end).isBetween(NOW_NANOS - 1_000_000_000L, NOW_NANOS);
    }
    List<ExportTraceServiceRequest> history = model.history(Duration.ofHours(6), 300);
    long previous = 0;
    for (ResourceSpans rs : Traces.all(history)) {
      long end = Traces.spans(rs).stream().mapToLong(Span::getEndTimeUnixNano).max().orElseThrow();
      assertThat(end).isBetween(NOW_NANOS - Duration.ofHours(6).toNanos(), NOW_NANOS);
      assertThat(end).as("oldest first").isGreaterThanOrEqualTo(previous);
      previous = end;
    }
  }

  @Test
  void everyDialectIsPresent() {
    Set<String> keys = new HashSet<>();
    Set<String> services = new HashSet<>();
    Set<String> resourceFeatures = new HashSet<>();
    Set<String> spanFeatures = new HashSet<>();
    Set<String> models = new HashSet<>();
    Set<String> promptVersions = new HashSet<>();
    for (ResourceSpans rs : Traces.all(new TrafficModel(11, CLOCK).tick(1500))) {
      services.add(Traces.resource(rs, "service.name").orElseThrow());
      Traces.resource(rs, "vigil.feature").ifPresent(resourceFeatures::add);
      for (Span s : Traces.spans(rs)) {
        s.getAttributesList().forEach(kv -> keys.add(kv.getKey()));
        s.getEventsList().forEach(e -> e.getAttributesList().forEach(kv -> keys.add(kv.getKey())));
        Traces.string(s, "vigil.feature").ifPresent(spanFeatures::add);
        Traces.string(s, "gen_ai.request.model").ifPresent(models::add);
        Traces.string(s, "llm.model_name").ifPresent(models::add);
        Traces.string(s, "gen_ai.prompt.version").ifPresent(promptVersions::add);
      }
    }
    assertThat(services).containsExactlyInAnyOrder("support-api", "docs-worker", "search-api", "ticket-router", "ops-agent");
    assertThat(resourceFeatures).containsExactlyInAnyOrder("support-chat", "search-answer", "incident-agent");
    assertThat(spanFeatures).containsExactlyInAnyOrder("summarize", "classify");
    assertThat(models).contains("gpt-4o", "gpt-4o-mini", "claude-sonnet-4-20250514", "claude-3-5-haiku-20241022",
        "gemini-2.5-flash", ModelProfile.IN_HOUSE.requestModel());
    assertThat(promptVersions).containsExactlyInAnyOrder("v1", "v2");
    // OTel GenAI 1.37+
    assertThat(keys).contains("gen_ai.provider.name", "gen_ai.operation.name", "gen_ai.system_instructions",
        "gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.response.time_to_first_chunk",
        "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens", "gen_ai.usage.cache_read.input_tokens",
        "gen_ai.conversation.id", "gen_ai.prompt.name", "gen_ai.retrieval.documents", "gen_ai.tool.name",
        "gen_ai.tool.call.arguments", "gen_ai.agent.name", "error.type", "session.id", "user.id", "tag.tags", "metadata");
    // OpenLLMetry
    assertThat(keys).contains("gen_ai.system", "gen_ai.prompt.0.role", "gen_ai.prompt.1.content",
        "gen_ai.completion.0.content", "gen_ai.completion.0.finish_reason", "gen_ai.usage.prompt_tokens",
        "gen_ai.usage.completion_tokens", "gen_ai.usage.cache_read_input_tokens",
        "gen_ai.usage.cache_creation_input_tokens", "llm.usage.total_tokens", "traceloop.span.kind");
    // OpenInference
    assertThat(keys).contains("openinference.span.kind", "llm.model_name", "llm.input_messages.0.message.role",
        "llm.input_messages.1.message.content", "llm.output_messages.0.message.content", "llm.token_count.prompt",
        "llm.token_count.completion", "llm.token_count.prompt_details.cache_read",
        "retrieval.documents.0.document.content", "retrieval.documents.0.document.score");
    // old OTel GenAI names
    assertThat(keys).contains("gen_ai.response.finish_reasons", "gen_ai.prompt", "gen_ai.completion");
  }

  @Test
  void contentAttributesAreJsonInThePartsShape() throws Exception {
    ObjectMapper json = new ObjectMapper();
    int checked = 0;
    for (ResourceSpans rs : Traces.all(new TrafficModel(5, CLOCK).tick(300))) {
      for (Span s : Traces.spans(rs)) {
        for (String key : List.of("gen_ai.input.messages", "gen_ai.output.messages")) {
          if (Traces.string(s, key).isEmpty()) continue;
          JsonNode messages = json.readTree(Traces.string(s, key).get());
          assertThat(messages.isArray()).isTrue();
          for (JsonNode m : messages) {
            assertThat(m.path("role").isTextual()).isTrue();
            assertThat(m.path("parts").isArray()).isTrue();
            for (JsonNode part : m.path("parts")) assertThat(part.path("type").asText()).isNotEmpty();
          }
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void promptV2ReachesAGrowingShareOverTheHistory() {
    List<ResourceSpans> traces = Traces.all(new TrafficModel(9, CLOCK).history(Duration.ofHours(6), 4000));
    long firstHourEnd = NOW_NANOS - Duration.ofHours(5).toNanos();
    long lastHourStart = NOW_NANOS - Duration.ofHours(1).toNanos();
    int[] early = new int[2];
    int[] late = new int[2];
    for (ResourceSpans rs : traces) {
      for (Span s : Traces.spans(rs)) {
        String version = Traces.string(s, "gen_ai.prompt.version").orElse(null);
        if (version == null) continue;
        int[] bucket = s.getEndTimeUnixNano() < firstHourEnd ? early : s.getStartTimeUnixNano() > lastHourStart ? late : null;
        if (bucket != null) bucket[version.equals("v2") ? 1 : 0]++;
      }
    }
    double earlyShare = early[1] / (double) (early[0] + early[1]);
    double lateShare = late[1] / (double) (late[0] + late[1]);
    assertThat(earlyShare).isLessThan(0.35);
    assertThat(lateShare).isGreaterThan(0.45);
  }

  @Test
  void usersReactWorseToPromptV2WhileFeedbackPointsAtRealTraces() {
    TrafficModel model = new TrafficModel(9, CLOCK);
    List<ResourceSpans> traces = Traces.all(model.history(Duration.ofHours(6), 4000));
    Map<String, Boolean> v2ByTrace = new HashMap<>();
    for (ResourceSpans rs : traces) {
      for (Span s : Traces.spans(rs)) {
        String trace = HexFormat.of().formatHex(s.getTraceId().toByteArray());
        Traces.string(s, "gen_ai.prompt.version").ifPresent(v -> v2ByTrace.put(trace, v.equals("v2")));
        v2ByTrace.putIfAbsent(trace, null);
      }
    }
    List<Map<String, Object>> feedback = model.drainFeedback();
    assertThat(model.drainFeedback()).as("drained").isEmpty();
    assertThat(feedback).hasSizeGreaterThan(300);
    int[] followUps = new int[2];
    int[] up = new int[2];
    int[] down = new int[2];
    for (Map<String, Object> f : feedback) {
      String trace = (String) f.get("trace_id");
      assertThat(v2ByTrace).containsKey(trace);
      assertThat(Long.parseLong((String) f.get("timestamp_unix_nano"))).isLessThanOrEqualTo(NOW_NANOS);
      Boolean v2 = v2ByTrace.get(trace);
      if (v2 == null) continue;
      int i = v2 ? 1 : 0;
      switch ((String) f.get("kind")) {
        case "follow_up" -> followUps[i]++;
        case "thumbs_up" -> up[i]++;
        case "thumbs_down" -> down[i]++;
        default -> { }
      }
    }
    long v2Traces = v2ByTrace.values().stream().filter(Boolean.TRUE::equals).count();
    long v1Traces = v2ByTrace.values().stream().filter(Boolean.FALSE::equals).count();
    assertThat(followUps[1] / (double) v2Traces).as("follow-up rate v2 vs v1").isGreaterThan(1.5 * followUps[0] / v1Traces);
    assertThat(up[1] / (double) (up[1] + down[1])).as("thumbs-up share v2 vs v1").isLessThan(up[0] / (double) (up[0] + down[0]));
    assertThat(new TrafficModel(9, CLOCK).changes()).extracting(c -> c.get("change_type")).containsExactly("prompt_version", "deployment");
  }

  private static boolean nonZero(ByteString id) {
    for (int i = 0; i < id.size(); i++) if (id.byteAt(i) != 0) return true;
    return false;
  }
}
