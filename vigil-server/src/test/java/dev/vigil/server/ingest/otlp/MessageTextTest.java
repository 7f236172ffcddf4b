package dev.vigil.server.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Message;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The parts-shape fast path against MessageParser's general one: the same messages, or it steps aside. */
class MessageTextTest {
  private static final List<String> SAMPLES = List.of(
      "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"hi there\"}]}]",
      "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"a\"},{\"content\":\"b\",\"type\":\"TEXT\"}],"
          + "\"finish_reason\":\" Stop \",\"name\":\"bot\"}]",
      "[{\"parts\":[{\"type\":\"input_text\",\"content\":\"  \"},{\"type\":\" output_text\",\"content\":\"x\\ny\\u00e9\"}],"
          + "\"role\":\" \"},{},{\"role\":\"TOOL\",\"parts\":[]},{\"name\":\" \",\"finish_reason\":\"\"}]",
      "[]", " [{\"role\":\"user\"}]", "[{\"role\":\"user\",\"parts\":[{\"type\":\"image\",\"content\":\"x\"}]}]",
      "[{\"role\":\"user\",\"content\":\"plain\"}]", "[{\"role\":\"user\",\"id\":\"1\"}]", "[{\"role\":42}]",
      "[{\"role\":null}]", "[{\"role\":\"a\",\"role\":\"b\"}]", "[\"text\"]", "[{\"role\":\"user\"}] x", "{\"role\":\"user\"}",
      "[{\"role\":\"user\",\"parts\":\"x\"}]", "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\"}]}]",
      "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"a\",\"content\":\"b\"}]}]",
      "[{\"role\":\"user\",\"parts\":[{}]}]", "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":1}]}]",
      "[{\"type\":\"text\",\"content\":\"be brief\"},{\"type\":\"text\",\"content\":\"and kind\"}]",
      "[{\"type\":\"text\",\"content\":\" \"}]", "[{\"type\":\"text\",\"content\":\"x\"},\"y\"]");

  @Test
  void agreesWithMessageParserOnSamples() {
    for (String s : SAMPLES) assertAgrees(s);
  }

  @Test
  void readsTheCommonShape() {
    assertThat(MessageText.messages(SAMPLES.get(0), "user")).containsExactly(Message.of("user", "hi there"));
    assertThat(MessageText.messages(SAMPLES.get(1), "user")).containsExactly(
        new Message("assistant", "a\nb", "bot", List.of(), null, "stop"));
    assertThat(MessageText.systemInstructions(SAMPLES.get(19))).isEqualTo(Message.of("system", "be brief\nand kind"));
  }

  @Test
  void agreesWithMessageParserOnMutations() {
    SplittableRandom random = new SplittableRandom(2);
    String[] inserts = {"\"", "\\", ",", " ", "]", "}", "{", "[", "x", "\u0001", ":", "é", "😀", "T", "\"\"",
        ",\"name\":\"n\"", ",\"finish_reason\":\"STOP\"", ",\"id\":\"i\"", ",\"role\":\"tool\"", "\"type\":\"text\",",
        "{\"type\":\"text\",\"content\":\"c\"},", "null", "1"};
    int decided = 0;
    for (int n = 0; n < 30_000; n++) {
      String s = SAMPLES.get(random.nextInt(SAMPLES.size()));
      int at = random.nextInt(s.length() + 1);
      s = switch (random.nextInt(3)) {
        case 0 -> s.substring(0, at) + inserts[random.nextInt(inserts.length)] + s.substring(at);
        case 1 -> at < s.length() ? s.substring(0, at) + s.substring(at + 1) : s;
        default -> s.substring(0, at);
      };
      if (assertAgrees(s)) decided++;
    }
    assertThat(decided).as("mutations the fast path decided").isGreaterThan(1_000);
  }

  /** Whether the fast path decided; the general path is fed the parsed structure, which it reads the same. */
  private static boolean assertAgrees(String s) {
    Object parsed = Json.parseStructure(s);
    boolean decided = false;
    List<Message> fast = MessageText.messages(s, "user");
    if (fast != null) {
      assertThat(parsed).as(s).isInstanceOf(List.class);
      assertThat(fast).as(s).isEqualTo(MessageParser.messages(parsed, "user"));
      decided = true;
    }
    Message system = MessageText.systemInstructions(s);
    if (system != MessageText.UNSURE) {
      assertThat(parsed).as(s).isInstanceOf(List.class);
      assertThat(system).as(s).isEqualTo(MessageParser.systemInstructions(parsed));
      decided = true;
    }
    return decided;
  }
}
