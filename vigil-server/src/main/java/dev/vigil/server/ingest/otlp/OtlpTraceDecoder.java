package dev.vigil.server.ingest.otlp;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.EntityRef;
import io.opentelemetry.proto.trace.v1.Span.Link;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Binary OTLP ExportTraceServiceRequest straight into {@link OtlpTraces}, with protobuf's own wire
 * reader: no generated message, builder, KeyValue or AnyValue objects, attribute keys shared across
 * the request's spans. It accepts and rejects exactly what the generated parser does (same fields,
 * merge rules, UTF-8 checks and nesting limit; {@code OtlpTraceDecoderTest} compares the two), and
 * skips the fields Vigil does not read after checking them as the generated parser would.
 */
final class OtlpTraceDecoder {
  private static final int LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;
  private static final int MAX_DEPTH = 100; // CodedInputStream's default recursion limit
  private static final byte[] NO_BYTES = {};

  private final byte[] body;
  private final CodedInputStream in;
  private final AttributeKeys keys;

  private OtlpTraceDecoder(byte[] body) {
    this.body = body;
    this.in = CodedInputStream.newInstance(body);
    this.keys = new AttributeKeys(body);
  }

  static OtlpTraces decode(byte[] body) throws InvalidProtocolBufferException {
    try {
      return new OtlpTraceDecoder(body).request();
    } catch (InvalidProtocolBufferException e) {
      throw e;
    } catch (IOException e) { // not reached for an array; CodedInputStream declares it
      throw new InvalidProtocolBufferException(e.getMessage());
    }
  }

  private static int tag(int field, int wireType) {
    return field << 3 | wireType; // WireFormat.makeTag, which is not public
  }

  private OtlpTraces request() throws IOException {
    List<OtlpTraces.Resource> resources = new ArrayList<>(2);
    for (int tag; (tag = in.readTag()) != 0; ) {
      if (tag == tag(1, LEN)) {
        int old = enter(1);
        resources.add(resourceSpans(1));
        leave(old);
      } else if (!in.skipField(tag)) {
        break;
      }
    }
    in.checkLastTagWas(0);
    return new OtlpTraces(resources);
  }

  private OtlpTraces.Resource resourceSpans(int depth) throws IOException {
    OtlpTraces.Attrs attributes = OtlpTraces.Attrs.EMPTY;
    List<OtlpTraces.Scope> scopes = new ArrayList<>(2);
    for (int tag; (tag = in.readTag()) != 0; ) {
      if (tag == tag(1, LEN)) { // a repeated resource merges into the first: its attributes append
        int old = enter(depth + 1);
        attributes = resource(depth + 1, attributes);
        leave(old);
      } else if (tag == tag(2, LEN)) {
        int old = enter(depth + 1);
        scopes.add(scopeSpans(depth + 1));
        leave(old);
      } else if (tag == tag(3, LEN)) {
        in.readStringRequireUtf8(); // schema_url
      } else if (!in.skipField(tag)) {
        break;
      }
    }
    return new OtlpTraces.Resource(attributes, scopes);
  }

  private OtlpTraces.Attrs resource(int depth, OtlpTraces.Attrs attributes) throws IOException {
    for (int tag; (tag = in.readTag()) != 0; ) {
      if (tag == tag(1, LEN)) {
        if (attributes == OtlpTraces.Attrs.EMPTY) attributes = new OtlpTraces.Attrs(16);
        keyValue(depth + 1, attributes);
      } else if (tag == tag(3, LEN)) {
        checkNested(depth + 1, EntityRef.parser());
      } else if (!in.skipField(tag)) {
        break;
      }
    }
    in.checkLastTagWas(0);
    return attributes;
  }

