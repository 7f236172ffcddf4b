package dev.vigil.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributesTest {

  @Test
  void copiesOnceKeepsOrderAndDropsNulls() {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("b", 1L);
    source.put("a", "x");
    source.put("n", null);
    Map<String, Object> copy = Attributes.copyOf(source);
    assertThat(copy).containsExactly(Map.entry("b", 1L), Map.entry("a", "x"));
    assertThat(Attributes.copyOf(copy)).isSameAs(copy);
    source.put("c", true);
    assertThat(copy).doesNotContainKey("c"); // a copy, not a view
    assertThatThrownBy(() -> copy.put("d", 1L)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(copy).isEqualTo(new HashMap<>(Map.of("a", "x", "b", 1L)));
  }

  @Test
  void spansOfOneResourceShareItsMap() {
    Map<String, Object> resource = Attributes.copyOf(Map.of("service.name", "api"));
    Span a = Span.builder().traceId("0af7651916cd43dd8448eb211c80319c").spanId("00000000000000aa")
        .startEpochNanos(1).resourceAttributes(resource).build();
    Span b = Span.builder().traceId("0af7651916cd43dd8448eb211c80319c").spanId("00000000000000bb")
        .startEpochNanos(1).resourceAttributes(resource).build();
    assertThat(a.resourceAttributes()).isSameAs(b.resourceAttributes()).isSameAs(resource);
  }
}
