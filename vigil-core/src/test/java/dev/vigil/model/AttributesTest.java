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

  @Test
  void distinctArraysBecomeAnImmutableOrderedMapThatBehavesLikeAnyOther() {
    String[] keys = {"b", null, "a", "n", "c"};
    Object[] values = {1L, "dropped", "x", null, true};
    Map<String, Object> map = Attributes.ofDistinct(keys, values, 5);
    keys[0] = "changed"; // copied, not a view
    assertThat(map).containsExactly(Map.entry("b", 1L), Map.entry("a", "x"), Map.entry("c", true));
    assertThat(map.get("a")).isEqualTo("x");
    assertThat(map.get("n")).isNull();
    assertThat(map.get(7)).isNull();
    assertThat(map.containsKey("c")).isTrue();
    assertThat(map).isEqualTo(Map.of("a", "x", "b", 1L, "c", true)).hasSameHashCodeAs(Map.of("a", "x", "b", 1L, "c", true));
    assertThat(Attributes.copyOf(map)).isSameAs(map);
    assertThatThrownBy(() -> map.put("d", 1L)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.entrySet().iterator().remove()).isInstanceOf(RuntimeException.class);
    assertThat(Attributes.ofDistinct(new String[] {null}, new Object[] {1L}, 1)).isEmpty();
  }

  @Test
  void largeDistinctArraysStayHashed() {
    String[] keys = new String[100];
    Object[] values = new Object[100];
    LinkedHashMap<String, Object> expected = new LinkedHashMap<>();
    for (int i = 0; i < 100; i++) {
      keys[i] = "key." + i;
      values[i] = (long) i;
      expected.put(keys[i], values[i]);
    }
    Map<String, Object> map = Attributes.ofDistinct(keys, values, 100);
    assertThat(map).containsExactlyEntriesOf(expected);
    assertThat(map.get("key.99")).isEqualTo(99L);
    assertThat(Attributes.copyOf(map)).isSameAs(map);
  }
}