  private OtlpTraces.Scope scopeSpans(int depth) throws IOException {
    String name = "";
    String version = "";
    List<OtlpTraces.Span> spans = new ArrayList<>(64);
    for (int tag; (tag = in.readTag()) != 0; ) {
      if (tag == tag(1, LEN)) {
        int old = enter(depth + 1);
        for (int t; (t = in.readTag()) != 0; ) {
          if (t == tag(1, LEN)) name = in.readStringRequireUtf8();
          else if (t == tag(2, LEN)) version = in.readStringRequireUtf8();
          else if (t == tag(3, LEN)) checkNested(depth + 2, KeyValue.parser());
          else if (!in.skipField(t)) break;
        }
        leave(old);
      } else if (tag == tag(2, LEN)) {
        int old = enter(depth + 1);
        spans.add(span(depth + 1));
        leave(old);
      } else if (tag == tag(3, LEN)) {
        in.readStringRequireUtf8(); // schema_url
      } else if (!in.skipField(tag)) {
        break;
      }
    }
    return new OtlpTraces.Scope(name, version, spans);
  }

  private OtlpTraces.Span span(int depth) throws IOException {
    byte[] traceId = NO_BYTES;
    byte[] spanId = NO_BYTES;
    byte[] parentSpanId = NO_BYTES;
    String name = "";
    int kind = 0;
    long start = 0;
    long end = 0;
    OtlpTraces.Attrs attributes = OtlpTraces.Attrs.EMPTY;
    List<OtlpTraces.Event> events = List.of();
    int statusCode = 0;
    String statusMessage = "";
    for (int tag; (tag = in.readTag()) != 0; ) {
      switch (tag) {
        case 10 -> traceId = in.readByteArray();                       // 1 trace_id
        case 18 -> spanId = in.readByteArray();                        // 2 span_id
        case 26 -> in.readStringRequireUtf8();                         // 3 trace_state
        case 34 -> parentSpanId = in.readByteArray();                  // 4 parent_span_id
        case 42 -> name = in.readStringRequireUtf8();                  // 5 name
        case 48 -> kind = in.readEnum();                               // 6 kind
        case 57 -> start = in.readFixed64();                           // 7 start_time_unix_nano
        case 65 -> end = in.readFixed64();                             // 8 end_time_unix_nano
        case 74 -> {                                                   // 9 attributes
          if (attributes == OtlpTraces.Attrs.EMPTY) attributes = new OtlpTraces.Attrs(32);
          keyValue(depth + 1, attributes);
        }
        case 90 -> {                                                   // 11 events
          if (events.isEmpty()) events = new ArrayList<>(4);
          int old = enter(depth + 1);
          events.add(event(depth + 1));
          leave(old);
        }
        case 106 -> checkNested(depth + 1, Link.parser());            // 13 links
        case 122 -> {                                                  // 15 status (fields merge)
          int old = enter(depth + 1);
          for (int t; (t = in.readTag()) != 0; ) {
            if (t == tag(2, LEN)) statusMessage = in.readStringRequireUtf8();
            else if (t == tag(3, WireFormat.WIRETYPE_VARINT)) statusCode = in.readEnum();
            else if (!in.skipField(t)) break;
          }
          leave(old);
        }
        default -> {
          if (!in.skipField(tag)) return finishEarly();
        }
      }
    }
    return new OtlpTraces.Span(traceId, spanId, parentSpanId, name, kind, start, end, attributes, events,
        statusCode, statusMessage);
  }

  /** An end-group tag inside a span: the generated parser stops there and then fails the same way. */
  private OtlpTraces.Span finishEarly() throws InvalidProtocolBufferException {
    in.checkLastTagWas(0);
    throw new InvalidProtocolBufferException("Protocol message end-group tag did not match expected tag.");
  }

  private OtlpTraces.Event event(int depth) throws IOException {
    long time = 0;
    String name = "";
    OtlpTraces.Attrs attributes = OtlpTraces.Attrs.EMPTY;
    for (int tag; (tag = in.readTag()) != 0; ) {
      if (tag == tag(1, WireFormat.WIRETYPE_FIXED64)) {
        time = in.readFixed64();
      } else if (tag == tag(2, LEN)) {
        name = in.readStringRequireUtf8();
      } else if (tag == tag(3, LEN)) {
        if (attributes == OtlpTraces.Attrs.EMPTY) attributes = new OtlpTraces.Attrs(8);
        keyValue(depth + 1, attributes);
      } else if (!in.skipField(tag)) {
        break;
      }
    }
    return new OtlpTraces.Event(name, time, attributes);
  }

