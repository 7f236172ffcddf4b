package dev.vigil.server.ingest.api;

import static dev.vigil.server.ingest.api.NativeTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NativeLimitsTest {
  private static final int MIB = 1 << 20;

  private static String list(int n, String element) {
    return IntStream.range(0, n).mapToObj(i -> element.replace("#", Integer.toString(i)))
        .collect(Collectors.joining(",", "[", "]"));
  }

  private static String spanNamed(String name) {
    return "{\"type\":\"span\",\"trace_id\":\"t\",\"span_id\":\"s\",\"name\":\"" + name + "\",\"start_time\":\"" + T0 + "\"}";
  }

  @Test
  void namesCountCharactersNotUtf16Units() {
    assertThat(decodeItems(spanNamed("a".repeat(1000))).accepted()).isOne();
    assertThat(decodeItems(spanNamed("😀".repeat(1000))).accepted()).isOne();
    assertThat(errorOf(spanNamed("a".repeat(1001)))).isEqualTo("items[0].name: longer than 1000 characters");
  }

  @Test
  void idsUpTo256Characters() {
    String ok = "{\"type\":\"score\",\"id\":\"" + "i".repeat(256) + "\",\"trace_id\":\"" + "t".repeat(256)
        + "\",\"name\":\"n\",\"value\":1}";
    assertThat(decodeItems(ok).accepted()).isOne();
    assertThat(errorOf(ok.replace("i".repeat(256), "i".repeat(257)))).isEqualTo("items[0].id: longer than 256 characters");
    assertThat(errorOf(ok.replace("t".repeat(256), "t".repeat(257))))
        .isEqualTo("items[0].trace_id: longer than 256 characters");
  }

  @Test
  void messageContentUpTo1MiBOfUtf8() {
    String ascii = span(",\"input_messages\":[{\"role\":\"user\",\"content\":\"" + "a".repeat(MIB) + "\"}]");
    assertThat(decodeItems(ascii).accepted()).isOne();
    String twoByte = span(",\"input_messages\":[{\"role\":\"user\",\"content\":\"" + "é".repeat(MIB / 2) + "\"}]");
    assertThat(decodeItems(twoByte).accepted()).isOne();
    assertThat(errorOf(twoByte.replace("\"}]", "é\"}]")))
        .isEqualTo("items[0].input_messages[0].content: larger than 1048576 bytes");
  }

  @Test
  void jsonInputIsMeasuredAsItsText() {
    String big = span(",\"input\":{\"q\":\"" + "a".repeat(MIB) + "\"}");
    assertThat(errorOf(big)).isEqualTo("items[0].input: larger than 1048576 bytes");
  }

  @Test
  void listAndMapSizes() {
    assertThat(decodeItems(span(",\"tags\":" + list(100, "\"t#\""))).accepted()).isOne();
    assertThat(errorOf(span(",\"tags\":" + list(101, "\"t#\"")))).isEqualTo("items[0].tags: more than 100 entries");
    String message = "{\"role\":\"user\",\"content\":\"m#\"}";
    assertThat(decodeItems(span(",\"input_messages\":" + list(1000, message))).accepted()).isOne();
    assertThat(errorOf(span(",\"output_messages\":" + list(1001, message))))
        .isEqualTo("items[0].output_messages: more than 1000 entries");
    assertThat(errorOf(span(",\"output_messages\":[{\"role\":\"assistant\",\"tool_calls\":"
        + list(129, "{\"name\":\"f#\"}") + "}]")))
        .isEqualTo("items[0].output_messages[0].tool_calls: more than 128 entries");
    assertThat(errorOf(span(",\"documents\":" + list(1001, "{}")))).isEqualTo("items[0].documents: more than 1000 entries");
    String entries256 = IntStream.range(0, 256).mapToObj(i -> "\"k" + i + "\":" + i).collect(Collectors.joining(",", "{", "}"));
    assertThat(decodeItems(span(",\"metadata\":" + entries256)).accepted()).isOne();
    assertThat(errorOf(span(",\"attributes\":" + entries256.replace("}", ",\"k256\":1}"))))
        .isEqualTo("items[0].attributes: more than 256 entries");
    assertThat(errorOf(span(",\"metadata\":{\"" + "k".repeat(1001) + "\":\"v\"}")))
        .isEqualTo("items[0].metadata: key longer than 1000 characters");
  }

  @Test
  void atMost1000ItemsPerRequest() {
    String item = "{\"type\":\"span\",\"trace_id\":\"t\",\"span_id\":\"s#\",\"model\":\"gpt-4o\",\"start_time\":\"" + T0
        + "\",\"usage\":{\"input_tokens\":10,\"output_tokens\":5}}";
    NativeBatch full = decode("{\"items\":" + list(1000, item) + "}");
    assertThat(full.accepted()).isEqualTo(1000);
    assertThat(full.spans()).hasSize(1000);
    assertThatThrownBy(() -> decode("{\"items\":" + list(1001, item) + "}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("too many items: at most 1000 per request");
  }
}
