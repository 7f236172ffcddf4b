package dev.vigil.server.ingest.otlp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OTLP/JSON straight from a streaming parser into the generated builders, guided by the proto
 * descriptors. Not protobuf-java-util's JsonFormat: that one reads the hex ids OTLP/JSON uses as
 * base64 without complaint (a 32-char hex trace id becomes 24 bytes), needs a second pass over
 * the text, and reports errors without saying where. Here every error names its path, e.g.
 * {@code resourceSpans[0].scopeSpans[0].spans[2].traceId}.
 */
final class OtlpJsonReader {
  /** Matches the OTLP recommended body cap, so one large prompt is not refused by Jackson's 20 MB default. */
  private static final int MAX_STRING_LENGTH = 64 * 1024 * 1024;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_LENGTH).build())
      .build();

  /** JSON name and proto name of every field, per message type: receivers must accept both. */
  private static final Map<Descriptor, Map<String, FieldDescriptor>> FIELDS = new ConcurrentHashMap<>();

  private static final Descriptor KEY_VALUE = KeyValue.getDescriptor();
  private static final Descriptor ANY_VALUE = AnyValue.getDescriptor();

  private OtlpJsonReader() {}

  static void read(byte[] body, Message.Builder builder) {
    int bad = Utf8.firstInvalid(body);
    if (bad >= 0) throw new IllegalArgumentException("body is not valid UTF-8 (byte offset " + bad + ")");
    try (JsonParser p = FACTORY.createParser(body)) {
      JsonToken first = p.nextToken();
      if (first == null) throw new IllegalArgumentException("invalid JSON: body is empty");
      if (first != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException(
            "invalid OTLP/JSON: expected an object at the top level, got " + JsonScalars.describe(first));
      }
      try {
        readMessage(p, builder);
      } catch (FieldError e) {
        throw new IllegalArgumentException(e.describe());
      }
      if (p.nextToken() != null) {
        throw new IllegalArgumentException(
            "invalid JSON " + where(p.currentTokenLocation()) + ": unexpected content after the top-level object");
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON " + where(e.getLocation()) + ": " + e.getOriginalMessage());
    } catch (IOException e) { // a byte[] source has no I/O; kept for the signature
      throw new IllegalArgumentException("invalid JSON: " + e.getMessage());
    }
  }

  /** Reads the object whose START_OBJECT is the current token, up to and including its END_OBJECT. */
  static void readMessage(JsonParser p, Message.Builder builder) throws IOException {
    Map<String, FieldDescriptor> fields = fieldsOf(builder.getDescriptorForType());
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      FieldDescriptor fd = fields.get(name);
      if (fd == null) { // unknown fields must be ignored
        p.skipChildren();
        continue;
      }
      if (value == JsonToken.VALUE_NULL) continue; // proto3 JSON: null means default
      try {
        if (fd.isRepeated()) {
          readRepeated(p, builder, fd);
        } else {
          builder.setField(fd, readValue(p, builder, fd));
        }
      } catch (FieldError e) {
        e.prepend(name);
        throw e;
      }
    }
    if (t != JsonToken.END_OBJECT) throw FieldError.at(p, "unexpected " + JsonScalars.describe(t));
  }

  private static void readRepeated(JsonParser p, Message.Builder builder, FieldDescriptor fd) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw FieldError.at(p, "expected an array, got " + JsonScalars.describe(p.currentToken()));
    }
    int index = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() != JsonToken.VALUE_NULL) {
        try {
          builder.addRepeatedField(fd, readValue(p, builder, fd));
        } catch (FieldError e) {
          e.prepend("[" + index + "]");
          throw e;
        }
      }
      index++;
    }
  }

  private static Object readValue(JsonParser p, Message.Builder parent, FieldDescriptor fd) throws IOException {
    if (fd.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw FieldError.at(p, "expected an object, got " + JsonScalars.describe(p.currentToken()));
      }
      Descriptor type = fd.getMessageType();
      if (type == KEY_VALUE) return AttributeJson.keyValue(p);
      if (type == ANY_VALUE) return AttributeJson.anyValue(p);
      Message.Builder child = parent.newBuilderForField(fd);
      readMessage(p, child);
      return child.build();
    }
    return JsonScalars.read(p, fd);
  }

  private static Map<String, FieldDescriptor> fieldsOf(Descriptor d) {
    Map<String, FieldDescriptor> fields = FIELDS.get(d);
    if (fields != null) return fields;
    Map<String, FieldDescriptor> byName = new HashMap<>();
    for (FieldDescriptor fd : d.getFields()) {
      byName.put(fd.getJsonName(), fd);
      byName.put(fd.getName(), fd);
    }
    FIELDS.putIfAbsent(d, Map.copyOf(byName));
    return FIELDS.get(d);
  }

  static String where(JsonLocation loc) {
    return loc == null ? "" : "at line " + loc.getLineNr() + " column " + loc.getColumnNr();
  }
}
