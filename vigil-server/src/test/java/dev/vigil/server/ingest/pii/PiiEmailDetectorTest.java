package dev.vigil.server.ingest.pii;

import static dev.vigil.server.ingest.pii.PiiTexts.mask;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PiiEmailDetectorTest {

  @ParameterizedTest
  @ValueSource(strings = {"jane.doe+tag@mail.example.co.uk", "JOHN_SMITH@Example.COM", "a-b%c@sub-domain.io",
      "müller@bücher.de"})
  void masksAddresses(String email) {
    assertThat(mask("Contact " + email + ", thanks.")).isEqualTo("Contact [EMAIL], thanks.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ping @alice in the channel", "root@localhost", "load icon@2x.png", "a@b.c",
      "npm i left-pad@1.3.0", "@Override public void run()", "user@-bad.com", "x@.com"})
  void leavesLookAlikes(String text) {
    assertThat(mask(text)).isEqualTo(text);
  }

  @org.junit.jupiter.api.Test
  void trimsSentencePunctuationAndFindsSeveral() {
    assertThat(mask("Mail a@x.org or b@y.org."))
        .isEqualTo("Mail [EMAIL] or [EMAIL].");
    assertThat(mask("<jane@corp.com>")).isEqualTo("<[EMAIL]>");
    assertThat(mask("mailto:jane@corp.com?subject=hi")).isEqualTo("mailto:[EMAIL]?subject=hi");
    assertThat(mask("{\"to\":\"jane@corp.com\"}")).isEqualTo("{\"to\":\"[EMAIL]\"}");
  }
}
