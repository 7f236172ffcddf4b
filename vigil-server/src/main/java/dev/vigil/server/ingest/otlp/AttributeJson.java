package dev.vigil.server.ingest.otlp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import java.io.IOException;

/**
 * KeyValue and AnyValue read with their typed builders: attributes are most of an OTLP body, and the
 * descriptor-driven path's reflective setters cost about half the decoding time on them.
 */
final class AttributeJson {
  private static final FieldDescriptor KEY = KeyValue.getDescriptor().findFieldByName("key");
  private static final FieldDescriptor INT_VALUE = AnyValue.getDescriptor().findFieldByName("int_value");
  private static final FieldDescriptor DOUBLE_VALUE = AnyValue.getDescriptor().findFieldByName("double_value");
  private static final FieldDescriptor BOOL_VALUE = AnyValue.getDescriptor().findFieldByName("bool_value");
  private static final FieldDescriptor BYTES_VALUE = AnyValue.getDescriptor().findFieldByName("bytes_value");

  private AttributeJson() {}

  /** Current token is the START_OBJECT of a KeyValue. */
  static KeyValue keyValue(JsonParser p) throws IOException {
    KeyValue.Builder b = KeyValue.newBuilder();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (v == JsonToken.VALUE_NULL) continue;
      try {
        switch (name) {
          case "key" -> b.setKey((String) JsonScalars.read(p, KEY));
          case "value" -> b.setValue(anyValue(p));
          default -> p.skipChildren();
        }
      } catch (FieldError e) {
        e.prepend(name);
        throw e;
      }
    }
    if (t != JsonToken.END_OBJECT) throw FieldError.at(p, "unexpected " + JsonScalars.describe(t));
    return b.build();
  }

  /** Current token is the START_OBJECT of an AnyValue. */
  static AnyValue anyValue(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw FieldError.at(p, "expected an object, got " + JsonScalars.describe(p.currentToken()));
    }
    AnyValue.Builder b = AnyValue.newBuilder();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (v == JsonToken.VALUE_NULL) continue;
      try {
        switch (name) {
          case "stringValue", "string_value" -> {
            if (v != JsonToken.VALUE_STRING) throw FieldError.at(p, "expected a string, got " + JsonScalars.describe(v));
            b.setStringValue(p.getText());
          }
          case "intValue", "int_value" -> b.setIntValue((Long) JsonScalars.read(p, INT_VALUE));
          case "doubleValue", "double_value" -> b.setDoubleValue((Double) JsonScalars.read(p, DOUBLE_VALUE));
          case "boolValue", "bool_value" -> b.setBoolValue((Boolean) JsonScalars.read(p, BOOL_VALUE));
          case "bytesValue", "bytes_value" ->
              b.setBytesValue((com.google.protobuf.ByteString) JsonScalars.read(p, BYTES_VALUE));
          case "arrayValue", "array_value" -> b.setArrayValue(array(p));
          case "kvlistValue", "kvlist_value" -> b.setKvlistValue(kvlist(p));
          default -> p.skipChildren();
        }
      } catch (FieldError e) {
        e.prepend(name);
        throw e;
      }
    }
    if (t != JsonToken.END_OBJECT) throw FieldError.at(p, "unexpected " + JsonScalars.describe(t));
    return b.build();
  }

  private static ArrayValue array(JsonParser p) throws IOException {
    ArrayValue.Builder b = ArrayValue.newBuilder();
    forEachElement(p, "values", () -> b.addValues(anyValue(p)));
    return b.build();
  }

  private static KeyValueList kvlist(JsonParser p) throws IOException {
    KeyValueList.Builder b = KeyValueList.newBuilder();
    forEachElement(p, "values", () -> b.addValues(keyValue(p)));
    return b.build();
  }

  /** For {"values": [ … ]}: calls {@code element} with each element's first token current. */
  private static void forEachElement(JsonParser p, String field, Element element) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw FieldError.at(p, "expected an object, got " + JsonScalars.describe(p.currentToken()));
    }
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (!name.equals(field) || v == JsonToken.VALUE_NULL) {
        p.skipChildren();
        continue;
      }
      if (v != JsonToken.START_ARRAY) throw at(p, name, "expected an array, got " + JsonScalars.describe(v));
      int index = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
          index++;
          continue;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
          throw at(p, name + "[" + index + "]", "expected an object, got " + JsonScalars.describe(p.currentToken()));
        }
        try {
          element.read();
        } catch (FieldError e) {
          e.prepend("[" + index + "]");
          e.prepend(name);
          throw e;
        }
        index++;
      }
    }
    if (t != JsonToken.END_OBJECT) throw FieldError.at(p, "unexpected " + JsonScalars.describe(t));
  }

  private static FieldError at(JsonParser p, String path, String message) {
    FieldError e = FieldError.at(p, message);
    e.prepend(path);
    return e;
  }

  private interface Element {
    void read() throws IOException;
  }
}
