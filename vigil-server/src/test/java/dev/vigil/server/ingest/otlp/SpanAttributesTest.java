package dev.vigil.server.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Attributes;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The attribute table behaves as the LinkedHashMap it replaces: order, duplicates, unset values. */
class SpanAttributesTest {
  private static SpanAttributes attributes(List<KeyValue> keyValues) {
    return new SpanAttributes(OtlpTracesFromProto.attrs(keyValues));
  }

  private static KeyValue unset(String key) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.getDefaultInstance()).build();
  }

  @Test
  void firstPositionLastValueAndUnsetValuesLeftOut() {
    List<KeyValue> kvs = new ArrayList<>(ProtoSpans.kvs("a", "1", "b", 2L, "a", "3"));
    kvs.add(unset("b"));
    kvs.add(unset("c"));
    kvs.addAll(ProtoSpans.kvs("c", true));
    SpanAttributes a = attributes(kvs);

    assertThat(Attributes.copyOf(a.raw("", ""))).containsExactly(Map.entry("a", "3"), Map.entry("b", 2L),
        Map.entry("c", true));
    assertThat(a.get("a")).isEqualTo("3");
    assertThat(a.get("missing")).isNull();
  }

  @Test
  void rawLeavesContentOutAndAddsTheScopeUnlessSent() {
    SpanAttributes a = attributes(ProtoSpans.kvs("gen_ai.input.messages", "[]", "k", "v",
        "gen_ai.prompt.0.content", "hi", "gen_ai.prompt.name", "p", "otel.scope.version", "mine"));
    assertThat(a.has(Family.GEN_AI_PROMPT)).isTrue();
    assertThat(a.has(Family.GEN_AI_COMPLETION)).isFalse();

    Map<String, Object> raw = a.raw("lib", "1.0");
    assertThat(Attributes.copyOf(raw)).containsExactly(Map.entry("k", "v"), Map.entry("gen_ai.prompt.name", "p"),
        Map.entry("otel.scope.version", "mine"), Map.entry("otel.scope.name", "lib"));
    assertThat(raw).hasSize(4);
    assertThat(new LinkedHashMap<>(raw)).isEqualTo(Attributes.copyOf(raw)); // the iterator agrees with forEach
  }

  @Test
  void manyAttributesAreAllFound() {
    Object[] keyValues = new Object[600];
    for (int i = 0; i < 300; i++) {
      keyValues[2 * i] = "key." + i;
      keyValues[2 * i + 1] = (long) i;
    }
    SpanAttributes a = attributes(ProtoSpans.kvs(keyValues));
    for (int i = 0; i < 300; i++) assertThat(a.get("key." + i)).isEqualTo((long) i);
    assertThat(a.get("key.300")).isNull();
    assertThat(a.raw("lib", "")).hasSize(301);
  }
}