  /** One KeyValue message, added to {@code into} unless its value is unset. */
  private void keyValue(int depth, OtlpTraces.Attrs into) throws IOException {
    int old = enter(depth);
    String key = "";
    AnyValue value = null;
    for (int tag; (tag = in.readTag()) != 0; ) {
      if (tag == tag(1, LEN)) {
        key = keys.read(in);
      } else if (tag == tag(2, LEN)) {
        if (value == null) value = new AnyValue();
        int inner = enter(depth + 1);
        anyValue(depth + 1, value);
        leave(inner);
      } else if (!in.skipField(tag)) {
        break;
      }
    }
    leave(old);
    Object java = value == null ? null : value.java();
    if (java != null) into.add(key, java);
  }

  /**
   * An AnyValue's oneof: the last field on the wire wins, except that a repeated array or kvlist
   * merges into the one before it, as protobuf merges a message field that appears twice.
   */
  private void anyValue(int depth, AnyValue v) throws IOException {
    for (int tag; (tag = in.readTag()) != 0; ) {
      switch (tag) {
        case 10 -> v.set(in.readStringRequireUtf8());
        case 16 -> v.set(in.readBool());
        case 24 -> v.set(in.readInt64());
        case 33 -> v.set(in.readDouble());
        case 42 -> {
          List<AnyValue> list = v.array();
          int old = enter(depth + 1);
          for (int t; (t = in.readTag()) != 0; ) {
            if (t == tag(1, LEN)) {
              AnyValue element = new AnyValue();
              int inner = enter(depth + 2);
              anyValue(depth + 2, element);
              leave(inner);
              list.add(element);
            } else if (!in.skipField(t)) {
              break;
            }
          }
          leave(old);
        }
        case 50 -> {
          OtlpTraces.Attrs kv = v.kvlist();
          int old = enter(depth + 1);
          for (int t; (t = in.readTag()) != 0; ) {
            if (t == tag(1, LEN)) keyValue(depth + 2, kv);
            else if (!in.skipField(t)) break;
          }
          leave(old);
        }
        case 58 -> v.set(Base64.getEncoder().encodeToString(in.readByteArray()));
        case 64 -> {
          in.readInt32(); // string_value_strindex: profiles only, no value here
          v.set(null);
        }
        default -> {
          if (!in.skipField(tag)) {
            in.checkLastTagWas(0);
            return;
          }
        }
      }
    }
  }

  /** A field Vigil does not read, checked by the generated parser so that both accept the same input. */
  private void checkNested(int depth, com.google.protobuf.Parser<?> parser) throws IOException {
    int old = enter(depth);
    parser.parseFrom(in.readRawBytes(in.getBytesUntilLimit()));
    in.popLimit(old); // read as raw bytes: no tag of ours ended it
  }

  private int enter(int depth) throws IOException {
    int length = in.readRawVarint32();
    if (depth > MAX_DEPTH) {
      throw new InvalidProtocolBufferException("Protocol message had too many levels of nesting.  May be malicious.  "
          + "Use setRecursionLimit() to increase the recursion depth limit.");
    }
    return in.pushLimit(length);
  }

  private void leave(int oldLimit) throws InvalidProtocolBufferException {
    in.checkLastTagWas(0);
    in.popLimit(oldLimit);
  }

  /** An AnyValue being decoded: its current oneof case and value. */
  private static final class AnyValue {
    private Object scalar; // String, Boolean, Long, Double, or null
    private List<AnyValue> array;
    private OtlpTraces.Attrs kvlist;

    void set(Object value) {
      scalar = value;
      array = null;
      kvlist = null;
    }

    List<AnyValue> array() {
      if (array == null) {
        set(null);
        array = new ArrayList<>(4);
      }
      return array;
    }

    OtlpTraces.Attrs kvlist() {
      if (kvlist == null) {
        set(null);
        kvlist = new OtlpTraces.Attrs(4);
      }
      return kvlist;
    }

    Object java() {
      if (array != null) {
        List<Object> list = new ArrayList<>(array.size());
        for (AnyValue element : array) {
          Object o = element.java();
          if (o != null) list.add(o);
        }
        return list;
      }
      if (kvlist != null) return kvlist.toMap();
      return scalar;
    }
  }
}
