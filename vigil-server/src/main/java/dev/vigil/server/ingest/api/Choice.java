package dev.vigil.server.ingest.api;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** An enumerated wire value: the enum constant's lower-case name, matched case-insensitively. */
final class Choice<E extends Enum<E>> {
  private final Map<String, E> byName = new LinkedHashMap<>();
  private final String expected;

  private Choice(Class<E> type) {
    for (E e : type.getEnumConstants()) byName.put(e.name().toLowerCase(Locale.ROOT), e);
    expected = String.join(", ", byName.keySet());
  }

  static <E extends Enum<E>> Choice<E> of(Class<E> type) {
    return new Choice<>(type);
  }

  E find(String wire) {
    return byName.get(wire.toLowerCase(Locale.ROOT));
  }

  String expected() {
    return expected;
  }
}
