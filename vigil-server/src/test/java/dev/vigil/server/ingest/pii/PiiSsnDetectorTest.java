package dev.vigil.server.ingest.pii;

import static dev.vigil.server.ingest.pii.PiiTexts.mask;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PiiSsnDetectorTest {

  @ParameterizedTest
  @ValueSource(strings = {"123-45-6789", "123 45 6789", "078-05-1120", "899-99-9999"})
  void masksSsns(String ssn) {
    assertThat(mask("SSN: " + ssn + ".")).isEqualTo("SSN: [SSN].");
  }

  @ParameterizedTest
  @ValueSource(strings = {"000-12-3456", "666-12-3456", "900-12-3456", "999-12-3456", "123-00-4567",
      "123-45-0000", "123-45 6789", "123456789", "9123-45-6789", "123-45-67890", "a123-45-6789"})
  void leavesInvalidRangesAndShapes(String text) {
    assertThat(mask(text)).doesNotContain("[SSN]");
  }
}
