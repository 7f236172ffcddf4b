package dev.vigil.server.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast parser against Jackson, Json's reference: same value and types, or it gives up. */
class JsonTextTest {
  private static final ObjectMapper JACKSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

  private static final List<String> SAMPLES = List.of(
      "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"hi there\"}]}]",
      "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"c1\",\"arguments\":{\"a\":1,\"b\":[true,null,2.5]}}]}]",
      "{\"temperature\":0.7,\"max_tokens\":100,\"stop\":[\"a\"],\"n\":{\"x\":-0,\"y\":-0.0,\"z\":1E5,\"w\":1e-2}}",
      "[0,-0,0.0,-0.0,1e2,1E+2,1e-2,123.456e7,-12.5,999999999999999999,-999999999999999999]",
      "[\"\\u00e9\\n\\t\\\"\\\\\\/\\b\\f\\r\",\"\\ud83d\\ude00\",\"\\ud83d\",\"é😀\",\"\u007f\u0080\"]",
      "{\"\":\"\",\"k\":{},\"l\":[],\"m\":[{}],\"n\":null,\"t\":true,\"f\":false}",
      "  [ { \"role\" : \"user\" , \"parts\" : [ ] } ]  ", "\n[1, 2]\r\n\t",
      "{}", "[]", "{\"esc\\u0041ped key\":1}",
      "[\"αβγ\",\"😀x😀\",{\"ключ\":\"значение…\"},\"é\"]",
      "[\"a long string, longer than eight bytes, with \\\"escapes\\\" at odd offsets\",\"0123456789abcdef\"]",
      // Jackson's call: it accepts some, refuses others; the fast parser must not disagree
      "\u000b[1]", "\ufeff[1]", "[1] x", "[1]]", "{\"a\":1}}", "[1]\u0000", "{\"a\":1,\"a\":2}", "{\"a\":null,\"a\":3}",
      "[01]", "[-01]", "[1.]", "[.5]", "[-]", "[+1]", "[1e400]", "[-1e400]", "[1e]", "[1e+]", "[12345678901234567890]",
      "[1234567890123456789]", "[-9223372036854775808]", "[9223372036854775807]", "[1.0e-400]",
      "[\"\\x\"]", "[\"\\u12G4\"]", "[\"\\u12\"]", "[\"a\tb\"]", "[\"a\u0001\"]", "[tru]", "[truex]", "[nul]", "[nullx]",
      "[NaN]", "[Infinity]", "['a']", "[\"a\" \"b\"]", "[1,]", "{\"a\":1,}", "{a:1}", "[/*c*/1]", "[1 # x\n]",
      "{\"a\" 1}", "[", "{", "[\"unterminated", "{\"a\":", "{\"a\"", "[1 2]", "[,1]", "{,}", "[1,,2]",
      "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]");

  @Test
  void agreesWithJacksonOnSamples() {
    for (String s : SAMPLES) assertAgrees(s);
  }

  @Test
  void takesTheFastPathOnPlainJson() {
    assertThat(JsonText.parse(SAMPLES.get(0))).isNotSameAs(JsonText.UNSURE);
    assertThat(JsonText.parse(SAMPLES.get(3))).isNotSameAs(JsonText.UNSURE);
    assertThat(JsonText.parse(SAMPLES.get(4))).isNotSameAs(JsonText.UNSURE);
  }

  @Test
  void agreesWithJacksonOnMutations() {
    SplittableRandom random = new SplittableRandom(1);
    String[] inserts = {"\"", "\\", ",", " ", "]", "}", "{", "[", "x", "\u0001", "\u001f", "0", "-", "e", ".", "\n", ":", "u",
        "E", "é", "\u00a0", "…", "😀", "\ud83d", "\u007f"};
    int accepted = 0;
    for (int n = 0; n < 50_000; n++) {
      String s = SAMPLES.get(random.nextInt(SAMPLES.size()));
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits && !s.isEmpty(); e++) {
        int at = random.nextInt(s.length());
        s = switch (random.nextInt(3)) {
          case 0 -> s.substring(0, at) + inserts[random.nextInt(inserts.length)] + s.substring(at);
          case 1 -> s.substring(0, at) + s.substring(at + 1);
          default -> s.substring(0, at);
        };
      }
      if (assertAgrees(s)) accepted++;
    }
    assertThat(accepted).as("mutations the fast parser decided").isGreaterThan(2_000);
  }

  /** Whether the fast parser decided. */
  private static boolean assertAgrees(String s) {
    Object fast = JsonText.parse(s);
    if (fast == JsonText.UNSURE) return false;
    Object jackson;
    try {
      jackson = JACKSON.readValue(s, Object.class);
    } catch (Exception e) {
      throw new AssertionError("accepted what Jackson refuses: " + s, e);
    }
    assertThat(same(fast, jackson)).as("%s: %s vs %s", s, fast, jackson).isTrue();
    return true;
  }

  /** Equal values of the same classes, maps in the same order. */
  private static boolean same(Object a, Object b) {
    if (a == null || b == null) return a == b;
    if (a.getClass() != b.getClass()) return false;
    if (a instanceof Map<?, ?> ma) {
      Map<?, ?> mb = (Map<?, ?>) b;
      if (ma.size() != mb.size()) return false;
      Iterator<? extends Map.Entry<?, ?>> ib = mb.entrySet().iterator();
      for (Map.Entry<?, ?> e : ma.entrySet()) {
        Map.Entry<?, ?> f = ib.next();
        if (!e.getKey().equals(f.getKey()) || !same(e.getValue(), f.getValue())) return false;
      }
      return true;
    }
    if (a instanceof List<?> la) {
      List<?> lb = (List<?>) b;
      if (la.size() != lb.size()) return false;
      for (int i = 0; i < la.size(); i++) {
        if (!same(la.get(i), lb.get(i))) return false;
      }
      return true;
    }
    return a.equals(b);
  }
}
