package dev.vigil.server.ingest.pii;

import static dev.vigil.server.ingest.pii.PiiTexts.mask;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PiiIbanDetectorTest {

  @ParameterizedTest
  @ValueSource(strings = {"DE89 3704 0044 0532 0130 00", "DE89370400440532013000", "GB82 WEST 1234 5698 7654 32",
      "GB82WEST12345698765432", "NL91ABNA0417164300", "FR14 2004 1010 0505 0001 3M02 606", "BE68539007547034",
      "NO9386011117947"})
  void masksValidIbans(String iban) {
    assertThat(mask("Pay to " + iban + " by Friday")).isEqualTo("Pay to [IBAN] by Friday");
  }

  @ParameterizedTest
  @ValueSource(strings = {"DE89 3704 0044 0532 0130 01", "GB83WEST12345698765432",
      // right checksum, wrong length for Germany
      "DE8937040044053201300", "NL91ABNA04171643001"})
  void leavesBadChecksumsAndLengths(String text) {
    assertThat(mask(text)).doesNotContain("[IBAN]");
  }

  @org.junit.jupiter.api.Test
  void stopsAtTheCountryLength() {
    assertThat(mask("BE68 5390 0754 7034 and more")).isEqualTo("[IBAN] and more");
  }
}
