package dev.vigil.server.ingest.otlp;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an OTLP trace request the normalizer reads, with attribute values already plain Java
 * ({@link AnyValues#toJava} semantics). Binary protobuf is decoded straight into these
 * ({@link OtlpTraceDecoder}) rather than into the generated messages, whose builders, KeyValue and
 * AnyValue objects were most of ingest's garbage; OTLP/JSON and tests arrive through
 * {@link #of(io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest)}.
 */
public record OtlpTraces(List<Resource> resources) {

  public static OtlpTraces of(io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest request) {
    return OtlpTracesFromProto.of(request);
  }

  /** A resource's attributes and its scopes' spans. */
  record Resource(Attrs attributes, List<Scope> scopes) {}

  /** An instrumentation scope ("" when unnamed) and its spans. */
  record Scope(String name, String version, List<Span> spans) {}

  /** Ids as sent (empty when absent), times in Unix nanoseconds (unsigned on the wire). */
  record Span(byte[] traceId, byte[] spanId, byte[] parentSpanId, String name, int kind, long start, long end,
      Attrs attributes, List<Event> events, int statusCode, String statusMessage) {}

  record Event(String name, long time, Attrs attributes) {}

  /**
   * Key-values in the order sent, unset values left out, repeated keys kept (readers resolve them as
   * a LinkedHashMap would: first position, last value).
   */
  static final class Attrs {
    static final Attrs EMPTY = new Attrs(0);

    private String[] keys;
    private Object[] values;
    private int size;

    Attrs(int capacity) {
      keys = new String[capacity];
      values = new Object[capacity];
    }

    void add(String key, Object value) {
      if (size == keys.length) {
        int capacity = Math.max(8, size * 2);
        keys = Arrays.copyOf(keys, capacity);
        values = Arrays.copyOf(values, capacity);
      }
      keys[size] = key;
      values[size++] = value;
    }

    int size() {
      return size;
    }

    String key(int i) {
      return keys[i];
    }

    Object value(int i) {
      return values[i];
    }

    /** Insertion-ordered; a repeated key keeps its first position and last value. */
    Map<String, Object> toMap() {
      LinkedHashMap<String, Object> map = new LinkedHashMap<>(Math.max(4, size * 4 / 3 + 1));
      for (int i = 0; i < size; i++) map.put(keys[i], values[i]);
      return map;
    }
  }
}
