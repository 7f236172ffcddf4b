package dev.vigil.server.ingest.pii;

import static dev.vigil.server.ingest.pii.PiiTexts.mask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.PiiMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PiiPhoneDetectorTest {

  @ParameterizedTest
  @ValueSource(strings = {"(415) 555-2671", "415-555-2671", "415.555.2671", "+1 415 555 2671", "+14155552671",
      "+44 20 7946 0958", "+49 30 901820", "+33 1 42 68 53 00", "+81 3-1234-5678", "+61 2 9374 4000"})
  void masksNumbersInUsAndInternationalFormats(String phone) {
    assertThat(mask("Call me at " + phone + " tomorrow")).isEqualTo("Call me at [PHONE] tomorrow");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Released on 2024-01-15 at 10:30", "order 1234567", "pi is 3.14159265358",
      "v10.2.3.4567", "The population is 8,100,000,000", "ISBN 978-0-306-40615", "$4155552671",
      "total 12345678 tokens"})
  void leavesOrdinaryNumbersAndDates(String text) {
    assertThat(mask(text)).isEqualTo(text);
  }

  @Test
  void defaultRegionDecidesNationalNumbers() {
    PiiMasker de = new PiiMasker(PiiMode.MASK, List.of(), "DE", null);
    assertThat(de.mask("Ruf an: 030 901820").text()).isEqualTo("Ruf an: [PHONE]");
    assertThat(mask("Ruf an: 030 901820")).isEqualTo("Ruf an: 030 901820");
    // with '+' the region does not matter
    assertThat(de.mask("call +1 415-555-2671").text()).isEqualTo("call [PHONE]");
  }

  @Test
  void numbersInsideJsonAndLists() {
    assertThat(mask("{\"phone\":\"+14155552671\"}")).isEqualTo("{\"phone\":\"[PHONE]\"}");
    assertThat(mask("Phones: 415-555-2671, 650-253-0000.")).isEqualTo("Phones: [PHONE], [PHONE].");
  }

  @Test
  void internationalOnlyRegion() {
    PiiMasker zz = new PiiMasker(PiiMode.MASK, List.of(), "ZZ", null);
    assertThat(zz.mask("call (415) 555-2671 or +44 20 7946 0958").text()).isEqualTo("call (415) 555-2671 or [PHONE]");
  }

  @Test
  void unknownRegionIsRejected() {
    assertThatThrownBy(() -> new PiiMasker(PiiMode.MASK, List.of(), "XX", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("XX");
  }
}
