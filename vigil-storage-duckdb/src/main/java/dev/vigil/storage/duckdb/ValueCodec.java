package dev.vigil.storage.duckdb;

import dev.vigil.model.Attributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed attribute values and small collections, shared by the span and attachment codecs. */
final class ValueCodec {
  private static final int NULL = 0, STRING = 1, LONG = 2, DOUBLE = 3, TRUE = 4, FALSE = 5, LIST = 6, MAP = 7;

  private ValueCodec() {}

  static void writeValue(ByteWriter w, Object v) {
    switch (v) {
      case null -> w.writeByte(NULL);
      case String s -> {
        w.writeByte(STRING);
        w.writeString(s);
      }
      case Long l -> {
        w.writeByte(LONG);
        w.writeSignedVarLong(l);
      }
      case Integer i -> {
        w.writeByte(LONG);
        w.writeSignedVarLong(i);
      }
      case Double d -> {
        w.writeByte(DOUBLE);
        w.writeDouble(d);
      }
      case Float f -> {
        w.writeByte(DOUBLE);
        w.writeDouble(f);
      }
      case Boolean b -> w.writeByte(b ? TRUE : FALSE);
      case List<?> list -> {
        w.writeByte(LIST);
        w.writeVarLong(list.size());
        for (Object o : list) writeValue(w, o);
      }
      case Map<?, ?> map -> {
        w.writeByte(MAP);
        w.writeVarLong(map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
          w.writeString(String.valueOf(e.getKey()));
          writeValue(w, e.getValue());
        }
      }
      default -> {
        w.writeByte(STRING);
        w.writeString(v.toString());
      }
    }
  }

  static Object readValue(ByteReader r) {
    int tag = r.readByte();
    return switch (tag) {
      case NULL -> null;
      case STRING -> r.readString();
      case LONG -> r.readSignedVarLong();
      case DOUBLE -> r.readDouble();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case LIST -> {
        int n = r.readVarInt();
        List<Object> list = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) list.add(readValue(r));
        yield list;
      }
      case MAP -> readMap(r);
      default -> throw new CorruptRecordException("unknown value tag " + tag);
    };
  }

  static void writeMap(ByteWriter w, Map<String, ?> map) {
    w.writeVarLong(map.size());
    for (Map.Entry<String, ?> e : map.entrySet()) {
      w.writeString(e.getKey());
      writeValue(w, e.getValue());
    }
  }

  /**
   * Immutable, in the order written. The keys are distinct because a Map wrote them, so they go
   * straight into {@link Attributes#ofDistinct}, which the model's constructors keep without copying.
   */
  static Map<String, Object> readMap(ByteReader r) {
    int n = r.readVarInt();
    if (n == 0) return Map.of();
    if (n < 0 || n > r.remaining()) throw new CorruptRecordException("map of " + n + " entries in a shorter record");
    String[] keys = new String[n];
    Object[] values = new Object[n];
    for (int i = 0; i < n; i++) {
      keys[i] = r.readString();
      values[i] = readValue(r);
    }
    return Attributes.ofDistinct(keys, values, n);
  }

  static void writeStrings(ByteWriter w, List<String> list) {
    w.writeVarLong(list.size());
    for (String s : list) w.writeString(s);
  }

  static List<String> readStrings(ByteReader r) {
    int n = r.readVarInt();
    List<String> list = new ArrayList<>(Math.min(n, 1024));
    for (int i = 0; i < n; i++) {
      String s = r.readString();
      if (s != null) list.add(s);
    }
    return list;
  }

  static void writeStringMap(ByteWriter w, Map<String, String> map) {
    w.writeVarLong(map.size());
    for (Map.Entry<String, String> e : map.entrySet()) {
      w.writeString(e.getKey());
      w.writeString(e.getValue());
    }
  }

  static Map<String, String> readStringMap(ByteReader r) {
    int n = r.readVarInt();
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String k = r.readString();
      String v = r.readString();
      if (k != null && v != null) map.put(k, v);
    }
    return map;
  }

  static void writeCounts(ByteWriter w, Map<String, Integer> counts) {
    w.writeVarLong(counts.size());
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      w.writeString(e.getKey());
      w.writeVarLong(e.getValue());
    }
  }

  static Map<String, Integer> readCounts(ByteReader r) {
    int n = r.readVarInt();
    Map<String, Integer> map = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String k = r.readString();
      int v = r.readVarInt();
      if (k != null) map.put(k, v);
    }
    return map;
  }
}
