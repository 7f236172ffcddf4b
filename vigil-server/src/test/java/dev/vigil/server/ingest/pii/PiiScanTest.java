package dev.vigil.server.ingest.pii;

import static dev.vigil.server.ingest.pii.PiiTexts.mask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TextHints rules texts out before the detectors see them; these are the edges of what it rules out. */
class PiiScanTest {

  /** Each keyed secret as short as its rule allows: TextHints skips the literals in shorter texts. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "xoxb-1234567890 | [SECRET]",
      "Bearer 1234abcd | Bearer [SECRET]",
      "sk_live_1234567890 | [SECRET]",
      "eyJabcde.eyJabcde. | [SECRET]",
      "AKIAABCDEFGHIJKLMNOP | [SECRET]",
      "sk-abcdefghijklmnopqrs1 | [SECRET]",
      "-----BEGIN PRIVATE KEY----- | [SECRET]",
      "github_pat_abcdefghijklmnopqrstuv | [SECRET]",
      "ghp_abcdefghijklmnopqrstuvwxyz0123 | [SECRET]",
      "AIza0123456789abcdefghijklmnopqrstuvwxy | [SECRET]",
      "://a:b@ | ://a:[SECRET]@",
      "pwd=x | pwd=[SECRET]",
      "a@b.cd | [EMAIL]",
      "::1 | [IP]",
      "1.2.3.4 | [IP]"})
  void shortestValuesAreFound(String text, String masked) {
    assertThat(mask(text)).isEqualTo(masked);
    assertThat(SecretDetector.SHORTEST_KEYED).isLessThanOrEqualTo("xoxb-1234567890".length());
  }

  @Test
  void valuesAreFoundAtEveryOffsetOfTheWordsTheScanReads() {
    Map<String, String> values = Map.ofEntries(Map.entry("jane@x.com", "[EMAIL]"),
        Map.entry("(415) 555-2671", "[PHONE]"), Map.entry("4111 1111 1111 1111", "[CARD]"),
        Map.entry("123-45-6789", "[SSN]"), Map.entry("DE89370400440532013000", "[IBAN]"),
        Map.entry("10.0.0.7", "[IP]"), Map.entry("fe80::1", "[IP]"),
        Map.entry("sk-Ab3dEf5hIj7kLm9nOp1qRs3tUv5w", "[SECRET]"),
        Map.entry("ghp_abcdefghijklmnopqrstuvwxyz0123456789", "[SECRET]"),
        Map.entry("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig", "[SECRET]"),
        Map.entry("AKIAIOSFODNN7EXAMPLE", "[SECRET]"), Map.entry("xoxb-1234567890", "[SECRET]"));
    String lead = "abc de fghij klmnopq";
    values.forEach((value, marker) -> {
      for (int k = 0; k <= lead.length(); k++) {
        String before = lead.substring(0, k) + (k > 0 ? " " : "");
        assertThat(mask(before + value)).as(before + value).isEqualTo(before + marker);
        assertThat(mask(before + value + " then more")).as(before + value).isEqualTo(before + marker + " then more");
      }
    });
    assertThat(mask("Authorization: Bearer abc123def456")).isEqualTo("Authorization: Bearer [SECRET]");
    assertThat(mask("api_key: abc123")).isEqualTo("api_key: [SECRET]");
  }

  @Test
  void charsOfOtherScriptsNeitherHideNorFakeATrigger() {
    // the scan reads each char's low byte: these look like '@', '1', '0', ':' and '-'
    String lookalikes = "\u0140\u0131\u0130\u053a\u012d";
    assertThat(mask(lookalikes.repeat(4))).isEqualTo(lookalikes.repeat(4));
    assertThat(mask(lookalikes + " jane@x.com " + lookalikes + " 10.0.0.7 \uD83D\uDE00 4111 1111 1111 1111"))
        .isEqualTo(lookalikes + " [EMAIL] " + lookalikes + " [IP] \uD83D\uDE00 [CARD]");
    assertThat(mask("caf\u00e9 \u2014 call (415) 555-2671 \u2014 ok")).isEqualTo("caf\u00e9 \u2014 call [PHONE] \u2014 ok");
  }

  @Test
  void cleanValuesOfEveryShapeAreLeftAsTheyAre() {
    for (String text : new String[] {"chat", "v2", "gpt-4o-mini-2024-08-06", "sess_17eadff448a86a0",
        "chatcmpl-bxmnf05g2nuhzezqbu3yj2p4", "opentelemetry.instrumentation.openai_v2", "2.1b0", "2.15.0",
        "acme-web/5.2.1 (Macintosh; Intel Mac OS X 14_5)", "claude-sonnet-4-20250514", "api.openai.com", "/v1/chat",
        "the bearer of bad news rotated the billing token"}) {
      assertThat(mask(text)).isSameAs(text);
    }
  }
}
