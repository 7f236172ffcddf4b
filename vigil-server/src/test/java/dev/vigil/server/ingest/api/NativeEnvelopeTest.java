package dev.vigil.server.ingest.api;

import static dev.vigil.server.ingest.api.NativeTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Problems with the request as a whole: IllegalArgumentException, which the HTTP layer answers with 400. */
class NativeEnvelopeTest {
  private final NativeIngestDecoder decoder = new NativeIngestDecoder(Clock.systemUTC());

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[]|body must be a JSON object with an \"items\" array",
      "42|body must be a JSON object with an \"items\" array",
      "\"items\"|body must be a JSON object with an \"items\" array",
      "{}|body must have an \"items\" array",
      "{\"batch\":[]}|body must have an \"items\" array",
      "{\"items\":{}}|\"items\" must be an array",
      "{\"items\":null}|\"items\" must be an array",
      "{\"items\":[]} {}|body is not valid JSON: data after the top-level object",
  })
  void rejectsMalformedEnvelope(String body, String message) {
    assertThatThrownBy(() -> decode(body)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "not json",
      "{\"items\":[",
      "{\"items\":[]} x",
      "{\"items\":[{\"type\":\"span\",}]}",
      "{\"items\":[],\"items\":[]}",
      "{\"items\":[{\"type\":\"span\",\"type\":\"score\"}]}",
  })
  void rejectsInvalidJsonWithParserMessage(String body) {
    assertThatThrownBy(() -> decode(body)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("body is not valid JSON: ").hasMessageContaining("line 1, column");
  }

  @Test
  void invalidJsonAfterValidItemsFailsTheWholeBatch() {
    assertThatThrownBy(() -> decode("{\"items\":[" + span("") + "], \"x\": tru}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("body is not valid JSON: ");
  }

  @Test
  void emptyBody() {
    assertThatThrownBy(() -> decoder.decode(new byte[0])).hasMessage("body is empty");
  }

  @Test
  void rejectsInvalidUtf8() {
    byte[][] bad = {
        {(byte) 0xC3, 0x28}, // bad continuation byte
        {(byte) 0xC0, (byte) 0xAF}, // overlong "/"
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded UTF-16 surrogate
        {(byte) 0xE2, (byte) 0x82}, // truncated at the end of the body
        {(byte) 0xFF},
    };
    for (byte[] b : bad) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.writeBytes("{\"items\":[],\"x\":\"é".getBytes(StandardCharsets.UTF_8));
      body.writeBytes(b);
      assertThatThrownBy(() -> decoder.decode(body.toByteArray()))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("body is not valid UTF-8");
    }
  }

  @Test
  void acceptsMultibyteUtf8AndByteOrderMark() {
    NativeBatch b = decode("\uFEFF{\"items\":[" + span(",\"input\":\"日本語 😀\"") + "]}");
    assertThat(b.spans().get(0).content().inputValue()).isEqualTo("日本語 😀");
  }

  @Test
  void emptyItemsIsAnEmptyBatch() {
    NativeBatch b = decode("{\"items\":[]}");
    assertThat(b.results()).isEmpty();
    assertThat(b.accepted()).isZero();
  }

  @Test
  void unknownEnvelopeFieldsAreSkippedBeforeAndAfterItems() {
    NativeBatch b = decode("{\"v\":{\"items\":5},\"items\":[" + span("") + "],\"z\":[[{}]]}");
    assertThat(b.spans()).hasSize(1);
  }

  private NativeBatch decode(String body) {
    return decoder.decode(body.getBytes(StandardCharsets.UTF_8));
  }
}
