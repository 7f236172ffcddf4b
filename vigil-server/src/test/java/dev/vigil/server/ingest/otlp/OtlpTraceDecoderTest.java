package dev.vigil.server.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.CodedOutputStream;
import dev.vigil.server.OtlpFixtures;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The direct decoder against the generated parser: for every input, valid or not, both give the same
 * normalized spans or the same error.
 */
class OtlpTraceDecoderTest {
  private static final TraceNormalizer NORMALIZER = new TraceNormalizer();

  /** What a body becomes through one path: the normalized spans, or the error a client would read. */
  private static Object viaGenerated(byte[] body) {
    try {
      return NORMALIZER.normalize(OtlpDecoding.parseTracesProtobuf(body), "vigil.feature");
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  private static Object viaDecoder(byte[] body) {
    try {
      return NORMALIZER.normalize(OtlpDecoding.decodeTracesProtobuf(body), "vigil.feature");
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  private static void assertSame(byte[] body) {
    Object expected = viaGenerated(body);
    Object actual = viaDecoder(body);
    if (!actual.equals(expected)) { // the body itself would flood the report: say where the two part
      throw new AssertionError("a " + body.length + "-byte body: the generated parser gave "
          + (expected instanceof String e ? e : "spans") + ", the decoder " + (actual instanceof String a ? a : "spans")
          + "\n" + java.util.HexFormat.of().formatHex(body, 0, Math.min(body.length, 4000)));
    }
  }

  private static List<byte[]> corpus() throws IOException {
    List<byte[]> bodies = new ArrayList<>();
    bodies.add(OtlpFixtures.chat(OtlpFixtures.randomHex(16), "00000000000000a1", "00000000000000a2",
        1_700_000_000_000_000_000L, "gpt-4o", "Where is my parcel? ünïcödé ✓").toByteArray());
    try (var files = Files.list(Path.of("src/test/resources/otlp"))) {
      for (Path p : files.filter(p -> p.toString().endsWith(".json") && !p.toString().contains("expected")
          && !p.toString().contains(".logs.")).sorted().toList()) {
        bodies.add(OtlpDecoding.parseTracesJson(Files.readAllBytes(p)).toByteArray());
      }
    }
    return bodies;
  }

  @Test
  void everyFixtureDecodesAsTheGeneratedParserDoes() throws IOException {
    List<byte[]> corpus = corpus();
    assertThat(corpus).hasSizeGreaterThan(4);
    for (byte[] body : corpus) {
      Object decoded = viaDecoder(body);
      assertThat(decoded).isInstanceOf(NormalizedTraces.class);
      assertThat(((NormalizedTraces) decoded).spans()).isNotEmpty();
      assertSame(body);
    }
  }

  @Test
  void mutatedBodiesFailOrSucceedAsTheGeneratedParserDoes() throws IOException {
    Random random = new Random(20261123);
    int failures = 0;
    for (byte[] original : corpus()) {
      for (int round = 0; round < 400; round++) {
        byte[] body = mutate(original, random);
        if (viaGenerated(body) instanceof String) failures++;
        assertSame(body);
      }
    }
    assertThat(failures).as("the mutations exercise the error paths too").isGreaterThan(100);
  }

  private static byte[] mutate(byte[] original, Random random) {
    byte[] body = original.clone();
    switch (random.nextInt(4)) {
      case 0 -> body[random.nextInt(body.length)] ^= (byte) (1 << random.nextInt(8));
      case 1 -> body = Arrays.copyOf(body, random.nextInt(body.length));
      case 2 -> body[random.nextInt(body.length)] = (byte) random.nextInt(256);
      default -> { // invalid UTF-8 somewhere
        body[random.nextInt(body.length)] = (byte) 0xC0;
      }
    }
    return body;
  }

  @Test
  void repeatedMessagesMergeAndTheLastScalarWins() throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(raw);
    KeyValue attr = KeyValue.newBuilder().setKey("gen_ai.request.model")
        .setValue(AnyValue.newBuilder().setStringValue("first")).build();
    // a span whose name, attribute value and status appear twice, and an array value sent in two halves
    Span.Builder span = ProtoSpans.span("b7ad6b7169203331", null, "gen_ai.operation.name", "chat");
    ByteArrayOutputStream spanBytes = new ByteArrayOutputStream();
    CodedOutputStream s = CodedOutputStream.newInstance(spanBytes);
    s.writeRawBytes(span.build().toByteArray());
    s.writeString(5, "renamed");
    s.writeMessage(9, attr);
    s.writeMessage(9, KeyValue.newBuilder().setKey("tags").setValue(ProtoSpans.value(List.of("a", "b"))).build());
    ByteArrayOutputStream value = new ByteArrayOutputStream();
    CodedOutputStream v = CodedOutputStream.newInstance(value);
    v.writeString(1, "a plain string first");
    v.writeMessage(5, ProtoSpans.value(List.of(1L, 2L)).getArrayValue());
    v.writeMessage(5, ProtoSpans.value(List.of(3L)).getArrayValue());
    v.flush();
    ByteArrayOutputStream kv = new ByteArrayOutputStream();
    CodedOutputStream k = CodedOutputStream.newInstance(kv);
    k.writeString(1, "numbers");
    k.writeByteArray(2, value.toByteArray());
    k.flush();
    s.writeByteArray(9, kv.toByteArray());
    s.flush();
    ResourceSpans.Builder rs = ResourceSpans.newBuilder()
        .setResource(io.opentelemetry.proto.resource.v1.Resource.newBuilder().addAttributes(
            ProtoSpans.kvs("service.name", "svc").get(0)))
        .addScopeSpans(ScopeSpans.newBuilder().setScope(InstrumentationScope.newBuilder().setName("lib")));
    ByteArrayOutputStream rsBytes = new ByteArrayOutputStream();
    CodedOutputStream r = CodedOutputStream.newInstance(rsBytes);
    r.writeRawBytes(rs.build().toByteArray());
    r.writeMessage(1, io.opentelemetry.proto.resource.v1.Resource.newBuilder()
        .addAttributes(ProtoSpans.kvs("deployment.environment", "prod").get(0)).build());
    ByteArrayOutputStream ss = new ByteArrayOutputStream();
    CodedOutputStream sc = CodedOutputStream.newInstance(ss);
    sc.writeByteArray(2, spanBytes.toByteArray());
    sc.flush();
    r.writeByteArray(2, ss.toByteArray());
    r.flush();
    out.writeByteArray(1, rsBytes.toByteArray());
    out.flush();
    byte[] body = raw.toByteArray();

    assertSame(body);
    NormalizedTraces decoded = (NormalizedTraces) viaDecoder(body);
    var one = decoded.spans().get(0);
    assertThat(one.name()).isEqualTo("renamed");
    assertThat(one.attributes()).containsEntry("numbers", List.of(1L, 2L, 3L));
    assertThat(one.resourceAttributes()).containsAllEntriesOf(
        Map.of("service.name", "svc", "deployment.environment", "prod"));
  }

  @Test
  void unknownFieldsAndFieldsOfTheWrongWireTypeAreSkipped() throws IOException {
    byte[] valid = ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(ProtoSpans.resource(Map.of("service.name", "svc"),
            ProtoSpans.span("b7ad6b7169203331", null, "gen_ai.operation.name", "chat")))
        .build().toByteArray();
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(raw);
    out.writeUInt64(99, 7);              // unknown field
    out.writeFixed32(1, 5);              // field 1 with the wrong wire type
    out.writeRawBytes(valid);
    out.writeString(1000, "trailing");
    out.flush();
    assertSame(raw.toByteArray());
    assertThat(((NormalizedTraces) viaDecoder(raw.toByteArray())).spans()).hasSize(1);
  }

  @Test
  void deepNestingIsRefusedAtTheSameDepth() {
    for (int depth : new int[] {40, 47, 48, 49, 50, 60}) {
      AnyValue nested = AnyValue.newBuilder().setStringValue("leaf").build();
      for (int i = 0; i < depth; i++) {
        nested = AnyValue.newBuilder().setArrayValue(
            io.opentelemetry.proto.common.v1.ArrayValue.newBuilder().addValues(nested)).build();
      }
      Span.Builder span = ProtoSpans.span("b7ad6b7169203331", null);
      span.addAttributes(KeyValue.newBuilder().setKey("deep").setValue(nested));
      assertSame(ProtoSpans.request(span).toByteArray());
    }
    assertThat(viaDecoder(deep(60))).asString().contains("too many levels of nesting");
  }

  private static byte[] deep(int depth) {
    AnyValue nested = AnyValue.newBuilder().setStringValue("leaf").build();
    for (int i = 0; i < depth; i++) {
      nested = AnyValue.newBuilder().setArrayValue(
          io.opentelemetry.proto.common.v1.ArrayValue.newBuilder().addValues(nested)).build();
    }
    return ProtoSpans.request(ProtoSpans.span("b7ad6b7169203331", null)
        .addAttributes(KeyValue.newBuilder().setKey("deep").setValue(nested))).toByteArray();
  }

  @Test
  void invalidUtf8IsRefusedWhereverTheGeneratedParserChecksIt() {
    String mark = "\u00a7\u00a7"; // two bytes of C2 A7 on the wire, overwritten below with C0 80 (an overlong NUL)
    Span.Builder base = ProtoSpans.span("b7ad6b7169203331", null, "gen_ai.operation.name", "chat");
    List<Span.Builder> spans = List.of(
        base.clone().setName("x" + mark),
        base.clone().setTraceState(mark),
        base.clone().addAttributes(KeyValue.newBuilder().setKey(mark).setValue(AnyValue.newBuilder().setStringValue("v"))),
        base.clone().addAttributes(KeyValue.newBuilder().setKey("k").setValue(AnyValue.newBuilder().setStringValue(mark))),
        base.clone().addLinks(Span.Link.newBuilder().setTraceState(mark)),
        base.clone().addEvents(Span.Event.newBuilder().setName(mark)));
    for (Span.Builder span : spans) {
      byte[] body = overwriteMark(ProtoSpans.request(span).toByteArray());
      assertThat(viaDecoder(body)).asString().contains("invalid UTF-8");
      assertSame(body);
    }
    byte[] scope = overwriteMark(ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
        .addScopeSpans(ScopeSpans.newBuilder().setScope(InstrumentationScope.newBuilder()
            .addAttributes(KeyValue.newBuilder().setKey(mark)))
            .addSpans(base.clone()))).build().toByteArray());
    assertThat(viaDecoder(scope)).asString().contains("invalid UTF-8");
    assertSame(scope);
  }

  private static byte[] overwriteMark(byte[] body) {
    for (int i = 0; i + 3 < body.length; i++) {
      if ((body[i] & 0xff) == 0xC2 && (body[i + 1] & 0xff) == 0xA7 && (body[i + 2] & 0xff) == 0xC2) {
        body[i] = (byte) 0xC0;
        body[i + 1] = (byte) 0x80;
        body[i + 2] = (byte) 0xC0;
        body[i + 3] = (byte) 0x80;
        return body;
      }
    }
    throw new AssertionError("mark not found");
  }

  @Test
  void anEmptyBodyIsAnEmptyRequest() {
    assertThat(OtlpDecoding.decodeTracesProtobuf(new byte[0]).resources()).isEmpty();
    assertSame(new byte[] {0x0a, 0x7f, 0x01});
    assertThat(viaDecoder(new byte[] {0x0a, 0x7f, 0x01})).asString().startsWith("invalid OTLP protobuf: ");
  }
}
