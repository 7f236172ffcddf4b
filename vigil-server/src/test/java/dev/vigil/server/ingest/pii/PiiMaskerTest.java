package dev.vigil.server.ingest.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.PiiMode;
import dev.vigil.model.PiiRule;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PiiMaskerTest {
  private static final byte[] KEY = "project-key-1".getBytes(StandardCharsets.UTF_8);

  private static PiiMasker masker(PiiMode mode, PiiRule... rules) {
    return new PiiMasker(mode, List.of(rules), "US", KEY);
  }

  @Test
  void maskReplacesEachKindAndCountsIt() {
    MaskResult r = masker(PiiMode.MASK).mask(
        "jane@x.com and bob@y.org called (415) 555-2671 from 10.0.0.7, card 4111 1111 1111 1111, "
            + "SSN 123-45-6789, IBAN DE89370400440532013000, key sk-Ab3dEf5hIj7kLm9nOp1qRs3tUv5w");
    assertThat(r.text()).isEqualTo("[EMAIL] and [EMAIL] called [PHONE] from [IP], card [CARD], "
        + "SSN [SSN], IBAN [IBAN], key [SECRET]");
    assertThat(r.counts()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "email", 2, "phone", 1, "ip", 1, "card", 1, "ssn", 1, "iban", 1, "secret", 1));
  }

  @Test
  void cjkTextPutsValuesRightNextToWords() {
    assertThat(masker(PiiMode.MASK).mask("请联系jane@x.com或卡号4111111111111111").text()).isEqualTo("请联系[EMAIL]或卡号[CARD]");
  }

  @Test
  void jsonEscapesDoNotHideOrSwallowValues() {
    // tool-call arguments and attribute values are often JSON text with \n escapes
    assertThat(masker(PiiMode.MASK).mask("{\"t\":\"hi\\njane@x.com\\n4111111111111111\\t123-45-6789\"}").text())
        .isEqualTo("{\"t\":\"hi\\n[EMAIL]\\n[CARD]\\t[SSN]\"}");
  }

  @Test
  void realisticCleanAnswerIsLeftAlone() {
    String text = """
        Sure! Upgrade from v1.27.3 to 1.28.0 on 2024-07-01 at 10:42:17 UTC (see RFC 3339). Run:
        ```python
        client = OpenAI(api_key=os.environ["OPENAI_API_KEY"], timeout=30.5)
        resp = client.chat.completions.create(model="gpt-4o-mini", max_tokens=256, temperature=0.2)
        print(resp.usage.total_tokens, "tokens", f"{resp.id}")
        ```
        It costs $0.15 per 1M input tokens; the ratio is 3:1, p99 latency 1,234 ms, build 20240601.
        Order #123456789 ships in 3-5 days. Reach the team in #support-eu or at https://example.com/help.
        """;
    MaskResult r = masker(PiiMode.MASK).mask(text);
    assertThat(r.text()).isSameAs(text);
  }

  @Test
  void cleanTextIsReturnedAsTheSameInstance() {
    String text = "Summarize the meeting notes from Tuesday in three bullet points, version 2.1.0.";
    MaskResult r = masker(PiiMode.MASK).mask(text);
    assertThat(r.text()).isSameAs(text);
    assertThat(r.counts()).isEmpty();
  }

  @Test
  void offLeavesEverything() {
    String text = "jane@x.com sk-Ab3dEf5hIj7kLm9nOp1qRs3tUv5w";
    MaskResult r = new PiiMasker(PiiMode.OFF, List.of(), null, null).mask(text);
    assertThat(r.text()).isSameAs(text);
    assertThat(r.counts()).isEmpty();
  }

  @Test
  void hashIsKeyedDeterministicAndJoinable() throws Exception {
    PiiMasker a = masker(PiiMode.HASH);
    String once = a.mask("from jane@x.com").text();
    assertThat(once).matches("from \\[EMAIL:[0-9a-f]{12}]");
    assertThat(a.mask("to jane@x.com").text()).isEqualTo("to " + once.substring(5));
    assertThat(a.mask("to john@x.com").text()).isNotEqualTo("to " + once.substring(5));

    PiiMasker other = new PiiMasker(PiiMode.HASH, List.of(), "US", "another-key".getBytes(StandardCharsets.UTF_8));
    assertThat(other.mask("from jane@x.com").text()).isNotEqualTo(once);

    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
    String expected = HexFormat.of().formatHex(mac.doFinal("jane@x.com".getBytes(StandardCharsets.UTF_8))).substring(0, 12);
    assertThat(once).isEqualTo("from [EMAIL:" + expected + "]");
  }

  @Test
  void oneMaskerIsSharedAcrossThreads() {
    PiiMasker a = masker(PiiMode.HASH);
    String expected = a.mask("jane@x.com (415) 555-2671").text();
    assertThat(java.util.stream.IntStream.range(0, 500).parallel()
        .mapToObj(i -> a.mask("jane@x.com (415) 555-2671").text()).distinct()).containsExactly(expected);
  }

  @Test
  void hashNeedsAKey() {
    assertThatThrownBy(() -> new PiiMasker(PiiMode.HASH, List.of(), "US", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PiiMasker(PiiMode.HASH, List.of(), "US", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void customRulesMaskUnderTheirName() {
    MaskResult r = masker(PiiMode.MASK, new PiiRule("employee id", "EMP-\\d{6}")).mask("owner EMP-004211, EMP-1");
    assertThat(r.text()).isEqualTo("owner [EMPLOYEE ID], EMP-1");
    assertThat(r.counts()).containsExactly(Map.entry("employee id", 1));
    assertThat(masker(PiiMode.HASH, new PiiRule("ticket", "T-\\d+")).mask("T-42").text()).matches("\\[TICKET:[0-9a-f]{12}]");
  }

  @Test
  void markersStaySafeInsideJson() {
    MaskResult r = masker(PiiMode.MASK, new PiiRule("order\"id}", "ORD-\\d+")).mask("{\"o\":\"ORD-7\"}");
    assertThat(r.text()).isEqualTo("{\"o\":\"[ORDER_ID_]\"}");
    assertThat(r.counts()).containsExactly(Map.entry("order\"id}", 1));
  }

  @Test
  void invalidCustomRegexFailsAtConstructionNamingTheRule() {
    assertThatThrownBy(() -> masker(PiiMode.MASK, new PiiRule("broken-rule", "([a-z")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("broken-rule");
  }

  @Test
  void customRulesMatchingEmptyTextAreHarmless() {
    assertThat(masker(PiiMode.MASK, new PiiRule("opt", "x*")).mask("abc xx").text()).isEqualTo("abc [OPT]");
  }

  @Test
  void secretsWinOverGenericFindingsInside() {
    assertThat(masker(PiiMode.MASK).mask("api_key=4111111111111111").text()).isEqualTo("api_key=[SECRET]");
    assertThat(masker(PiiMode.MASK).mask("password=jane@x.com").text()).isEqualTo("password=[SECRET]");
  }

  @Test
  void customRulesWinOverGenericDetectorsEvenWhenStartingLater() {
    // the email starts first, but the rule has priority
    MaskResult r = masker(PiiMode.MASK, new PiiRule("corp", "x\\.com and more")).mask("jane@x.com and more");
    assertThat(r.text()).isEqualTo("jane@[CORP]");
    assertThat(r.counts()).containsExactly(Map.entry("corp", 1));
  }

  @Test
  void overlapsWithinATierGoToEarliestThenLongest() {
    assertThat(masker(PiiMode.MASK, new PiiRule("short", "ab"), new PiiRule("long", "abcd")).mask("abcdef").text())
        .isEqualTo("[LONG]ef");
    assertThat(masker(PiiMode.MASK, new PiiRule("late", "bcd"), new PiiRule("early", "ab")).mask("abcdef").text())
        .isEqualTo("[EARLY]cdef");
    // exact tie: the rule listed first
    assertThat(masker(PiiMode.MASK, new PiiRule("one", "abc"), new PiiRule("two", "abc")).mask("abc").text())
        .isEqualTo("[ONE]");
  }

  @Test
  void overlapResolutionIsIndependentOfFindingOrder() {
    List<Finding> found = new java.util.ArrayList<>(List.of(
        new Finding(5, 9, "phone", false), new Finding(0, 6, "email", false),
        new Finding(8, 12, "secret", true), new Finding(0, 3, "ip", false), new Finding(12, 14, "card", false)));
    assertThat(Overlaps.resolve(found)).containsExactly(
        new Finding(0, 6, "email", false), new Finding(8, 12, "secret", true), new Finding(12, 14, "card", false));
  }
}
