package dev.vigil.storage.duckdb;

import static dev.vigil.storage.tests.TestObjects.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Message;
import dev.vigil.model.Span;
import dev.vigil.model.SpanAttachment;
import dev.vigil.storage.tests.TestObjects;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

  @Test
  void spansRoundTripExactly() {
    for (Span s : TestObjects.trace(T0, "support-chat", "gpt-4o")) {
      ByteWriter w = new ByteWriter(16);
      RecordCodec.writeSpan(w, s);
      ByteReader r = new ByteReader(w.buf, 0, w.size());
      assertThat(r.readByte()).isEqualTo(RecordCodec.SPAN);
      assertThat(RecordCodec.readSpan(r)).isEqualTo(s);
      assertThat(r.hasRemaining()).isFalse();
    }
  }

  @Test
  void unicodeAndNullsSurvive() {
    Span s = TestObjects.llm(TestObjects.traceId(), null, T0, "gpt-4o").userId(null).statusMessage("naïve 日本語 🚀")
        .metadata(Map.of("ключ", "значение")).build();
    ByteWriter w = new ByteWriter(16);
    RecordCodec.writeSpan(w, s);
    ByteReader r = new ByteReader(w.buf, 0, w.size());
    r.readByte();
    assertThat(RecordCodec.readSpan(r)).isEqualTo(s);
  }

  @Test
  void attachmentsRoundTrip() {
    SpanAttachment a = new SpanAttachment(TestObjects.traceId(), TestObjects.spanId(), T0, "gen_ai.choice",
        List.of(Message.of("user", "hi")), List.of(Message.of("assistant", "hello")), Map.of("k", 1L), Map.of("email", 2));
    ByteWriter w = new ByteWriter(16);
    RecordCodec.writeAttachment(w, a);
    ByteReader r = new ByteReader(w.buf, 0, w.size());
    r.readByte();
    assertThat(RecordCodec.readAttachment(r)).isEqualTo(a);
  }

  @Test
  void truncatedRecordIsCorruptNotGarbage() {
    ByteWriter w = new ByteWriter(16);
    RecordCodec.writeSpan(w, TestObjects.trace(T0, "f", "gpt-4o").get(2));
    ByteReader r = new ByteReader(w.buf, 0, w.size() / 2);
    r.readByte();
    assertThatThrownBy(() -> RecordCodec.readSpan(r)).isInstanceOf(CorruptRecordException.class);
  }
}
