package dev.vigil.bench;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Logical spans → Zipkin v2 JSON ({@code POST /api/v2/spans}): attributes become string tags,
 * times microseconds, INTERNAL spans carry no kind, errors the "error" tag. Written by hand (ASCII
 * only, non-ASCII escaped) so the offset of every hex id is known for stamping.
 */
final class ZipkinEncoder {
  private static final HexFormat HEX = HexFormat.of();

  private ZipkinEncoder() {}

  static Payload encode(List<BenchSpan> spans) {
    StringBuilder json = new StringBuilder(spans.size() * 2048);
    int[] traceIds = new int[spans.size()];
    int[] spanIds = new int[spans.size() * 2];
    int nSpan = 0;
    json.append('[');
    for (int i = 0; i < spans.size(); i++) {
      BenchSpan s = spans.get(i);
      if (i > 0) json.append(',');
      json.append("{\"traceId\":\"");
      traceIds[i] = json.length();
      json.append(HEX.formatHex(s.traceId())).append("\",\"id\":\"");
      spanIds[nSpan++] = json.length();
      json.append(HEX.formatHex(s.spanId())).append('"');
      if (s.parentId() != null) {
        json.append(",\"parentId\":\"");
        spanIds[nSpan++] = json.length();
        json.append(HEX.formatHex(s.parentId())).append('"');
      }
      json.append(",\"name\":");
      string(json, s.name());
      if (s.kind() != BenchSpan.Kind.INTERNAL) json.append(",\"kind\":\"").append(s.kind()).append('"');
      long startMicros = s.startNanos() / 1000;
      json.append(",\"timestamp\":").append(startMicros)
          .append(",\"duration\":").append(Math.max(1, s.endNanos() / 1000 - startMicros))
          .append(",\"localEndpoint\":{\"serviceName\":");
      string(json, s.service());
      json.append("},\"tags\":{");
      boolean first = true;
      for (Map.Entry<String, Object> tag : s.attributes().entrySet()) {
        if (!first) json.append(',');
        first = false;
        string(json, tag.getKey());
        json.append(':');
        string(json, tagValue(tag.getValue()));
      }
      if (s.error() != null) {
        json.append(first ? "" : ",").append("\"error\":");
        string(json, s.error());
      }
      json.append("}}");
    }
    json.append(']');
    byte[] body = json.toString().getBytes(StandardCharsets.US_ASCII);
    return new Payload(body, traceIds, java.util.Arrays.copyOf(spanIds, nSpan), true, spans.size());
  }

  /** Zipkin tags are strings: arrays become JSON arrays, numbers their decimal form. */
  private static String tagValue(Object value) {
    if (value instanceof List<?> list) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) sb.append(',');
        string(sb, String.valueOf(list.get(i)));
      }
      return sb.append(']').toString();
    }
    return String.valueOf(value);
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
      }
    }
    out.append('"');
  }
}
